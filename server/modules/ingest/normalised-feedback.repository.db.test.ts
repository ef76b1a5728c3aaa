import { sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { queryRows } from '../../db/client.ts';
import { describeEachEngine } from '../../test/engines.ts';
import { createTestWorkspace } from '../../test/fixtures.ts';
import { receiveRawItems } from './ingest.repository.ts';
import {
  insertNormalisedFeedback,
  type NormalisedFeedbackRow,
} from './normalised-feedback.repository.ts';

describeEachEngine('normalised feedback rows', ({ ctx }) => {
  async function rawIds(workspaceId: string, count: number) {
    const stored = await receiveRawItems(
      ctx().db,
      workspaceId,
      'widget',
      Array.from({ length: count }, (_, index) => ({ dedupKey: `k${index}`, payload: {} })),
    );
    return stored.map((item) => item.id);
  }

  const row = (
    rawItemId: number,
    fields: Partial<NormalisedFeedbackRow>,
  ): NormalisedFeedbackRow => ({
    rawItemId,
    postId: null,
    channel: 'widget',
    touchpointId: null,
    contactId: null,
    accountId: null,
    scoreType: null,
    score: null,
    text: '',
    receivedAt: new Date().toISOString(),
    ...fields,
  });

  const feedbackOf = (workspaceId: string) =>
    queryRows<{
      score: number | null;
      text: string;
      metadata: Record<string, unknown>;
      rawItemId: number;
    }>(
      ctx().db,
      sql`SELECT score, text, metadata, raw_item_id::int AS "rawItemId" FROM feedback WHERE workspace_id = ${workspaceId}`,
    );

  it('lets a newer revision override and a late older one only fill what is missing', async () => {
    const workspace = await createTestWorkspace(ctx());
    const [answer, followUp] = await rawIds(workspace.id, 2);
    const group = (revision: number) => ({ key: 'widget:r1', revision });
    // The follow-up (revision 2) is normalised first and has no score.
    const first = await insertNormalisedFeedback(ctx().db, workspace.id, [
      row(followUp!, { text: 'Delivery was late', metadata: { page: '/b' }, group: group(2) }),
    ]);
    const late = await insertNormalisedFeedback(ctx().db, workspace.id, [
      row(answer!, {
        scoreType: 'nps',
        score: 4,
        text: 'stale',
        metadata: { page: '/a', step: 'answer' },
        group: group(1),
      }),
    ]);
    expect(late.get(answer!)).toBe(first.get(followUp!));
    expect(await feedbackOf(workspace.id)).toEqual([
      {
        score: 4,
        text: 'Delivery was late',
        metadata: { page: '/b', step: 'answer' },
        rawItemId: followUp,
      },
    ]);
    // Normalising either again changes nothing.
    await insertNormalisedFeedback(ctx().db, workspace.id, [
      row(followUp!, { text: 'Delivery was late', metadata: { page: '/b' }, group: group(2) }),
    ]);
    expect(await feedbackOf(workspace.id)).toHaveLength(1);
    expect((await feedbackOf(workspace.id))[0]!.text).toBe('Delivery was late');
  });

  it('stores ungrouped rows in one go and finds those stored before', async () => {
    const workspace = await createTestWorkspace(ctx());
    const ids = await rawIds(workspace.id, 3);
    const first = await insertNormalisedFeedback(
      ctx().db,
      workspace.id,
      ids.slice(0, 2).map((id) => row(id, { text: `item ${id}` })),
    );
    const again = await insertNormalisedFeedback(
      ctx().db,
      workspace.id,
      ids.map((id) => row(id, { text: `item ${id}` })),
    );
    expect(again.get(ids[0]!)).toBe(first.get(ids[0]!));
    expect(again.get(ids[1]!)).toBe(first.get(ids[1]!));
    expect(again.size).toBe(3);
    expect(await feedbackOf(workspace.id)).toHaveLength(3);
  });
});

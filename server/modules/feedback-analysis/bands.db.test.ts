import { sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { queryRows } from '../../db/client.ts';
import { describeEachEngine } from '../../test/engines.ts';
import { createTestWorkspace } from '../../test/fixtures.ts';
import { DEFAULT_SIMILARITY, lshBands, textSignature } from '../analysis/similarity/index.ts';
import { createTestFeedback } from './analysis.fixture.ts';
import { analyseFeedback } from './analysis.service.ts';

const FIRST =
  'The courier left the parcel in the rain and the box was soaked through when I got home';
const REVISED =
  'Support answered my question about the invoice within an hour and the refund arrived the next day';
const BANDS = DEFAULT_SIMILARITY.bands;

describeEachEngine('similarity bands of analysed feedback', ({ ctx }) => {
  const storedBands = (workspaceId: string, feedbackId: string) =>
    queryRows<{ band: number; hash: string }>(
      ctx().db,
      sql`SELECT band, hash::text AS hash FROM text_similarity_bands
          WHERE workspace_id = ${workspaceId} AND subject = 'feedback' AND subject_id = ${feedbackId}
          ORDER BY band`,
    );
  const expected = (text: string) =>
    lshBands(textSignature(text)!).map(({ band, hash }) => ({ band, hash: String(hash) }));
  const setText = (workspaceId: string, feedbackId: string, text: string) =>
    ctx().db.execute(
      sql`UPDATE feedback SET text = ${text} WHERE workspace_id = ${workspaceId} AND id = ${feedbackId}`,
    );

  it('stores the signature, and a revised text replaces its bands instead of adding to them', async () => {
    const workspace = await createTestWorkspace(ctx());
    const id = await createTestFeedback(ctx(), workspace.id, FIRST);
    expect(await storedBands(workspace.id, id)).toEqual(expected(FIRST));
    const [stored] = await queryRows<{ bytes: number }>(
      ctx().db,
      sql`SELECT octet_length(minhash) AS bytes FROM feedback_analysis
          WHERE workspace_id = ${workspace.id} AND feedback_id = ${id}`,
    );
    expect(stored!.bytes).toBe(BANDS * DEFAULT_SIMILARITY.rows * 4);

    await setText(workspace.id, id, REVISED);
    await analyseFeedback(ctx().db, workspace.id, [id], ctx().log);
    expect(await storedBands(workspace.id, id)).toEqual(expected(REVISED));

    // Analysed again unchanged: the same rows, nothing added or lost.
    await analyseFeedback(ctx().db, workspace.id, [id], ctx().log);
    expect(await storedBands(workspace.id, id)).toEqual(expected(REVISED));

    // Revised to a text too short to compare: no bands and no signature remain.
    await setText(workspace.id, id, 'Thanks!');
    await analyseFeedback(ctx().db, workspace.id, [id], ctx().log);
    expect(await storedBands(workspace.id, id)).toEqual([]);
  });

  it('re-analyses items stored before signatures were, without losing their bands', async () => {
    const workspace = await createTestWorkspace(ctx());
    const id = await createTestFeedback(ctx(), workspace.id, FIRST);
    const repeat = await createTestFeedback(ctx(), workspace.id, `${FIRST}!`, {
      analyse: false,
      receivedAt: new Date(Date.now() + 60_000),
    });
    await ctx().db.execute(
      sql`UPDATE feedback_analysis SET minhash = NULL WHERE workspace_id = ${workspace.id}`,
    );
    await analyseFeedback(ctx().db, workspace.id, [id, repeat], ctx().log);
    expect(await storedBands(workspace.id, id)).toEqual(expected(FIRST));
    // The candidate without a stored signature was verified from its text.
    const [row] = await queryRows<{ duplicateOf: string | null }>(
      ctx().db,
      sql`SELECT duplicate_of AS "duplicateOf" FROM feedback_analysis
          WHERE workspace_id = ${workspace.id} AND feedback_id = ${repeat}`,
    );
    expect(row!.duplicateOf).toBe(id);
  });
});

import { expect, it } from 'vitest';
import { describeEachEngine } from '../../test/engines.ts';
import { createTestWorkspace } from '../../test/fixtures.ts';
import { SYSTEM_ACTOR } from '../audit/audit.service.ts';
import { exportWorkspace, importWorkspace } from '../export/export.service.ts';
import { createSampleCase } from './cases.fixture.ts';
import { addComment } from './comments.service.ts';

async function* linesOf(lines: string[]) {
  yield* lines;
}

describeEachEngine('cases in the workspace export', ({ ctx }) => {
  it('writes each case with its feedback and timeline, people by email; import skips them', async () => {
    const source = await createTestWorkspace(ctx());
    const agent = await source.member('agent');
    const sample = await createSampleCase(ctx(), source.id, { ownerId: agent.id });
    await addComment(
      ctx(),
      source.id,
      sample.caseId,
      { body: 'Call them', mentions: [] },
      agent.id,
    );

    const lines: string[] = [];
    const counts = await exportWorkspace(ctx(), source.id, (l) => void lines.push(l), SYSTEM_ACTOR);
    expect(counts.case).toBe(1);
    const exported = lines
      .map((line) => JSON.parse(line) as { type: string; data: Record<string, unknown> })
      .find((line) => line.type === 'case')!.data;
    expect(exported).toMatchObject({
      id: sample.caseId,
      number: sample.number,
      ownerEmail: agent.email,
      stage: 'engage',
      feedbackIds: [sample.feedbackIds[0]],
      actionIds: [],
    });
    expect(exported).not.toHaveProperty('ownerId');
    expect(exported.events).toEqual([
      expect.objectContaining({ type: 'opened', actorEmail: null }),
      expect.objectContaining({
        type: 'comment',
        actorEmail: agent.email,
        data: { body: 'Call them', mentions: [] },
      }),
    ]);

    const target = await createTestWorkspace(ctx());
    const result = await importWorkspace(ctx(), target.id, linesOf(lines), SYSTEM_ACTOR);
    expect(result.errors).toEqual([]);
    expect(result.skippedReasons['cases are exported for the record and not imported']).toBe(1);
  });
});

import { sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { queryRows, type Db } from '../../db/client.ts';
import { createLogger } from '../../logger.ts';
import { describeEachEngine } from '../../test/engines.ts';
import { createTestWorkspace } from '../../test/fixtures.ts';
import { receiveRawItems } from './ingest.repository.ts';
import { normaliseJob } from './normalise.jobs.ts';

const log = createLogger({ LOG_LEVEL: 'silent' });

/** A database whose `transaction` always fails, as when the connection drops mid-job. */
function failingTransactions(db: Db): Db {
  return new Proxy(db, {
    get(target, property, receiver) {
      if (property === 'transaction')
        return () => Promise.reject(new Error('connection terminated unexpectedly'));
      return Reflect.get(target, property, receiver) as unknown;
    },
  });
}

describeEachEngine('normalisation job', ({ ctx }) => {
  const run = (db: Db, workspaceId: string, rawItemIds: number[], attempt: number) =>
    normaliseJob.handler(
      { rawItemIds },
      { db, jobId: 1, attempt, workspaceId, log, signal: new AbortController().signal },
    );

  const states = (workspaceId: string) =>
    queryRows<{ state: string; lastError: string | null; feedback: number }>(
      ctx().db,
      sql`SELECT r.state, r.last_error AS "lastError",
            (SELECT count(*)::int FROM feedback f WHERE f.workspace_id = r.workspace_id AND f.raw_item_id = r.id) AS feedback
          FROM raw_items r WHERE r.workspace_id = ${workspaceId} ORDER BY r.id`,
    );

  it('leaves items to retry while attempts remain, and dead with the reason after the last', async () => {
    const workspace = await createTestWorkspace(ctx());
    const stored = await receiveRawItems(ctx().db, workspace.id, 'api', [
      { dedupKey: 'a', payload: { text: 'First' } },
      { dedupKey: 'b', payload: { text: 'Second' } },
    ]);
    const ids = stored.map((item) => item.id);
    const broken = failingTransactions(ctx().db);

    await expect(run(broken, workspace.id, ids, 1)).rejects.toThrow(/connection terminated/);
    expect((await states(workspace.id)).map((item) => item.state)).toEqual([
      'received',
      'received',
    ]);

    await expect(run(broken, workspace.id, ids, 5)).rejects.toThrow(/connection terminated/);
    expect(await states(workspace.id)).toEqual([
      { state: 'dead', lastError: expect.stringMatching(/connection terminated/), feedback: 0 },
      { state: 'dead', lastError: expect.stringMatching(/connection terminated/), feedback: 0 },
    ]);
  });

  it('makes one feedback item per raw item however often it runs', async () => {
    const workspace = await createTestWorkspace(ctx());
    const stored = await receiveRawItems(ctx().db, workspace.id, 'api', [
      { dedupKey: 'x', payload: { text: 'Hello', contact: { email: 'x@acme.io' } } },
    ]);
    const ids = stored.map((item) => item.id);
    await run(ctx().db, workspace.id, ids, 1);
    await ctx().db.execute(
      sql`UPDATE raw_items SET state = 'received' WHERE workspace_id = ${workspace.id}`,
    );
    await run(ctx().db, workspace.id, ids, 2);
    expect(await states(workspace.id)).toEqual([
      { state: 'processed', lastError: null, feedback: 1 },
    ]);
  });
});

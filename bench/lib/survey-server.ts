import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseConfig } from '../../server/config/env.ts';
import { createContext } from '../../server/context.ts';
import { openDatabase } from '../../server/db/client.ts';
import { buildApp } from '../../server/http/app.ts';
import { createRegistry } from '../../server/jobs/job.ts';
import { allJobs } from '../../server/jobs/registry.ts';
import { Worker } from '../../server/jobs/worker.ts';
import { createLogger } from '../../server/logger.ts';
import { createSampleSurvey } from '../../server/modules/surveys/survey.fixture.ts';
import { createTestWorkspace } from '../../server/test/fixtures.ts';

/**
 * The API and worker roles for the survey bench, in their own process (as one Hearken process
 * runs them on PGlite): `node --import tsx bench/lib/survey-server.ts [database-url]`.
 * Sends `ready` with the URL and the survey's public token over IPC; stops on `stop`.
 */
export interface SurveyServerReady {
  type: 'ready';
  url: string;
  surveyToken: string;
}

const args = process.argv.slice(2);
const [databaseUrl] = args.filter((arg) => !arg.startsWith('--'));
/** `--api-only`: the API role alone, as with HEARKEN_ROLES=api; normalisation waits in the queue. */
const apiOnly = args.includes('--api-only');
const dataDir = mkdtempSync(join(tmpdir(), 'hearken-bench-survey-'));
// One load generator on one address: the per-address limit is lifted for the bench.
const config = parseConfig({
  LOG_LEVEL: 'warn',
  DATA_DIR: dataDir,
  DATABASE_URL: databaseUrl,
  PUBLIC_RATE_LIMIT_PER_MINUTE: '1000000',
});
const log = createLogger(config);
const database = await openDatabase({ databaseUrl, poolMax: config.DATABASE_POOL_MAX });
await database.migrate();
const ctx = createContext(database.db, database.engine, config, log);
const workspace = await createTestWorkspace(ctx, 'Bench Co');
const survey = await createSampleSurvey(ctx, workspace.id);
const worker = new Worker(ctx.db, createRegistry(allJobs), {
  concurrency: config.WORKER_CONCURRENCY,
  pollMs: config.JOB_POLL_MS,
  leaseMs: config.JOB_LEASE_MS,
  log,
});
if (!apiOnly) {
  ctx.jobs.onEnqueue(() => worker.nudge());
  worker.start();
}
const app = await buildApp(ctx);
const url = await app.listen({ port: 0, host: '127.0.0.1' });

const ready: SurveyServerReady = {
  type: 'ready',
  url,
  surveyToken: new URL(survey.publicUrl).pathname.split('/').at(-1)!,
};
process.send?.(ready);
process.on('message', (message) => {
  if (message !== 'stop') return;
  void (async () => {
    await app.close();
    await worker.stop(5000);
    const [row] = (
      (await database.db.execute(
        `SELECT (SELECT count(*)::int FROM survey_responses) AS responses,
                (SELECT count(*)::int FROM raw_items WHERE state = 'processed') AS processed,
                (SELECT count(*)::int FROM feedback WHERE channel = 'survey') AS feedback`,
      )) as unknown as { rows: Array<Record<string, number>> }
    ).rows;
    process.send?.({ type: 'stopped', ...row });
    await database.close();
    rmSync(dataDir, { recursive: true, force: true });
    process.disconnect?.();
  })();
});

import { openDatabase } from '../../server/db/client.ts';
import { createRegistry } from '../../server/jobs/job.ts';
import { allJobs } from '../../server/jobs/registry.ts';
import { Worker } from '../../server/jobs/worker.ts';
import { createLogger } from '../../server/logger.ts';

/**
 * An extra worker process for bench/analysis.ts on PostgreSQL (the way Hearken scales: more
 * worker processes on one database): `node --import tsx bench/lib/analysis-worker.ts <url>`.
 * Runs every job, as a worker of `npm start` does. Prints `ready`, works until stdin closes, then stops cleanly.
 */
const url = process.argv[2];
if (!url) throw new Error('usage: analysis-worker.ts <database-url>');
const database = await openDatabase({ databaseUrl: url, poolMax: 4 });
const worker = new Worker(database.db, createRegistry(allJobs), {
  concurrency: 2,
  pollMs: 50,
  leaseMs: 60_000,
  log: createLogger({ LOG_LEVEL: 'warn' }),
});
worker.start();
process.stdout.write('ready\n');
process.stdin.resume();
process.stdin.on('end', () => {
  void worker.stop(5000).then(async () => {
    await database.close();
    process.exit(0);
  });
});

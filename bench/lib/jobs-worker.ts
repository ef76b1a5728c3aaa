import { createInterface } from 'node:readline';
import { openDatabase } from '../../server/db/client.ts';
import { Worker } from '../../server/jobs/worker.ts';
import { createLogger } from '../../server/logger.ts';
import {
  benchRegistry,
  executions,
  PROTOCOL_PREFIX,
  WORKER_SETTINGS,
  type ChildReport,
} from './noop-job.ts';

/**
 * A second worker in its own process, for the jobs bench on PostgreSQL:
 * `node --import tsx bench/lib/jobs-worker.ts <database-url>`.
 * It says `ready`, starts claiming on `start`, and on `stop` stops and reports what it ran.
 */
const url = process.argv[2];
if (!url) throw new Error('usage: jobs-worker.ts <database-url>');

const send = (message: string) => process.stdout.write(`${PROTOCOL_PREFIX}${message}\n`);
const database = await openDatabase({ databaseUrl: url });
const worker = new Worker(database.db, benchRegistry, {
  ...WORKER_SETTINGS,
  log: createLogger({ LOG_LEVEL: 'warn' }),
});

const input = createInterface({ input: process.stdin });
input.on('line', (line) => {
  if (line === 'start') worker.start();
  if (line === 'stop') {
    void (async () => {
      await worker.stop(5000);
      const report: ChildReport = {
        completed: worker.completed,
        executions: executions.count,
        ids: [...executions.ids],
      };
      send(`report ${JSON.stringify(report)}`);
      input.close();
      await database.close();
    })();
  }
});
send('ready');

import type { Logger } from 'pino';
import type { Config } from './config/env.ts';
import type { Db, Engine } from './db/client.ts';
import { JobQueue } from './jobs/queue.ts';

/** What every service needs: the database, the settings, a logger and the job queue. */
export interface AppContext {
  db: Db;
  engine: Engine;
  config: Config;
  log: Logger;
  jobs: JobQueue;
}

export function createContext(db: Db, engine: Engine, config: Config, log: Logger): AppContext {
  return { db, engine, config, log, jobs: new JobQueue(db) };
}

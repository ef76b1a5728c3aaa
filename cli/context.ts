import { pino } from 'pino';
import { loadConfig } from '../server/config/env.ts';
import { createContext, type AppContext } from '../server/context.ts';
import { openDatabase } from '../server/db/client.ts';

/** What a CLI command works with: the same context the server uses, and a way to let go of it. */
export interface CliContext {
  ctx: AppContext;
  close(): Promise<void>;
}

/**
 * Opens the database named by the same settings as the server (DATA_DIR or DATABASE_URL),
 * applies migrations and builds an AppContext. Logs go to stderr at warn level, so stdout
 * carries only a command's output (an export can be piped).
 */
export async function openCliContext(): Promise<CliContext> {
  const config = loadConfig();
  const log = pino({ level: 'warn' }, pino.destination(2));
  const database = await openDatabase({
    databaseUrl: config.DATABASE_URL,
    dataDir: config.DATA_DIR,
    poolMax: 2,
  });
  try {
    await database.migrate();
  } catch (error) {
    await database.close();
    throw error;
  }
  return {
    ctx: createContext(database.db, database.engine, config, log),
    close: () => database.close(),
  };
}

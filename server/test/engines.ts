import { afterAll, beforeAll, describe, inject } from 'vitest';
import { parseConfig, type Config } from '../config/env.ts';
import { createContext, type AppContext } from '../context.ts';
import { openDatabase, type Database, type Engine } from '../db/client.ts';
import { createLogger } from '../logger.ts';

/** The per-run PostgreSQL database made by global-setup.ts; empty when DATABASE_URL is unset. */
export function testPostgresUrl(): string {
  return inject('postgresUrl');
}

export const testEngines: Engine[] = testPostgresUrl() ? ['pglite', 'postgres'] : ['pglite'];

export function testConfig(overrides: Record<string, string> = {}): Config {
  return parseConfig({ LOG_LEVEL: 'silent', DATA_DIR: '.tmp/test-data', ...overrides });
}

/** A migrated database: a fresh in-memory PGlite, or the shared test PostgreSQL (a private database per run, migrated once in global setup). */
export async function openTestDatabase(engine: Engine): Promise<Database> {
  const database = await openDatabase({ databaseUrl: engine === 'postgres' ? testPostgresUrl() : undefined, poolMax: 5 });
  if (engine === 'pglite') await database.migrate();
  return database;
}

export interface EngineSuite {
  engine: Engine;
  /** Available inside tests and beforeAll/beforeEach hooks. */
  ctx(): AppContext;
}

/**
 * Runs the same suite once per engine. Tests must create their own workspace (see fixtures.ts)
 * so they can share one database and run in parallel.
 */
export function describeEachEngine(name: string, suite: (env: EngineSuite) => void, configOverrides: Record<string, string> = {}): void {
  for (const engine of testEngines) {
    describe(`${name} [${engine}]`, () => {
      let database: Database | undefined;
      let context: AppContext | undefined;
      beforeAll(async () => {
        database = await openTestDatabase(engine);
        const config = testConfig(configOverrides);
        context = createContext(database.db, database.engine, config, createLogger(config));
      });
      afterAll(async () => {
        await database?.close();
      });
      suite({
        engine,
        ctx: () => {
          if (!context) throw new Error('ctx() is only available inside tests and hooks');
          return context;
        },
      });
    });
  }
}

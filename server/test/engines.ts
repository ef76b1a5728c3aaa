import { randomBytes } from 'node:crypto';
import pg from 'pg';
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
  const database = await openDatabase({
    databaseUrl: engine === 'postgres' ? testPostgresUrl() : undefined,
    poolMax: 5,
  });
  if (engine === 'pglite') await database.migrate();
  return database;
}

export interface EngineSuite {
  engine: Engine;
  /** Available inside tests and beforeAll/beforeEach hooks. */
  ctx(): AppContext;
}

export interface PrivatePostgres {
  url: string;
  database: Database;
  drop(): Promise<void>;
}

/** A migrated PostgreSQL database of its own, for tests that need an empty database (first-run setup). */
export async function createPrivatePostgres(): Promise<PrivatePostgres> {
  const base = testPostgresUrl();
  const name = `hearken_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(base);
  url.pathname = `/${name}`;
  const database = await openDatabase({ databaseUrl: url.toString(), poolMax: 3 });
  await database.migrate();
  return {
    url: url.toString(),
    database,
    async drop() {
      await database.close();
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    },
  };
}

/**
 * Runs the same suite once per engine. With `emptyDatabase`, the suite gets a database of its own. Tests must create their own workspace (see fixtures.ts)
 * so they can share one database and run in parallel.
 */
export function describeEachEngine(
  name: string,
  suite: (env: EngineSuite) => void,
  configOverrides: Record<string, string> = {},
  options: { emptyDatabase?: boolean } = {},
): void {
  for (const engine of testEngines) {
    describe(`${name} [${engine}]`, () => {
      let database: Database | undefined;
      let context: AppContext | undefined;
      let dropPrivate: (() => Promise<void>) | undefined;
      beforeAll(async () => {
        if (options.emptyDatabase && engine === 'postgres') {
          const privateDb = await createPrivatePostgres();
          database = privateDb.database;
          dropPrivate = privateDb.drop;
        } else {
          database = await openTestDatabase(engine);
        }
        const config = testConfig(configOverrides);
        context = createContext(database.db, database.engine, config, createLogger(config));
      });
      afterAll(async () => {
        if (dropPrivate) await dropPrivate();
        else await database?.close();
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

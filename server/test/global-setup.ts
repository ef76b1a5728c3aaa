import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../db/client.ts';
import { TEST_POSTGRES_URL } from './postgres-url.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A fresh, migrated PostgreSQL database for this run, or '' when DATABASE_URL is not set. */
    postgresUrl: string;
  }
}

/**
 * Creates a private PostgreSQL database for this test run (so concurrent runs never collide),
 * migrates it once, and drops it at the end.
 */
export default async function setup(project: TestProject): Promise<(() => Promise<void>) | void> {
  if (!TEST_POSTGRES_URL) {
    project.provide('postgresUrl', '');
    return;
  }
  const name = `hearken_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: TEST_POSTGRES_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(TEST_POSTGRES_URL);
  url.pathname = `/${name}`;
  const database = await openDatabase({ databaseUrl: url.toString(), poolMax: 2 });
  await database.migrate();
  await database.close();
  project.provide('postgresUrl', url.toString());
  return async () => {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  };
}

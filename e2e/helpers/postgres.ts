import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { openDatabase, type Database } from '../../server/db/client.ts';

/** The PostgreSQL server for multi-process tests ('' when DATABASE_URL is not set). */
export const postgresAvailable = () => Boolean(inject('postgresUrl'));

export interface PrivateDatabase {
  url: string;
  database: Database;
  drop(): Promise<void>;
}

/**
 * A migrated database of its own, so worker processes in one test never claim jobs that belong to
 * another test file running at the same time.
 */
export async function createPrivateDatabase(): Promise<PrivateDatabase> {
  const base = inject('postgresUrl');
  const name = `hearken_e2e_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(base);
  url.pathname = `/${name}`;
  const database = await openDatabase({ databaseUrl: url.toString(), poolMax: 4 });
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

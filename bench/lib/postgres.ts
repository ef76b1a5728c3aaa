import { randomBytes } from 'node:crypto';
import pg from 'pg';

/**
 * A private PostgreSQL database per bench run, so a bench never touches anyone else's tables:
 * created from the admin URL (`BENCH_DATABASE_URL`) and dropped `WITH (FORCE)` at the end.
 */
export const BENCH_ADMIN_URL =
  process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export interface BenchDatabase {
  name: string;
  url: string;
  drop(): Promise<void>;
}

export type BenchDatabaseResult =
  { ok: true; database: BenchDatabase } | { ok: false; reason: string };

const created = new Set<string>();

async function withAdmin<T>(run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({
    connectionString: BENCH_ADMIN_URL,
    connectionTimeoutMillis: 3000,
  });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** The admin URL with its password hidden, for notes. */
export function describeAdminUrl(): string {
  const url = new URL(BENCH_ADMIN_URL);
  if (url.password) url.password = '***';
  return url.toString();
}

export async function createBenchDatabase(): Promise<BenchDatabaseResult> {
  const name = `hearken_bench_${randomBytes(5).toString('hex')}`;
  try {
    await withAdmin((client) => client.query(`CREATE DATABASE ${name}`));
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, reason: `PostgreSQL at ${describeAdminUrl()} is unreachable (${message})` };
  }
  created.add(name);
  installCleanup();
  const url = new URL(BENCH_ADMIN_URL);
  url.pathname = `/${name}`;
  return {
    ok: true,
    database: {
      name,
      url: url.toString(),
      drop: () => dropDatabase(name),
    },
  };
}

async function dropDatabase(name: string): Promise<void> {
  if (!created.has(name)) return;
  await withAdmin((client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
  created.delete(name);
}

let cleanupInstalled = false;

/** Drops this run's databases when the bench is interrupted (Ctrl-C) before its own clean-up. */
function installCleanup(): void {
  if (cleanupInstalled) return;
  cleanupInstalled = true;
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      const pending = [...created].map((name) => dropDatabase(name).catch(() => undefined));
      void Promise.all(pending).finally(() => process.exit(130));
    });
  }
}

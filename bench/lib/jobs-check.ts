import { sql } from 'drizzle-orm';
import { queryRows, type Database } from '../../server/db/client.ts';
import { executions } from './noop-job.ts';

export interface Check {
  rows: number;
  done: number;
  /** Never claimed (only a time-limited run leaves these). */
  untouched: number;
  /** Claimed more than once: would mean a lost lease or a double claim. */
  retried: number;
  handlerRuns: number;
  distinctIds: number;
  ok: boolean;
}

/**
 * Proves a completion run ran every job exactly once: each row of the run is either done after
 * one attempt or untouched, and the handler ran once per done row, in whichever process.
 */
export async function verifyRun(
  database: Database,
  ids: number[],
  expectedDone: number,
  child: { executions: number; ids: number[] } | undefined,
): Promise<Check> {
  const firstId = Math.min(...ids);
  const lastId = Math.max(...ids);
  const [row] = await queryRows<{ rows: number; done: number; untouched: number; retried: number }>(
    database.db,
    sql`SELECT count(*)::int AS rows,
          (count(*) FILTER (WHERE state = 'done' AND attempts = 1))::int AS done,
          (count(*) FILTER (WHERE state = 'queued' AND attempts = 0))::int AS untouched,
          (count(*) FILTER (WHERE attempts > 1))::int AS retried
        FROM jobs WHERE id BETWEEN ${firstId} AND ${lastId}`,
  );
  const check = {
    rows: row?.rows ?? 0,
    done: row?.done ?? 0,
    untouched: row?.untouched ?? 0,
    retried: row?.retried ?? 0,
    handlerRuns: executions.count + (child?.executions ?? 0),
    distinctIds: new Set([...executions.ids, ...(child?.ids ?? [])]).size,
  };
  const ok =
    check.rows === ids.length &&
    check.done === expectedDone &&
    check.done + check.untouched === check.rows &&
    check.retried === 0 &&
    check.handlerRuns === check.done &&
    check.distinctIds === check.done;
  return { ...check, ok };
}

import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { performance } from 'node:perf_hooks';
import { openDatabase, type Database, type Engine } from '../server/db/client.ts';
import { parseConfig } from '../server/config/env.ts';
import { createContext } from '../server/context.ts';
import { createLogger } from '../server/logger.ts';
import { SYSTEM_ACTOR } from '../server/modules/audit/audit.service.ts';
import { insertUser } from '../server/modules/auth/auth.repository.ts';
import { importFeedbackFile } from '../server/modules/imports/import.service.ts';
import { createPost } from '../server/modules/listening-posts/listening-posts.service.ts';
import { createWorkspaceWithOwner } from '../server/modules/workspaces/workspaces.service.ts';
import { createBenchDatabase } from './lib/postgres.ts';
import {
  intArg,
  note,
  noteMachine,
  perSecond,
  printFigures,
  printTable,
  progress,
} from './lib/report.ts';

export const description =
  'Feedback file import: rows/s accepted from a Delighted-style CSV (first import and re-import), peak RSS';

const WORDS = [
  'fast',
  'slow',
  'support',
  'onboarding',
  'pricing',
  'dashboard',
  'export',
  '"quoted"',
  'team',
];

/** A Delighted-style CSV of `rows` rows, generated as it is read (nothing held in memory). */
function generatedCsv(rows: number): Readable {
  async function* lines() {
    yield 'Response ID,Person Name,Person Email,Score,Comment,Response Timestamp,Delighted Source\n';
    for (let start = 0; start < rows; start += 500) {
      let chunk = '';
      for (let i = start; i < Math.min(rows, start + 500); i++) {
        const text = Array.from(
          { length: 8 + (i % 17) },
          (_, k) => WORDS[(i * 7 + k * 3) % WORDS.length],
        ).join(' ');
        chunk += `${i},Person ${i % 5000},p${i % 5000}@company${i % 300}.example,${i % 11},"Row ${i}: ${text.replaceAll('"', '""')}",2024-03-${String(1 + (i % 28)).padStart(2, '0')} 14:00:10 -0800,email\n`;
      }
      yield chunk;
    }
  }
  return Readable.from(lines());
}

async function runEngine(engine: Engine, database: Database, rows: number) {
  const config = parseConfig({ LOG_LEVEL: 'silent', DATA_DIR: '.tmp/bench-data' });
  const ctx = createContext(database.db, engine, config, createLogger(config));
  const user = await insertUser(ctx.db, {
    email: `bench-${randomUUID()}@example.test`,
    name: 'Bench',
    passwordHash: 'x',
  });
  const workspace = await createWorkspaceWithOwner(
    ctx.db,
    `Import bench ${randomUUID().slice(0, 8)}`,
    user.id,
    SYSTEM_ACTOR,
  );
  const post = await createPost(ctx, workspace.id, { kind: 'import', name: 'bench' });
  const results: Array<{ run: string; rate: number; ms: number; peakRss: number }> = [];
  for (const run of ['first', 'again']) {
    let peakRss = process.memoryUsage().rss;
    const started = performance.now();
    const result = await importFeedbackFile(ctx, workspace.id, post.id, generatedCsv(rows), {
      format: 'csv',
      onProgress: () => {
        peakRss = Math.max(peakRss, process.memoryUsage().rss);
      },
    });
    const ms = performance.now() - started;
    if (result.rows !== rows || result.failed > 0)
      throw new Error(`unexpected result ${JSON.stringify(result)}`);
    results.push({
      run,
      rate: perSecond(rows, ms),
      ms,
      peakRss: Math.round(peakRss / 1024 / 1024),
    });
    progress(`${engine} ${run}: ${rows} rows in ${Math.round(ms)} ms`);
  }
  return results;
}

export async function main(args: string[]): Promise<void> {
  const rows = intArg(args, '--rows', 200_000);
  noteMachine();
  const table: Array<Array<string | number>> = [];
  const figures: Record<string, number> = { rows };
  const pglite = await openDatabase({});
  await pglite.migrate();
  for (const r of await runEngine('pglite', pglite, rows)) {
    table.push(['pglite', r.run, r.rate, Math.round(r.ms), r.peakRss]);
    figures[`pglite_${r.run}_rows_per_s`] = r.rate;
    figures[`pglite_${r.run}_peak_rss_mb`] = r.peakRss;
  }
  await pglite.close();
  const created = await createBenchDatabase();
  if (created.ok) {
    const postgres = await openDatabase({ databaseUrl: created.database.url, poolMax: 2 });
    try {
      await postgres.migrate();
      for (const r of await runEngine('postgres', postgres, rows)) {
        table.push(['postgres', r.run, r.rate, Math.round(r.ms), r.peakRss]);
        figures[`postgres_${r.run}_rows_per_s`] = r.rate;
        figures[`postgres_${r.run}_peak_rss_mb`] = r.peakRss;
      }
    } finally {
      await postgres.close();
      await created.database.drop();
    }
  } else note(`PostgreSQL skipped: ${created.reason}`);
  printTable(
    `Feedback import of ${rows} CSV rows (accept rate; normalisation not included)`,
    ['engine', 'run', 'rows/s', 'ms', 'peak RSS MB'],
    table,
  );
  note('peak RSS is the whole process, including the embedded PGlite for its rows.');
  printFigures(figures);
}

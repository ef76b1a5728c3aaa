import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { pino } from 'pino';
import { afterAll, expect, it } from 'vitest';
import { parseConfig } from '../server/config/env.ts';
import { createContext } from '../server/context.ts';
import { openDatabase, queryRows } from '../server/db/client.ts';
import { createTestWorkspace } from '../server/test/fixtures.ts';
import { createPost } from '../server/modules/listening-posts/listening-posts.service.ts';
import { startProcess } from './helpers/processes.ts';

const dataDir = mkdtempSync(join(tmpdir(), 'hearken-cli-import-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

async function cli(args: string[]): Promise<{ code: number | null; output: string }> {
  const run = startProcess(process.execPath, ['cli/bin.js', ...args], {
    DATA_DIR: dataDir,
    DATABASE_URL: '',
  });
  const code = await new Promise<number | null>((resolve) => run.child.once('exit', resolve));
  return { code, output: run.output() };
}

/** Opens the CLI's PGlite directory between commands (one process at a time holds it). */
async function withDatabase<T>(work: (ctx: ReturnType<typeof createContext>) => Promise<T>) {
  const database = await openDatabase({ dataDir });
  try {
    await database.migrate();
    const config = parseConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent' });
    return await work(
      createContext(database.db, database.engine, config, pino({ level: 'silent' })),
    );
  } finally {
    await database.close();
  }
}

it('`hearken import FILE --post ID` imports a CSV with a progress summary; running it again adds nothing', async () => {
  const { workspaceId, postId } = await withDatabase(async (ctx) => {
    const workspace = await createTestWorkspace(ctx, 'CLI import');
    const post = await createPost(ctx, workspace.id, { kind: 'import', name: 'Delighted' });
    return { workspaceId: workspace.id, postId: post.id };
  });
  const file = join(dataDir, 'delighted.csv');
  writeFileSync(
    file,
    [
      'Response ID,Person Email,Score,Comment,Response Timestamp',
      '1,ana@initech.example,10,"Loved it, ""truly""",2024-03-05 14:22:10 -0800',
      '2,bo@initech.example,3,Too slow,2024-03-06 09:00:00 -0800',
      '3,cy@initech.example,eleven,Odd score,2024-03-06 10:00:00 -0800',
      '4,di@initech.example,8,Fine,2024-03-07 10:30:00 -0800',
    ].join('\n'),
  );

  const first = await cli(['import', file, '--post', postId]);
  expect(first.output).toMatch(
    /Read 4 rows in [\d.]+ s \([\d,]+ rows\/s\): 3 imported, 0 already imported, 0 skipped, 1 bad\./,
  );
  expect(first.output).toMatch(/Delighted export/);
  expect(first.output).toMatch(/line 4: .*eleven/);
  expect(first.code).toBe(1); // a bad row is worth a non-zero exit for scripts

  const again = await cli(['import', file, '--post', postId]);
  expect(again.output).toMatch(/0 imported, 3 already imported, 0 skipped, 1 bad\./);
  const alias = await cli(['import-feedback', file, '--post', postId]);
  expect(alias.output).toMatch(/0 imported, 3 already imported/);

  const stored = await withDatabase((ctx) =>
    queryRows<{ text: string }>(
      ctx.db,
      sql`SELECT payload->>'text' AS text FROM raw_items
          WHERE workspace_id = ${workspaceId} AND post_id = ${postId} ORDER BY id`,
    ),
  );
  expect(stored.map((row) => row.text)).toEqual(['Loved it, "truly"', 'Too slow', 'Fine']);

  const unclear = await cli(['import', file]);
  expect(unclear.code).toBe(1);
  expect(unclear.output).toMatch(/--post <id>.*or --workspace <id>/);
}, 180_000);

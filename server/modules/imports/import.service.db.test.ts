import { Readable } from 'node:stream';
import { sql } from 'drizzle-orm';
import iconv from 'iconv-lite';
import { expect, it } from 'vitest';
import { queryRows } from '../../db/client.ts';
import { describeEachEngine } from '../../test/engines.ts';
import { createTestWorkspace } from '../../test/fixtures.ts';
import { runQueuedNormalisation } from '../../test/normalise.ts';
import { createPost } from '../listening-posts/listening-posts.service.ts';
import { importFeedbackFile, previewImport, type ImportFileOptions } from './import.service.ts';

const DELIGHTED = [
  'Response ID,Person Name,Person Email,Score,Comment,Response Timestamp,Notes,Delighted Source',
  '9001,Ana Lopez,ana@initech.example,10,"Sam was brilliant <script>alert(1)</script>",2024-03-05 14:22:10 -0800,,email',
  '9002,Bo,bo@gmail.com,3,"Waited <b>two</b> weeks, then ""escalated""",2024-03-06 09:00:00 -0800,call back,web',
  '9003,Cy,cy@globex.example,8,,2024-03-07 10:30:00 -0800,,email',
  '9004,,,,,2024-03-07 11:00:00 -0800,,email',
].join('\n');

describeEachEngine('feedback file import', ({ ctx }) => {
  async function setUp() {
    const workspace = await createTestWorkspace(ctx());
    const post = await createPost(ctx(), workspace.id, {
      kind: 'import',
      name: 'Delighted history',
    });
    const run = (file: string | Buffer, options: Partial<ImportFileOptions> = {}) =>
      importFeedbackFile(ctx(), workspace.id, post.id, Readable.from([Buffer.from(file)]), {
        format: 'csv',
        ...options,
      });
    return { workspace, post, run };
  }

  const feedbackOf = (workspaceId: string) =>
    queryRows<{
      text: string;
      score: number | null;
      score_type: string | null;
      channel: string;
      received_at: string;
      post_id: string | null;
      email: string | null;
      domain: string | null;
    }>(
      ctx().db,
      sql`SELECT f.text, f.score, f.score_type, f.channel, to_char(f.received_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS') AS received_at,
            f.post_id, c.email, a.domain
          FROM feedback f
          LEFT JOIN contacts c ON c.workspace_id = f.workspace_id AND c.id = f.contact_id
          LEFT JOIN accounts a ON a.workspace_id = f.workspace_id AND a.id = f.account_id
          WHERE f.workspace_id = ${workspaceId} ORDER BY f.received_at`,
    );

  const rawCount = async (workspaceId: string) =>
    (
      await queryRows<{ n: number }>(
        ctx().db,
        sql`SELECT count(*)::int AS n FROM raw_items WHERE workspace_id = ${workspaceId} AND channel = 'import'`,
      )
    )[0]?.n;

  it('imports a Delighted export: counts, raw items, then normalised feedback with HTML kept verbatim', async () => {
    const { workspace, post, run } = await setUp();
    const result = await run(DELIGHTED);
    expect(result).toMatchObject({
      rows: 4,
      imported: 3,
      duplicates: 0,
      failed: 0,
      skipped: 1,
      skippedReasons: { 'no text and no score': 1 },
      errors: [],
      encoding: 'utf-8',
      delimiter: ',',
      vendor: 'delighted',
      complete: true,
    });
    expect(result.mapping).toMatchObject({
      Score: 'score:nps',
      Comment: 'text',
      'Person Email': 'email',
    });
    expect(await runQueuedNormalisation(ctx(), workspace.id)).toEqual({ jobs: 1, errors: [] });
    expect(await feedbackOf(workspace.id)).toEqual([
      {
        text: 'Sam was brilliant <script>alert(1)</script>',
        score: 10,
        score_type: 'nps',
        channel: 'import',
        received_at: '2024-03-05T22:22:10',
        post_id: post.id,
        email: 'ana@initech.example',
        domain: 'initech.example',
      },
      {
        text: 'Waited <b>two</b> weeks, then "escalated"',
        score: 3,
        score_type: 'nps',
        channel: 'import',
        received_at: '2024-03-06T17:00:00',
        post_id: post.id,
        email: 'bo@gmail.com',
        domain: null,
      },
      {
        text: '',
        score: 8,
        score_type: 'nps',
        channel: 'import',
        received_at: '2024-03-07T18:30:00',
        post_id: post.id,
        email: 'cy@globex.example',
        domain: 'globex.example',
      },
    ]);
    const [touched] = await queryRows<{ last: string | null }>(
      ctx().db,
      sql`SELECT last_received_at AS last FROM listening_posts WHERE id = ${post.id}`,
    );
    expect(touched?.last).not.toBeNull();
  });

  it('adds nothing when the same file is imported twice, and only what is missing after an interruption', async () => {
    const { workspace, run } = await setUp();
    const lines = DELIGHTED.split('\n');
    // An import stopped after two rows...
    expect(await run(lines.slice(0, 3).join('\n'))).toMatchObject({ imported: 2 });
    // ...re-run with the whole file adds only the rest.
    expect(await run(DELIGHTED)).toMatchObject({ rows: 4, imported: 1, duplicates: 2 });
    expect(await run(DELIGHTED)).toMatchObject({ rows: 4, imported: 0, duplicates: 3 });
    expect(await rawCount(workspace.id)).toBe(3);
  });

  it('skips ahead with startAtRow', async () => {
    const { run } = await setUp();
    const result = await run(DELIGHTED, { startAtRow: 3 });
    expect(result).toMatchObject({
      rows: 4,
      imported: 1,
      skipped: 3,
      skippedReasons: { 'before row 3': 2, 'no text and no score': 1 },
    });
  });

  it('reports a bad quote, a ragged row, an invalid email and an out-of-range score by line, and imports the rest', async () => {
    const { workspace, run } = await setUp();
    const csv = [
      'Score,Comment,Email',
      '9,Good,ana@initech.example',
      '8,a "bad" quote,bo@initech.example',
      '7,Fine,cy@initech.example',
      '6,ragged',
      '5,"Multi',
      'line",di@initech.example',
      '4,Bad email,not-an-email',
      '11,Too high,ed@initech.example',
      '3,Last,fa@initech.example',
    ].join('\r\n');
    const result = await run(csv);
    expect(result).toMatchObject({ rows: 8, imported: 4, failed: 4, duplicates: 0 });
    expect(result.errors.map((error) => error.line)).toEqual([3, 5, 8, 9]);
    expect(result.errors[0]?.message).toMatch(/quote/);
    expect(result.errors[1]?.message).toMatch(/has 2 fields where the header has 3/);
    expect(result.errors[2]?.message).toBe(
      'email: Invalid email address (column "Email": "not-an-email")',
    );
    expect(result.errors[3]?.message).toBe(
      'score: is outside the scale (NPS 0–10, CSAT 1–5, CES 1–7) (column "Score": "11")',
    );
    await runQueuedNormalisation(ctx(), workspace.id);
    expect((await feedbackOf(workspace.id)).map((row) => row.text).sort()).toEqual([
      'Fine',
      'Good',
      'Last',
      'Multi\nline',
    ]);
  });

  it('reads UTF-16 LE and Windows-1252 files with accents and curly quotes', async () => {
    const { workspace, run } = await setUp();
    const text = 'Score\tComment\n9\tTrès bien, “génial” – über gut\n';
    const utf16 = await run(iconv.encode(text, 'utf-16le', { addBOM: true }));
    expect(utf16).toMatchObject({ encoding: 'utf-16le', delimiter: '\t', imported: 1 });
    const cp1252 = await run(iconv.encode(text.replace('9', '8'), 'windows-1252'));
    expect(cp1252).toMatchObject({ encoding: 'windows-1252', imported: 1 });
    await runQueuedNormalisation(ctx(), workspace.id);
    expect((await feedbackOf(workspace.id)).map((row) => [row.score, row.text])).toEqual([
      [9, 'Très bien, “génial” – über gut'],
      [8, 'Très bien, “génial” – über gut'],
    ]);
  });

  it('imports a JSON-lines file of feedback items', async () => {
    const { workspace, run } = await setUp();
    const lines = [
      {
        text: 'From the app',
        score: { type: 'csat', value: 4 },
        receivedAt: '2024-01-02T03:04:05Z',
      },
      {
        text: 'No score',
        contact: { email: 'ana@initech.example' },
        receivedAt: '2024-01-03T03:04:05Z',
      },
      { text: 'Out of scale', score: { type: 'csat', value: 6 } },
    ]
      .map((line) => JSON.stringify(line))
      .join('\n');
    const result = await run(lines, { format: 'jsonl' });
    expect(result).toMatchObject({ rows: 3, imported: 2, failed: 1, mapping: null });
    expect(result.errors).toEqual([
      { line: 3, message: 'score.value: is outside the scale (NPS 0–10, CSAT 1–5, CES 1–7)' },
    ]);
    await runQueuedNormalisation(ctx(), workspace.id);
    expect((await feedbackOf(workspace.id)).map((row) => [row.text, row.score_type])).toEqual([
      ['From the app', 'csat'],
      ['No score', null],
    ]);
  });

  it('refuses an unknown post, and a file with no text or score column', async () => {
    const { workspace, run } = await setUp();
    const other = await createTestWorkspace(ctx());
    const otherPost = await createPost(ctx(), other.id, { kind: 'import', name: 'Theirs' });
    await expect(
      importFeedbackFile(ctx(), workspace.id, otherPost.id, Readable.from([DELIGHTED]), {
        format: 'csv',
      }),
    ).rejects.toMatchObject({ code: 'not_found' });
    await expect(run('id,email\n1,ana@initech.example\n')).rejects.toMatchObject({
      code: 'invalid_request',
    });
    expect(await rawCount(workspace.id)).toBe(0);
    expect(await rawCount(other.id)).toBe(0);
  });

  it('previews a file without storing anything', async () => {
    const { workspace } = await setUp();
    const preview = await previewImport(Readable.from([DELIGHTED]));
    expect(preview).toMatchObject({
      format: 'csv',
      vendor: 'delighted',
      confidence: 1,
      errors: [],
    });
    expect(preview.preview.map((row) => row.line)).toEqual([2, 3, 4]);
    expect(await rawCount(workspace.id)).toBe(0);
  });

  it('streams a 20,000-row file in batches without reading it all first', async () => {
    const { workspace, post } = await setUp();
    const total = 20_000;
    let produced = 0;
    let pulled = 0;
    const source = new Readable({
      read() {
        if (produced === 0) {
          const header = Buffer.from('Response ID,Score,Comment,Person Email\n');
          pulled += header.length;
          this.push(header);
        }
        if (produced >= total) return void this.push(null);
        let chunk = '';
        for (let i = 0; i < 50 && produced < total; i++, produced++)
          chunk += `${produced},${produced % 11},"Row ${produced}: the export went fine, mostly",p${produced % 500}@initech.example\n`;
        const bytes = Buffer.from(chunk);
        pulled += bytes.length;
        this.push(bytes);
      },
    });
    const progress: Array<{ rows: number; bytes: number; pulled: number }> = [];
    const result = await importFeedbackFile(ctx(), workspace.id, post.id, source, {
      format: 'csv',
      onProgress: (rows, bytes) => progress.push({ rows, bytes, pulled }),
    });
    expect(result).toMatchObject({ rows: total, imported: total, failed: 0 });
    expect(progress).toHaveLength(total / 1000);
    // The next batch is read while one is stored, never further.
    expect(progress[0]!.rows).toBeGreaterThanOrEqual(1000);
    expect(progress[0]!.rows).toBeLessThanOrEqual(2000);
    // When the first batch is stored, only a small part of the file has been read.
    expect(progress[0]!.pulled).toBeLessThan(pulled / 5);
    expect(progress.at(-1)!.bytes).toBe(pulled);
    expect(await rawCount(workspace.id)).toBe(total);
  });
});

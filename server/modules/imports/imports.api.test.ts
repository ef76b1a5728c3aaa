import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { queryRows } from '../../db/client.ts';
import { buildApp } from '../../http/app.ts';
import { describeEachEngine } from '../../test/engines.ts';
import { createTestWorkspace, sessionHeaders, type TestWorkspace } from '../../test/fixtures.ts';
import { multipartUpload } from '../../test/multipart.ts';
import { createPost } from '../listening-posts/listening-posts.service.ts';
import { runImport } from './imports.jobs.ts';
import { workbook } from './xlsx.fixture.ts';

const importDir = mkdtempSync(join(tmpdir(), 'hearken-imports-'));

describeEachEngine(
  'imports over HTTP',
  ({ ctx }) => {
    let app: FastifyInstance;
    let workspace: TestWorkspace;
    let headers: Record<string, string>;
    beforeAll(async () => {
      app = await buildApp(ctx());
      workspace = await createTestWorkspace(ctx());
      headers = sessionHeaders(workspace.owner);
    });
    afterAll(() => app.close());

    const newPost = async () =>
      (await createPost(ctx(), workspace.id, { kind: 'import', name: 'Old tool' })).id;
    const base = () => `/api/v1/workspaces/${workspace.id}/imports`;

    function upload(
      path: string,
      fields: Record<string, string>,
      file: { name: string; content: string | Buffer },
    ) {
      const body = multipartUpload(fields, file);
      return app.inject({
        method: 'POST',
        url: `${base()}${path}`,
        headers: { ...headers, ...body.headers },
        payload: body.payload,
      });
    }
    const getImport = async (id: string) =>
      (await app.inject({ method: 'GET', url: `${base()}/${id}`, headers })).json();
    const storedTexts = async (postId: string) =>
      (
        await queryRows<{ text: string }>(
          ctx().db,
          sql`SELECT payload->>'text' AS text FROM raw_items
              WHERE workspace_id = ${workspace.id} AND post_id = ${postId} ORDER BY id`,
        )
      ).map((row) => row.text);

    it('previews a file without storing anything, and takes a mapping override', async () => {
      const csv =
        'Person Email,Rating,Feedback\nana@initech.example,9,Great\nbo@x.example,eleven,Hm\n';
      const preview = await upload('/preview', {}, { name: 'old.csv', content: csv });
      expect(preview.statusCode).toBe(200);
      expect(preview.json()).toMatchObject({
        format: 'csv',
        encoding: 'utf-8',
        delimiter: ',',
        columns: ['Person Email', 'Rating', 'Feedback'],
        mapping: { 'Person Email': 'email', Feedback: 'text' },
        preview: [{ line: 2, item: { text: 'Great', score: { value: 9 } } }],
        errors: [{ line: 3, message: expect.stringMatching(/eleven/) }],
      });
      const overridden = await upload(
        '/preview',
        { mapping: JSON.stringify({ Rating: 'ignore', Feedback: 'text' }) },
        { name: 'old.csv', content: csv },
      );
      expect(overridden.json().mapping.Rating).toBe('ignore');
      expect(overridden.json().errors).toEqual([]);
      const badMapping = await upload(
        '/preview',
        { mapping: '{"Rating": "colour"}' },
        { name: 'old.csv', content: csv },
      );
      expect(badMapping.statusCode).toBe(400);
      expect(badMapping.json().error.details[0].path).toMatch(/^body\.mapping/);
      const raw = await queryRows<{ n: number }>(
        ctx().db,
        sql`SELECT count(*)::int AS n FROM raw_items WHERE workspace_id = ${workspace.id}`,
      );
      expect(raw[0]!.n).toBe(0);
      expect((await app.inject({ method: 'GET', url: base(), headers })).json().items).toEqual([]);
    });

    it('uploads, queues, imports with progress and line-numbered errors; the same file twice adds nothing', async () => {
      const postId = await newPost();
      const csv = [
        'Score,Comment,Email',
        '9,"Good, ""really""",a@initech.example',
        '8,a "stray" quote,b@initech.example',
        '7,ragged',
        `6,${'x'.repeat(10 * 1024 * 1024)},c@initech.example`,
        '5,fine again,d@initech.example',
      ].join('\n');
      const created = await upload('', { postId }, { name: 'answers.csv', content: csv });
      expect(created.statusCode).toBe(202);
      const queued = created.json().import;
      expect(queued).toMatchObject({
        state: 'queued',
        postId,
        fileName: 'answers.csv',
        rowsRead: 0,
      });
      expect(queued.sha256).toMatch(/^[0-9a-f]{64}$/);
      const jobs = await queryRows<{ n: number }>(
        ctx().db,
        sql`SELECT count(*)::int AS n FROM jobs WHERE workspace_id = ${workspace.id}
            AND name = 'imports.run' AND payload->>'importId' = ${queued.id}`,
      );
      expect(jobs[0]!.n).toBe(1);

      await runImport(ctx(), workspace.id, queued.id);
      const done = await getImport(queued.id);
      expect(done).toMatchObject({
        state: 'done',
        rowsRead: 5,
        rowsStored: 2,
        duplicates: 0,
        errorCount: 3,
        checkpointRow: 5,
      });
      expect(done.errors.map((error: { line: number }) => error.line)).toEqual([3, 4, 5]);
      expect(done.errors[2].message).toMatch(/more than the limit of 100,000/);
      expect(await storedTexts(postId)).toEqual(['Good, "really"', 'fine again']);
      expect(readdirSync(importDir)).toEqual([]); // the upload is removed once imported

      const again = await upload('', { postId }, { name: 'renamed.csv', content: csv });
      expect(again.statusCode).toBe(202);
      expect(again.json()).toMatchObject({ duplicate: true, import: { id: queued.id } });
      const list = (await app.inject({ method: 'GET', url: base(), headers })).json().items;
      expect(list.filter((item: { postId: string }) => item.postId === postId)).toHaveLength(1);
      expect(await storedTexts(postId)).toHaveLength(2);
    });

    it('resumes an interrupted import after its last committed row, storing nothing twice', async () => {
      const postId = await newPost();
      const rows = Array.from(
        { length: 3500 },
        (_, index) => `${index % 11},Answer number ${index}`,
      );
      const csv = ['Score,Comment', ...rows].join('\n');
      const created = (await upload('', { postId }, { name: 'big.csv', content: csv })).json();
      // The worker "dies" at its third batch: two batches are stored and committed.
      let checks = 0;
      const dying = {
        get aborted() {
          checks++;
          return checks > 2;
        },
      } as AbortSignal;
      await expect(
        runImport(ctx(), workspace.id, created.import.id, { signal: dying }),
      ).rejects.toThrow(/interrupted/);
      const interrupted = await getImport(created.import.id);
      expect(interrupted).toMatchObject({
        state: 'running',
        checkpointRow: 2000,
        rowsStored: 2000,
      });
      expect(await storedTexts(postId)).toHaveLength(2000);

      await runImport(ctx(), workspace.id, created.import.id);
      const finished = await getImport(created.import.id);
      // Starting over would have found the first 2,000 rows as duplicates.
      expect(finished).toMatchObject({
        state: 'done',
        rowsRead: 3500,
        rowsStored: 3500,
        duplicates: 0,
        errorCount: 0,
        checkpointRow: 3500,
      });
      const texts = await storedTexts(postId);
      expect(new Set(texts).size).toBe(3500);
      expect(texts.at(-1)).toBe('Answer number 3499');
    });

    it('imports XLSX workbooks, with dates and blank rows, reporting bad rows by their Excel row', async () => {
      const postId = await newPost();
      const xlsx = await workbook([
        {
          name: 'Answers',
          rows: [
            ['Submitted', 'NPS', 'Why'],
            [new Date(Date.UTC(2024, 0, 2, 10)), 10, 'Love it'],
            [],
            [new Date(Date.UTC(2024, 0, 3)), 'n/a?', 'Odd score'],
            [new Date(Date.UTC(2024, 0, 4)), 2, 'Slow'],
          ],
        },
      ]);
      const preview = await upload('/preview', {}, { name: 'nps.xlsx', content: xlsx });
      expect(preview.json()).toMatchObject({
        format: 'xlsx',
        columns: ['Submitted', 'NPS', 'Why'],
      });
      const created = (await upload('', { postId }, { name: 'nps.xlsx', content: xlsx })).json();
      await runImport(ctx(), workspace.id, created.import.id);
      const done = await getImport(created.import.id);
      expect(done).toMatchObject({ state: 'done', format: 'xlsx', rowsStored: 2, errorCount: 1 });
      expect(done.errors[0].line).toBe(4);
      expect(await storedTexts(postId)).toEqual(['Love it', 'Slow']);
    });

    it('reads Windows-1252 and UTF-16 files, and refuses files that are not what they say', async () => {
      const postId = await newPost();
      const latin = iconv.encode('Note,Commentaire\n9,Très bien, merci\n', 'windows-1252');
      const preview = await upload('/preview', {}, { name: 'fr.csv', content: latin });
      expect(preview.json()).toMatchObject({ encoding: 'windows-1252' });
      const utf16 = iconv.encode('\ufeffScore\tComment\n7\tÇa va\n', 'utf-16le');
      expect(
        (await upload('/preview', {}, { name: 'u.txt', content: utf16 })).json(),
      ).toMatchObject({
        encoding: 'utf-16le',
        delimiter: '\t',
        preview: [{ item: { text: 'Ça va' } }],
      });

      const fake = await upload(
        '',
        { postId },
        { name: 'report.xlsx', content: 'Score,Comment\n9,x\n' },
      );
      expect(fake.statusCode).toBe(400);
      expect(fake.json().error.message).toMatch(/not an XLSX workbook/);
      const zipGarbage = Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.alloc(4000, 1)]);
      const broken = await upload('', { postId }, { name: 'broken.xlsx', content: zipGarbage });
      expect(broken.statusCode).toBe(400);
      expect(broken.json().error.message).toMatch(/not a readable XLSX workbook/);
      const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49]);
      const binary = await upload('', { postId }, { name: 'photo.csv', content: png });
      expect(binary.statusCode).toBe(400);
      expect(readdirSync(importDir)).toEqual([]);
      expect(await storedTexts(postId)).toEqual([]);
    });

    it('refuses uploads over the size limit with 413, and requests that are not uploads with 400', async () => {
      const postId = await newPost();
      const big = await upload(
        '',
        { postId },
        { name: 'big.csv', content: 'Comment\n' + 'y'.repeat(13 * 1024 * 1024) },
      );
      expect(big.statusCode).toBe(413);
      expect(big.json().error.code).toBe('payload_too_large');
      expect(readdirSync(importDir)).toEqual([]);
      const declared = await app.inject({
        method: 'POST',
        url: base(),
        headers: {
          ...headers,
          'content-type': 'multipart/form-data; boundary=x',
          'content-length': '999999999',
        },
        payload: '--x--',
      });
      expect(declared.statusCode).toBe(413);
      const json = await app.inject({ method: 'POST', url: base(), headers, payload: { postId } });
      expect(json.statusCode).toBe(400);
      expect(json.json().error.message).toMatch(/multipart/);
      const noPost = await upload('', {}, { name: 'a.csv', content: 'Comment\nhi\n' });
      expect(noPost.json().error.details).toEqual([
        { path: 'body.postId', message: 'is required' },
      ]);
      const otherPost = await upload(
        '',
        { postId: crypto.randomUUID() },
        { name: 'a.csv', content: 'Comment\nhi\n' },
      );
      expect(otherPost.statusCode).toBe(404);
      expect(existsSync(importDir)).toBe(true);
    });
  },
  { IMPORT_DIR: importDir, IMPORT_MAX_BYTES: String(12 * 1024 * 1024) },
);

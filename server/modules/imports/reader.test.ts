import { Readable } from 'node:stream';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { MAX_RECORD_BYTES } from './csv-rows.ts';
import { openFeedbackFile, type FileRow } from './reader.ts';

async function readAll(
  text: string | Buffer,
  options: Parameters<typeof openFeedbackFile>[1] = {},
) {
  const bytes = Buffer.from(text);
  const chunks: Buffer[] = [];
  for (let start = 0; start < bytes.length; start += 5000)
    chunks.push(bytes.subarray(start, start + 5000));
  const file = await openFeedbackFile(Readable.from(chunks), options);
  const rows: FileRow[] = [];
  for await (const row of file.rows) rows.push(row);
  await file.close();
  return { file, rows };
}

const outcome = (row: FileRow) =>
  'item' in row.result
    ? row.result.item.text
    : 'error' in row.result
      ? `! ${row.result.error}`
      : '(empty)';

describe('reading CSV files', () => {
  it('numbers rows by the line they start on, across quoted line breaks, CRLF and blank lines', async () => {
    const csv =
      'Score,Comment\r\n9,"two\r\nlines"\r\n\r\n8,plain\r\n7,"three\nmore\nlines"\n\n\n6,last';
    const { rows } = await readAll(csv);
    expect(rows.map((row) => [row.line, row.row, outcome(row)])).toEqual([
      [2, 1, 'two\nlines'],
      [5, 2, 'plain'],
      [6, 3, 'three\nmore\nlines'],
      [11, 4, 'last'],
    ]);
  });

  it('reports bad quotes and ragged rows by line, once each, and reads on', async () => {
    const csv = [
      'Score,Comment,Email',
      '9,fine,a@initech.example',
      '8,a "stray" quote,b@initech.example',
      '7,"an "undoubled" quote",c@initech.example',
      '6,ragged',
      '5,"multi',
      'line ""ok""",d@initech.example',
      '4,"never closed,e@initech.example',
      '3,swallowed,f@initech.example',
    ].join('\n');
    const { rows } = await readAll(csv);
    expect(rows.map((row) => [row.line, outcome(row)])).toEqual([
      [2, 'fine'],
      [3, expect.stringMatching(/^! a quote \("\) inside an unquoted field/)],
      [4, expect.stringMatching(/^! a quote inside a quoted field is not doubled/)],
      [
        5,
        '! has 2 fields where the header has 3 (a missing delimiter, or a line break outside quotes?)',
      ],
      [6, 'multi\nline "ok"'],
      [8, expect.stringMatching(/^! a quote opened on this line is never closed/)],
    ]);
    expect(rows.at(-1)?.fatal).toBe(true);
  });

  it('detects semicolons and tabs as delimiters', async () => {
    const semicolons = await readAll('Score;Comment\n9;"Bien, merci"\n');
    expect(semicolons.file.delimiter).toBe(';');
    expect(outcome(semicolons.rows[0]!)).toBe('Bien, merci');
    const tabs = await readAll('Score\tComment\n9\tGood, thanks\n');
    expect(tabs.file.delimiter).toBe('\t');
    expect(outcome(tabs.rows[0]!)).toBe('Good, thanks');
  });

  it("reads Qualtrics' UTF-16 tab-separated export, whose third header row holds unquoted JSON", async () => {
    const tsv = [
      ['RecordedDate', 'ResponseId', 'Q1', 'Q1_NPS_GROUP', 'Q2'],
      [
        'Recorded Date',
        'Response ID',
        'How likely are you to recommend us?',
        'How likely are you to recommend us? - Group',
        'Why?',
      ],
      [
        '{"ImportId":"recordedDate","timeZone":"UTC"}',
        '{"ImportId":"_recordId"}',
        '{"ImportId":"QID1"}',
        '{"ImportId":"QID1_NPS_GROUP"}',
        '{"ImportId":"QID2_TEXT"}',
      ],
      ['2024-03-05 14:22:10', 'R_1', '9', 'Promoter', 'Très “bien”, a 5" screen'],
    ]
      .map((row) => row.join('\t'))
      .join('\r\n');
    const { file, rows } = await readAll(iconv.encode(tsv, 'utf-16le', { addBOM: true }));
    expect(file).toMatchObject({ encoding: 'utf-16le', delimiter: '\t', headerRows: 3 });
    expect(file.detection?.mapping).toEqual({
      RecordedDate: 'date',
      ResponseId: 'externalId',
      Q1: 'score:nps',
      Q2: 'text',
    });
    expect(rows.map((row) => [row.line, outcome(row)])).toEqual([[4, 'Très “bien”, a 5" screen']]);
  });

  it('reads a 10 MB field, refuses it for its length, and reads the next row', async () => {
    const huge = 'x'.repeat(10 * 1024 * 1024);
    const { rows } = await readAll(`Score,Comment\n9,"${huge}"\n8,after\n`);
    expect(rows.map(outcome)).toEqual([
      '! text: 10,485,760 characters, more than the limit of 100,000',
      'after',
    ]);
  });

  it('stops with a reported error at a record past the size limit (a quote never closed)', async () => {
    const rest = 'y'.repeat(1000) + '\n';
    const csv = `Score,Comment\n9,ok\n8,"unclosed\n${rest.repeat(Math.ceil(MAX_RECORD_BYTES / rest.length) + 10)}`;
    const { rows } = await readAll(csv);
    expect(rows).toHaveLength(2);
    expect(rows[1]).toMatchObject({ line: 3, fatal: true });
    expect(outcome(rows[1]!)).toMatch(/runs past 16 MiB.*rest of the file was not imported/);
  });

  it('refuses a file whose header cannot be read, or that is empty', async () => {
    await expect(readAll('"Score,Comment\n')).rejects.toThrow(/header row/);
    await expect(readAll('')).rejects.toThrow(/empty/);
  });
});

describe('reading JSON-lines files', () => {
  it('takes lines that are feedback items as they are, and reports bad lines by number', async () => {
    const lines = [
      JSON.stringify({ text: 'Great', score: { type: 'nps', value: 10 } }),
      '',
      '{"text": "broken"',
      '[1, 2]',
      JSON.stringify({ text: 'x', contact: { email: 'nope' } }),
      JSON.stringify({ text: 'y', postId: '00000000-0000-4000-8000-000000000000' }),
      JSON.stringify({ text: 'last' }),
    ].join('\n');
    const { file, rows } = await readAll(lines);
    expect(file.format).toBe('jsonl');
    expect(file.detection).toBeNull();
    expect(rows.map((row) => [row.line, outcome(row)])).toEqual([
      [1, 'Great'],
      [3, expect.stringMatching(/^! not valid JSON/)],
      [4, '! not a JSON object'],
      [5, '! contact.email: Invalid email address'],
      [6, expect.stringMatching(/^! postId\/touchpointId: not accepted/)],
      [7, 'last'],
    ]);
  });

  it('maps other objects like CSV rows, nested keys as dotted columns', async () => {
    const lines = [
      { id: 1, score: 9, comment: 'Fast', person: { email: 'ana@initech.example', name: 'Ana' } },
      { id: 2, score: 3, comment: 'Slow', person: { email: 'bo@gmail.com', name: 'Bo' } },
    ]
      .map((line) => JSON.stringify(line))
      .join('\n');
    const { file, rows } = await readAll(lines, { format: 'jsonl' });
    expect(file.detection?.mapping).toEqual({
      id: 'externalId',
      score: 'score:nps',
      comment: 'text',
      'person.email': 'email',
      'person.name': 'name',
    });
    expect(rows[0]?.result).toEqual({
      item: {
        text: 'Fast',
        score: { type: 'nps', value: 9 },
        externalId: '1',
        contact: { email: 'ana@initech.example', name: 'Ana' },
      },
    });
  });
});

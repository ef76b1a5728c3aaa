import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../errors.ts';
import { openFeedbackFile, type FileRow } from './reader.ts';
import { workbook } from './xlsx.fixture.ts';
import { cellText } from './xlsx-rows.ts';

async function readAll(bytes: Buffer, options: Parameters<typeof openFeedbackFile>[1] = {}) {
  const chunks: Buffer[] = [];
  for (let start = 0; start < bytes.length; start += 1000)
    chunks.push(bytes.subarray(start, start + 1000));
  const file = await openFeedbackFile(Readable.from(chunks), options);
  const rows: FileRow[] = [];
  for await (const row of file.rows) rows.push(row);
  await file.close();
  return { file, rows };
}

describe('reading XLSX workbooks', () => {
  it('turns cells into text: dates, numbers, rich text, formulas, links, errors', () => {
    expect(cellText(new Date(Date.UTC(2024, 2, 5, 14, 22)))).toBe('2024-03-05T14:22:00.000Z');
    expect(cellText(new Date(Date.UTC(2024, 2, 5)))).toBe('2024-03-05');
    expect(cellText(9)).toBe('9');
    expect(cellText(4.5)).toBe('4.5');
    expect(cellText(true)).toBe('TRUE');
    expect(
      cellText({ richText: [{ text: 'Very ' }, { font: { bold: true }, text: 'slow' }] }),
    ).toBe('Very slow');
    expect(cellText({ formula: 'A1+1', result: 10 })).toBe('10');
    expect(cellText({ sharedFormula: 'B2', result: 'ok' })).toBe('ok');
    expect(cellText({ text: 'site', hyperlink: 'https://example.test' })).toBe('site');
    expect(cellText({ error: '#N/A' })).toBe('');
    expect(cellText(null)).toBe('');
  });

  it('reads the first sheet with its header, skipping blank rows, numbering rows as Excel does', async () => {
    const bytes = await workbook([
      {
        name: 'Responses',
        rows: [
          ['Date', 'Score', 'Comment', 'Email'],
          [new Date(Date.UTC(2024, 2, 5, 9, 30)), 9, 'Great support', 'ana@initech.example'],
          [],
          [
            new Date(Date.UTC(2024, 2, 6)),
            { formula: '2+1', result: 3 },
            { richText: [{ text: 'Too ' }, { font: { italic: true }, text: 'slow' }] },
            'bo@initech.example',
          ],
          [new Date(Date.UTC(2024, 2, 7)), 'eleven', 'Which score?', 'cy@initech.example'],
          [],
          [],
          [new Date(Date.UTC(2024, 2, 8)), 10, 'Last one', 'di@initech.example'],
        ],
      },
      {
        name: 'Other',
        rows: [
          ['Not', 'read'],
          ['x', 'y'],
        ],
      },
    ]);
    const { file, rows } = await readAll(bytes);
    expect(file).toMatchObject({ format: 'xlsx', columns: ['Date', 'Score', 'Comment', 'Email'] });
    expect(file.detection?.mapping).toMatchObject({
      Date: 'date',
      Comment: 'text',
      Email: 'email',
    });
    expect(file.detection?.mapping?.Score).toMatch(/^score/);
    const summary = rows.map((row) =>
      'item' in row.result
        ? [row.line, row.result.item.text, row.result.item.score?.value, row.result.item.receivedAt]
        : [row.line, 'error' in row.result ? row.result.error : 'empty'],
    );
    expect(summary).toEqual([
      [2, 'Great support', 9, '2024-03-05T09:30:00.000Z'],
      [4, 'Too slow', 3, '2024-03-06T00:00:00.000Z'],
      [5, expect.stringMatching(/eleven/)],
      [8, 'Last one', 10, '2024-03-08T00:00:00.000Z'],
    ]);
  });

  it('reads a chosen sheet by name or number', async () => {
    const bytes = await workbook([
      { name: 'Summary', rows: [['Total'], [3]] },
      {
        name: 'Answers',
        rows: [
          ['Comment', 'Score'],
          ['Chosen sheet', 8],
        ],
      },
    ]);
    for (const sheet of ['answers', '2']) {
      const { rows } = await readAll(bytes, { sheet });
      expect(rows).toHaveLength(1);
      expect(rows[0]!.result).toMatchObject({ item: { text: 'Chosen sheet' } });
    }
    await expect(readAll(bytes, { sheet: 'Missing' })).rejects.toThrow(/no sheet named/);
  });

  it('says clearly when a file is not a workbook', async () => {
    const notZip = readAll(Buffer.from('Score,Comment\n9,hello\n'), { format: 'xlsx' });
    await expect(notZip).rejects.toBeInstanceOf(AppError);
    await expect(notZip).rejects.toThrow(/not an XLSX workbook/);
    // Starts like a ZIP archive, then is garbage.
    const broken = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(2000, 7)]);
    const error = await readAll(broken).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).status).toBe(400);
    expect((error as AppError).message).toMatch(/not a readable XLSX workbook/);
  });
});

import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { analyseText } from '../../server/modules/analysis/analyse.ts';
import { parseDirectory } from './directory.ts';
import { binaryReason, InputError, openCsvColumn, openLines, resolveColumn } from './input.ts';
import { analysisRow, ThemeTally } from './output.ts';

const source = (bytes: Buffer | string) => Readable.from([Buffer.from(bytes)]);
async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const all: T[] = [];
  for await (const item of items) all.push(item);
  return all;
}

describe('reading texts', () => {
  it('reads lines in any detected encoding, numbering them', async () => {
    const latin1 = Buffer.from('Caf\xe9 was great\r\n\r\nSecond', 'latin1');
    const { texts } = await openLines(source(latin1), 'stdin');
    expect(await collect(texts)).toEqual([
      { line: 1, text: 'Café was great' },
      { line: 2, text: '' },
      { line: 3, text: 'Second' },
    ]);
  });

  it('reads a CSV column by name, loose name or number, and reports bad records', async () => {
    const csv = 'id,Comment\n1,"hello, world"\n2,bad "quote"\n3,last\n';
    const problems: unknown[] = [];
    const { texts } = await openCsvColumn(source(csv), 'f.csv', ' comment ', (problem) =>
      problems.push(problem),
    );
    expect(await collect(texts)).toEqual([
      { line: 2, text: 'hello, world' },
      { line: 4, text: 'last' },
    ]);
    expect(problems).toMatchObject([{ line: 3 }]);
    expect(resolveColumn(['id', 'Comment'], '2')).toBe(1);
    expect(() => resolveColumn(['id', 'Comment'], '3')).toThrow('the file has 2 columns');
    expect(() => resolveColumn(['id'], 'text')).toThrow(InputError);
  });

  it('tells binary files and spreadsheets from text, UTF-16 included', () => {
    expect(binaryReason(Buffer.from('PK\x03\x04rest', 'latin1'))).toMatch(/ZIP/);
    expect(binaryReason(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13]))).toMatch(/binary/);
    expect(binaryReason(Buffer.from('\ufeffhello there', 'utf16le'))).toBeUndefined();
    expect(binaryReason(Buffer.from('plain text\n'))).toBeUndefined();
    expect(binaryReason(Buffer.alloc(0))).toBeUndefined();
  });
});

describe('the directory file', () => {
  it('fills ids from names and places people in teams by name', () => {
    expect(
      parseDirectory(
        {
          teams: [{ name: 'Billing', aliases: ['accounts'] }],
          people: [{ name: 'Sam Reed', team: 'billing' }],
          entities: [{ kind: 'brand', name: 'Acme' }],
        },
        'd.json',
      ),
    ).toEqual({
      teams: [{ id: 'Billing', name: 'Billing', aliases: ['accounts'] }],
      people: [{ id: 'Sam Reed', name: 'Sam Reed', nicknames: [], teamId: 'Billing' }],
      entities: [{ id: 'Acme', kind: 'brand', name: 'Acme', aliases: [] }],
    });
    expect(() => parseDirectory({ people: [{ name: 'A', team: 'Nope' }] }, 'd.json')).toThrow(
      /team "Nope" is not in "teams"/,
    );
    expect(() => parseDirectory({ entities: [{ kind: 'thing', name: 'x' }] }, 'd.json')).toThrow(
      /entities\.0\.kind/,
    );
  });
});

describe('output', () => {
  it('prints sentiment, themes as distinct key phrases, and redacts the whole text on request', () => {
    const text = 'The refund was late. Mail jo@example.com';
    const row = analysisRow({ line: 7, text }, analyseText(text), {
      sentences: true,
      redact: true,
    });
    expect(row).toMatchObject({ line: 7, text: 'The refund was late. Mail [email]' });
    expect(row.sentences).toHaveLength(2);
    expect(row.themes).toEqual([...new Set(row.keyPhrases.map((phrase) => phrase.phrase))]);
    expect(row.personalData).toEqual([{ kind: 'email', start: 26, end: 40 }]);
  });

  it('tallies phrases across texts, keeping those in two texts or more', () => {
    const tally = new ThemeTally();
    tally.add(1, ['refund', 'refund', 'app']);
    tally.add(2, ['refund']);
    tally.add(3, ['app', 'delivery']);
    expect(tally.summary()).toEqual([
      { theme: 'app', texts: 2, lines: [1, 3] },
      { theme: 'refund', texts: 2, lines: [1, 2] },
    ]);
  });
});

import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { REPO_ROOT } from './helpers/processes.ts';

const dir = mkdtempSync(join(tmpdir(), 'hearken-analyze-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A data directory that cannot exist (under a file) and a server that is not there. */
const NO_DATABASE = {
  DATA_DIR: join(dir, 'a-file', 'data'),
  DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none',
};
writeFileSync(join(dir, 'a-file'), 'not a directory');

async function analyze(args: string[], stdin = '') {
  const child = spawn(process.execPath, ['cli/bin.js', 'analyze', ...args], {
    cwd: REPO_ROOT,
    env: { ...process.env, ...NO_DATABASE },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  child.stdin.end(stdin);
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  const lines = stdout
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Record<string, unknown>);
  return { code, lines, stderr };
}

it('reads texts line by line from standard input and prints one JSON line each, with no database', async () => {
  const { code, lines, stderr } = await analyze(
    [],
    'The app is great, support was brilliant!\nTerrible checkout, mail me at jo@example.com\n\n',
  );
  expect(stderr).toBe('');
  expect(code).toBe(0);
  expect(lines).toHaveLength(3);
  expect(lines[0]).toMatchObject({
    line: 1,
    text: 'The app is great, support was brilliant!',
    language: { code: 'en' },
    sentiment: { label: 'positive' },
    mentions: [],
    personalData: [],
  });
  expect((lines[0]!.themes as string[]).length).toBeGreaterThan(0);
  expect(lines[1]).toMatchObject({
    sentiment: { label: 'negative' },
    personalData: [{ kind: 'email', start: 30, end: 44 }],
  });
  expect(lines[2]).toMatchObject({ text: '', language: { code: 'und' }, sentiment: null });
  expect(existsSync(NO_DATABASE.DATA_DIR)).toBe(false);
});

it('reads a CSV column by name, finds directory mentions, redacts and ends with recurring themes', async () => {
  const csv = join(dir, 'export.csv');
  writeFileSync(
    csv,
    'id;Comment;Score\n' +
      '1;"Thanks to Sam in billing; the refund was late";9\n' +
      '2;"The refund was late, call 07700 900123";3\n' +
      '3;"Acme beats Globex, yet the refund was late";8\n',
  );
  const directory = join(dir, 'directory.json');
  writeFileSync(
    directory,
    JSON.stringify({
      teams: [{ name: 'Billing' }],
      people: [{ name: 'Samantha Reed', team: 'Billing' }, { name: 'Samuel Ortiz' }],
      entities: [
        { kind: 'brand', name: 'Acme' },
        { kind: 'competitor', name: 'Globex', aliases: ['GBX'] },
      ],
    }),
  );
  const { code, lines, stderr } = await analyze([
    '--csv',
    csv,
    '--column',
    'comment',
    '--directory',
    directory,
    '--themes',
    '--redact',
  ]);
  expect(code, stderr).toBe(0);
  expect(stderr).toMatch(/Analysed 3 texts in [\d.]+ s/);
  expect(lines.map((line) => line.line)).toEqual([2, 3, 4, undefined]);
  expect(lines[0]!.mentions).toMatchObject([
    { kind: 'person', entityId: 'Samantha Reed', text: 'Sam' },
    { kind: 'team', entityId: 'Billing', text: 'billing' },
  ]);
  expect(lines[1]!.text).toBe('The refund was late, call [phone]');
  expect(lines[2]!.mentions).toMatchObject([{ name: 'Acme' }, { name: 'Globex' }]);
  // The phrase itself is the key-phrase extractor's to choose; it recurs in all three texts.
  const [top] = lines[3]!.themes as Array<{ theme: string; texts: number; lines: number[] }>;
  expect(top).toMatchObject({ texts: 3, lines: [2, 3, 4] });
  // "the refund was late" reads as a late refund: "refund delay" or its head word.
  expect(top!.theme).toMatch(/refund|delay/);
});

it('refuses a missing column and a binary file with a clear message and exit code 1', async () => {
  const csv = join(dir, 'short.csv');
  writeFileSync(csv, 'id,text\n1,hello\n');
  const missing = await analyze(['--csv', csv, '--column', 'comment']);
  expect(missing.code).toBe(1);
  expect(missing.lines).toEqual([]);
  expect(missing.stderr).toContain(
    '--column "comment": no such column; the header has "id", "text"',
  );

  const binary = join(dir, 'image.png');
  writeFileSync(binary, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]));
  for (const args of [[binary], ['--csv', binary, '--column', '1']]) {
    const result = await analyze(args);
    expect(result.code).toBe(1);
    expect(result.lines).toEqual([]);
    expect(result.stderr).toContain(`cannot read ${binary}: it is binary`);
  }

  const noFile = await analyze([join(dir, 'nope.txt')]);
  expect(noFile.code).toBe(1);
  expect(noFile.stderr).toContain('no such file');
});

import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { once } from 'node:events';
import type { Command } from 'commander';
import { z } from 'zod';
import { analyseText, compileDirectory } from '../../server/modules/analysis/analyse.ts';
import { readDirectory } from '../analyze/directory.ts';
import { InputError, openCsvColumn, openLines, type InputText } from '../analyze/input.ts';
import { analysisRow, ThemeTally } from '../analyze/output.ts';
import { progressBar } from './progress.ts';

const options = z.object({
  csv: z.string().min(1).optional(),
  column: z.string().min(1).optional(),
  directory: z.string().min(1).optional(),
  themes: z.boolean().default(false),
  sentences: z.boolean().default(false),
  redact: z.boolean().default(false),
});
type Options = z.infer<typeof options>;

/**
 * `hearken analyze` runs the server's text analysis (analyseText, the same code as the analysis
 * job) over texts from standard input, a file of lines, or a CSV column, and prints one JSON line
 * per text. It opens no database and reads no settings, so analysts can try it on their exports.
 */
export function registerAnalyzeCommand(program: Command): void {
  program
    .command('analyze')
    .description(
      'analyse texts (one per line on standard input or in FILE, or a column of a CSV file) and ' +
        'print one JSON line per text: language, sentiment, key phrases, themes, mentions, ' +
        'personal data. Uses no database.',
    )
    .argument('[file]', 'a text file, one text per line (default: standard input)')
    .option('--csv <file>', 'read the texts from a column of this CSV file (needs --column)')
    .option('--column <name|number>', 'the CSV column: its header, or its number from 1')
    .option('--directory <file.json>', 'people, teams and entities to find, as JSON')
    .option('--themes', 'end with a line of the key phrases that recur across all the texts')
    .option('--sentences', "add each sentence's span and sentiment")
    .option('--redact', 'print the text with personal data replaced by markers')
    .action((file: string | undefined, raw: Record<string, unknown>) =>
      runAnalyze(file, options.parse(raw)),
    );
}

async function runAnalyze(file: string | undefined, input: Options): Promise<void> {
  if (input.csv && file) throw new Error('give either a file of lines or --csv, not both');
  if (input.csv && !input.column) throw new Error('--csv needs --column <name|number>');
  if (input.column && !input.csv) throw new Error('--column goes with --csv <file>');
  const path = input.csv ?? file;
  try {
    const directory = input.directory ? await readDirectory(input.directory) : undefined;
    const mentions = directory ? compileDirectory(directory) : undefined;
    const stats = path ? await stat(path) : undefined;
    if (path && stats?.isDirectory())
      throw new InputError(`cannot read ${path}: it is a directory`);
    const size = stats?.size;
    const source = path ? createReadStream(path) : process.stdin;
    const name = path ?? 'standard input';
    let problems = 0;
    const opened = input.csv
      ? await openCsvColumn(source, name, input.column!, (problem) => {
          problems += 1;
          process.stderr.write(`hearken: line ${problem.line}: ${problem.message}\n`);
        })
      : await openLines(source, name);
    const tally = input.themes ? new ThemeTally() : undefined;
    const bar = size !== undefined ? progressBar('Analysing', 'bytes') : undefined;
    const started = Date.now();
    let count = 0;
    try {
      for await (const text of opened.texts) {
        await writeLine(analyse(text, input, mentions, tally));
        count += 1;
        if (bar && count % 100 === 0) bar.update(opened.bytesRead(), size!);
      }
    } finally {
      bar?.stop();
    }
    if (tally) await writeLine(JSON.stringify({ themes: tally.summary() }));
    if (path) {
      const seconds = Math.max((Date.now() - started) / 1000, 0.001);
      process.stderr.write(
        `Analysed ${count} texts in ${seconds.toFixed(1)} s (${Math.round(count / seconds)} texts/s)` +
          `${problems > 0 ? `; ${problems} bad records skipped` : ''}.\n`,
      );
    }
    if (problems > 0) process.exitCode = 1;
  } catch (error) {
    if (!isFileError(error)) throw error;
    throw new InputError(`cannot read ${error.path}: ${describeFileError(error)}`, {
      cause: error,
    });
  }
}

function analyse(
  text: InputText,
  input: Options,
  mentions: ReturnType<typeof compileDirectory> | undefined,
  tally: ThemeTally | undefined,
): string {
  const analysis = analyseText(text.text, { mentions, mentionOptions: { ambiguous: 'report' } });
  const row = analysisRow(text, analysis, input);
  tally?.add(text.line, row.themes);
  return JSON.stringify(row);
}

/** Writes a line, waiting when the reader is slower, so memory stays bounded on a large input. */
async function writeLine(line: string): Promise<void> {
  if (!process.stdout.write(`${line}\n`)) await once(process.stdout, 'drain');
}

const isFileError = (error: unknown): error is NodeJS.ErrnoException & { path: string } =>
  error instanceof Error && 'code' in error && 'path' in error && typeof error.path === 'string';
const describeFileError = (error: NodeJS.ErrnoException) =>
  error.code === 'ENOENT'
    ? 'no such file'
    : error.code === 'EISDIR'
      ? 'it is a directory'
      : error.code === 'EACCES'
        ? 'permission denied'
        : error.message;

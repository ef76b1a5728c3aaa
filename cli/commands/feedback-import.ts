import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { extname } from 'node:path';
import { Presets, SingleBar } from 'cli-progress';
import type { Command } from 'commander';
import { z } from 'zod';
import {
  IMPORT_FIELDS,
  IMPORT_FORMATS,
  type ColumnMapping,
  type ImportFormat,
  type ImportResult,
} from '../../server/modules/imports/import.schemas.ts';
import {
  importFeedbackFile,
  previewImport,
  workspaceOfPost,
  type ImportPreview,
} from '../../server/modules/imports/import.service.ts';
import type { CliContext } from '../context.ts';

const options = z
  .object({
    post: z.uuid().optional(),
    workspace: z.uuid().optional(),
    format: z.enum(IMPORT_FORMATS).optional(),
    map: z.array(z.string()).default([]),
    startAtRow: z.coerce.number().int().min(1).optional(),
    sheet: z.string().min(1).optional(),
    preview: z.boolean().default(false),
  })
  .refine((input) => input.preview || input.post, {
    message: 'is required (except with --preview)',
    path: ['post'],
  });

const fieldSchema = z.enum(IMPORT_FIELDS);

/** `--map "Person Email=email"` (repeatable) as `{ column -> field }`; the last `=` splits. */
export function parseMap(pairs: string[]): ColumnMapping | undefined {
  if (pairs.length === 0) return undefined;
  const mapping: ColumnMapping = {};
  for (const pair of pairs) {
    const at = pair.lastIndexOf('=');
    const field = fieldSchema.safeParse(pair.slice(at + 1).trim());
    if (at <= 0 || !field.success)
      throw new Error(
        `--map ${JSON.stringify(pair)}: write COLUMN=FIELD, where FIELD is one of ${IMPORT_FIELDS.join(', ')}`,
      );
    mapping[pair.slice(0, at).trim()] = field.data;
  }
  return mapping;
}

function formatOf(file: string): ImportFormat {
  const extension = extname(file).toLowerCase();
  if (extension === '.xlsx') return 'xlsx';
  return ['.jsonl', '.ndjson', '.json'].includes(extension) ? 'jsonl' : 'csv';
}

const number = (value: number) => value.toLocaleString('en');

const VENDOR_NAMES: Record<string, string> = {
  delighted: 'Delighted',
  qualtrics: 'Qualtrics',
  surveymonkey: 'SurveyMonkey',
  typeform: 'Typeform',
  zendesk: 'Zendesk',
};
const vendorName = (vendor: string) => VENDOR_NAMES[vendor] ?? vendor;

function describeMapping(mapping: ColumnMapping | null): string[] {
  if (!mapping) return ['  (each line is a feedback item, as the API takes it)'];
  const width = Math.max(...Object.keys(mapping).map((column) => column.length), 0);
  return Object.entries(mapping).map(([column, field]) => `  ${column.padEnd(width)}  → ${field}`);
}

function printPreview(file: string, preview: ImportPreview) {
  const vendor = preview.vendor ? `, looks like a ${vendorName(preview.vendor)} export` : '';
  const layout =
    preview.format === 'csv'
      ? `, delimiter ${JSON.stringify(preview.delimiter)}, ${preview.headerRows} header row(s)`
      : '';
  const lines = [
    `${file}: ${preview.format}, ${preview.encoding}${layout}${vendor}`,
    `Mapping (confidence ${preview.confidence.toFixed(2)}):`,
    ...describeMapping(preview.mapping),
  ];
  if (preview.unmapped.length > 0) lines.push(`Not imported: ${preview.unmapped.join(', ')}`);
  const fields = Object.values(preview.mapping ?? {});
  if (preview.mapping && !fields.some((field) => field === 'text' || field.startsWith('score')))
    lines.push('No column was recognised as text or a score: map one with --map "COLUMN=text".');
  for (const note of preview.notes) lines.push(`Note: ${note}`);
  lines.push('First rows:');
  for (const row of preview.preview) lines.push(`  line ${row.line}: ${JSON.stringify(row.item)}`);
  for (const error of preview.errors) lines.push(`  line ${error.line}: BAD ${error.message}`);
  lines.push(`Change the mapping with --map "COLUMN=FIELD" (fields: ${IMPORT_FIELDS.join(', ')}).`);
  process.stdout.write(`${lines.join('\n')}\n`);
}

function printResult(result: ImportResult, seconds: number) {
  const rate = Math.round(result.rows / Math.max(seconds, 0.001));
  const lines = [
    `Read ${number(result.rows)} rows in ${seconds.toFixed(1)} s (${number(rate)} rows/s): ` +
      `${number(result.imported)} imported, ${number(result.duplicates)} already imported, ` +
      `${number(result.skipped)} skipped, ${number(result.failed)} bad.`,
    `Encoding ${result.encoding}${result.delimiter ? `, delimiter ${JSON.stringify(result.delimiter)}` : ''}` +
      `${result.vendor ? `, ${vendorName(result.vendor)} export` : ''}. Mapping:`,
    ...describeMapping(result.mapping),
  ];
  for (const [reason, count] of Object.entries(result.skippedReasons))
    lines.push(`Skipped ${number(count)}: ${reason}`);
  if (result.failed > 0) lines.push('Bad rows:');
  for (const error of result.errors) lines.push(`  line ${error.line}: ${error.message}`);
  if (result.failed > result.errors.length)
    lines.push(`  ... and ${number(result.failed - result.errors.length)} more`);
  if (!result.complete) lines.push('Reading stopped early: fix the file and import it again.');
  if (result.imported > 0)
    lines.push('New rows are queued; a running Hearken worker turns them into feedback.');
  process.stdout.write(`${lines.join('\n')}\n`);
}

/** A bar on stderr: bytes read of the file, rows so far and MB/s; silent when stderr is no terminal. */
function importBar(total: number) {
  const bar = new SingleBar(
    {
      stream: process.stderr,
      format: 'Importing |{bar}| {percentage}% | {rows} rows | {speed} MB/s | ETA {eta_formatted}',
      hideCursor: true,
      etaBuffer: 20,
    },
    Presets.shades_classic,
  );
  const started = Date.now();
  bar.start(Math.max(total, 1), 0, { rows: '0', speed: '0.0' });
  return {
    update(rows: number, bytes: number) {
      const seconds = Math.max((Date.now() - started) / 1000, 0.001);
      bar.update(Math.min(bytes, total), {
        rows: number(rows),
        speed: (bytes / 1024 / 1024 / seconds).toFixed(1),
      });
    },
    stop: () => bar.stop(),
  };
}

/** The options of a feedback import, shared by `hearken import` and `hearken import-feedback`. */
export function feedbackImportOptions(command: Command): Command {
  return command
    .option('--post <id>', 'listening post to import feedback into')
    .option('--workspace <id>', "the post's workspace (found from the post when left out)")
    .option('--format <format>', 'csv, jsonl or xlsx (default: from the file name)')
    .option('--sheet <name>', 'XLSX: the sheet to read, by name or number (default: the first)')
    .option(
      '--map <column=field>',
      'map a column to a field; repeat for more columns (the rest is detected)',
      (value: string, previous: string[]) => [...previous, value],
      [],
    )
    .option('--start-at-row <n>', 'skip the data rows before row n')
    .option('--preview', 'show how the file would be read, and import nothing');
}

/**
 * A CSV, JSON-lines or XLSX file of feedback into a listening post, streamed with a progress bar;
 * bad rows are listed by line. Importing the same file again adds only the rows not yet imported,
 * which is also how an interrupted import is resumed.
 */
export async function runFeedbackImport(
  file: string,
  raw: Record<string, unknown>,
  open: () => Promise<CliContext>,
): Promise<void> {
  const input = options.parse(raw);
  const mapping = parseMap(input.map);
  const format = input.format ?? formatOf(file);
  if (input.preview) {
    const preview = await previewImport(createReadStream(file), {
      format,
      mapping,
      sheet: input.sheet,
    });
    printPreview(file, preview);
    return;
  }
  const postId = input.post!;
  const size = (await stat(file)).size;
  const cli = await open();
  try {
    const workspaceId = input.workspace ?? (await workspaceOfPost(cli.ctx, postId));
    const bar = importBar(size);
    const started = Date.now();
    const result = await importFeedbackFile(
      cli.ctx,
      workspaceId,
      postId,
      createReadStream(file, { highWaterMark: 256 * 1024 }),
      {
        format,
        mapping,
        sheet: input.sheet,
        startAtRow: input.startAtRow,
        onProgress: (rows, bytes) => bar.update(rows, bytes),
      },
    ).finally(() => bar.stop());
    printResult(result, (Date.now() - started) / 1000);
    if (result.failed > 0) process.exitCode = 1;
  } finally {
    await cli.close();
  }
}

/** `hearken import-feedback`: the older name of `hearken import FILE --post ID`, kept for scripts. */
export function registerFeedbackImportCommand(
  program: Command,
  open: () => Promise<CliContext>,
): void {
  feedbackImportOptions(
    program
      .command('import-feedback')
      .description('the same as `hearken import FILE --post ID` (kept for existing scripts)')
      .argument('<file>', 'a .csv (any delimiter or encoding), .jsonl or .xlsx file'),
  ).action((file: string, raw: Record<string, unknown>) => runFeedbackImport(file, raw, open));
}

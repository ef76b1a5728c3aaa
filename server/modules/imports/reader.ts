import { errors } from '../../errors.ts';
import { compileMapping, convertItem, type Converted } from './convert.ts';
import { openCsv, type CsvEvent } from './csv-rows.ts';
import { openDecoded } from './encoding.ts';
import type { ColumnMapping, ImportFormat } from './import.schemas.ts';
import { flattenObject, readJsonLines, type JsonLineEvent } from './jsonl-rows.ts';
import { detectMapping, type MappingDetection } from './mapping.ts';
import { peekChunks } from './streams.ts';
import { detectVendor, readHeader, type HeaderInfo } from './vendors.ts';
import { looksLikeZip, readXlsx } from './xlsx-rows.ts';

/** Rows read ahead to detect the mapping: at most this many, and at most this many characters. */
export const SAMPLE_ROWS = 200;
const SAMPLE_CHARS = 1_000_000;

/** One data row: its line in the file, its number among data rows (from 1), and what it became. */
export interface FileRow {
  line: number;
  row: number;
  result: Converted;
  /** Reading stopped at this row; nothing after it was read. */
  fatal?: boolean;
}

export interface FeedbackFile {
  format: ImportFormat;
  encoding: string;
  delimiter: string | null;
  columns: string[];
  headerRows: number;
  /** How columns map to fields; null for JSON lines that are feedback items already. */
  detection: MappingDetection | null;
  /** Every data row in order, the sampled ones first; pulls the file only as rows are consumed. */
  rows: AsyncGenerator<FileRow>;
  bytesRead(): number;
  close(): Promise<void>;
}

export interface OpenOptions {
  format?: ImportFormat | undefined;
  mapping?: ColumnMapping | undefined;
  /** XLSX: the worksheet to read, by name or 1-based number (default: the first). */
  sheet?: string | undefined;
  /** Data rows to pass over without converting them (a resumed import has them already). */
  skipRows?: number | undefined;
}

type Event = CsvEvent | JsonLineEvent;

/** Reads events until the sample is complete; returns them, and the generator for the rest. */
async function sampleEvents<E extends Event>(
  events: AsyncGenerator<E>,
  headerRecords: number,
): Promise<E[]> {
  const buffered: E[] = [];
  let records = 0;
  let chars = 0;
  while (records < headerRecords + SAMPLE_ROWS && chars < SAMPLE_CHARS) {
    const step = await events.next();
    if (step.done) break;
    buffered.push(step.value);
    if (step.value.type === 'record') {
      records++;
      chars +=
        'cells' in step.value
          ? step.value.cells.reduce((sum, cell) => sum + cell.length, 0)
          : JSON.stringify(step.value.value).length;
    }
    if (step.value.type === 'fatal') break;
  }
  return buffered;
}

async function* replay<E>(buffered: E[], rest: AsyncGenerator<E>): AsyncGenerator<E> {
  yield* buffered;
  yield* rest;
}

const FEEDBACK_ITEM_KEYS = new Set([
  'text',
  'score',
  'channel',
  'receivedAt',
  'externalId',
  'touchpointId',
  'postId',
  'contact',
  'account',
  'metadata',
]);

function raggedness(cells: string[], columns: number): string | undefined {
  if (cells.length < columns)
    return `has ${cells.length} fields where the header has ${columns} (a missing delimiter, or a line break outside quotes?)`;
  if (cells.length > columns && cells.slice(columns).some((cell) => cell.trim() !== ''))
    return `has ${cells.length} fields where the header has ${columns} (an extra delimiter, or a field that needs quotes?)`;
  return undefined;
}

async function openCsvFile(text: AsyncIterable<string | Buffer>, options: OpenOptions) {
  const { delimiter, events } = await openCsv(text);
  return openTable(delimiter, events, options);
}

/** Rows of cells (CSV records or worksheet rows): header, sampled mapping, then converted rows. */
async function openTable(
  delimiter: string | null,
  events: AsyncGenerator<CsvEvent>,
  options: OpenOptions,
) {
  const buffered = await sampleEvents(events, 3);
  const firstRecord = buffered.findIndex((event) => event.type === 'record');
  const [broken] = buffered.slice(0, firstRecord === -1 ? buffered.length : firstRecord);
  if (broken && broken.type !== 'record' && broken.line === 1)
    throw errors.invalid(`The header row (line 1) cannot be read: ${broken.message}`);
  if (delimiter === null && broken?.type === 'fatal')
    throw errors.invalid(`The file cannot be read: ${broken.message}`);
  const headerCandidates = buffered
    .filter((event): event is Extract<CsvEvent, { type: 'record' }> => event.type === 'record')
    .slice(0, 3);
  if (headerCandidates.length === 0)
    throw errors.invalid('The file is empty: it has no header row.');
  const header = readHeader(headerCandidates.map((record) => record.cells));
  const lastHeader = headerCandidates[header.headerRows - 1]!;
  const data = buffered.slice(buffered.indexOf(lastHeader) + 1);
  const sample = data.flatMap((event) => (event.type === 'record' ? [event.cells] : []));
  const detection = detectMapping(header, sample, options.mapping);
  const convert = compileMapping(header.columns, detection.mapping);
  const width = header.columns.length;
  async function* rows(): AsyncGenerator<FileRow> {
    let row = 0;
    const skipRows = options.skipRows ?? 0;
    for await (const event of replay(data, events)) {
      row++;
      if (row <= skipRows && event.type !== 'fatal') continue;
      if (event.type === 'record') {
        const ragged = raggedness(event.cells, width);
        yield { line: event.line, row, result: ragged ? { error: ragged } : convert(event.cells) };
      } else {
        yield {
          line: event.line,
          row,
          result: { error: event.message },
          fatal: event.type === 'fatal',
        };
        if (event.type === 'fatal') return;
      }
    }
  }
  return { delimiter, header, detection, rows: rows(), close: () => events.return(undefined) };
}

async function openJsonLinesFile(text: AsyncIterable<string | Buffer>, options: OpenOptions) {
  const events = readJsonLines(text);
  const buffered = await sampleEvents(events, 0);
  const objects = buffered.flatMap((event) => (event.type === 'record' ? [event.value] : []));
  const native =
    !options.mapping &&
    objects.length > 0 &&
    Object.keys(objects[0]!).every((key) => FEEDBACK_ITEM_KEYS.has(key));
  let header: HeaderInfo = { columns: [], labels: [], headerRows: 0, vendor: null };
  let detection: MappingDetection | null = null;
  let convert = (value: Record<string, unknown>): Converted => convertItem(value);
  if (!native) {
    const flat = objects.map((value) => flattenObject(value));
    const columns = [...new Set(flat.flatMap((value) => Object.keys(value)))];
    header = { columns, labels: columns, headerRows: 0, vendor: detectVendor(columns) };
    const toCells = (value: Record<string, string>) => columns.map((column) => value[column] ?? '');
    detection = detectMapping(header, flat.map(toCells), options.mapping);
    const cellsToItem = compileMapping(columns, detection.mapping);
    convert = (value) => cellsToItem(toCells(flattenObject(value)));
  }
  async function* rows(): AsyncGenerator<FileRow> {
    let row = 0;
    for await (const event of replay(buffered, events)) {
      row++;
      if (row <= (options.skipRows ?? 0)) continue;
      yield {
        line: event.line,
        row,
        result: event.type === 'record' ? convert(event.value) : { error: event.message },
      };
    }
  }
  return {
    delimiter: null,
    header,
    detection,
    rows: rows(),
    close: () => events.return(undefined),
  };
}

/**
 * Opens a feedback file for reading: tells its encoding, reads its header (CSV) and a sample of
 * rows, detects or applies the column mapping, and gives back the rows as feedback items or
 * reasons. Memory stays bounded: only the sample is held.
 */
export async function openFeedbackFile(
  source: AsyncIterable<Uint8Array | string>,
  options: OpenOptions = {},
): Promise<FeedbackFile> {
  const { head, rest } = await peekChunks<Uint8Array | string>(
    source,
    (chunks) => chunks.reduce((sum, chunk) => sum + chunk.length, 0) >= 4,
  );
  const first = head.length > 0 ? Buffer.concat(head.map((chunk) => Buffer.from(chunk))) : null;
  const zipped = first !== null && looksLikeZip(first);
  if (options.format === 'xlsx' || (zipped && options.format === undefined))
    return openXlsxFile(rest, zipped, options);
  if (zipped)
    throw errors.invalid(
      `This is an XLSX workbook (or another ZIP archive), not ${options.format}: import it as xlsx.`,
    );
  return openTextFile(rest, options);
}

async function openXlsxFile(
  source: AsyncGenerator<Uint8Array | string>,
  zipped: boolean,
  options: OpenOptions,
): Promise<FeedbackFile> {
  if (!zipped) {
    await source.return(undefined);
    throw errors.invalid(
      'The file is not an XLSX workbook (it does not start as a ZIP archive does). Save it from ' +
        'Excel as "Excel Workbook (.xlsx)" or as CSV; old .xls files are not supported.',
    );
  }
  let bytes = 0;
  async function* counted() {
    for await (const chunk of source) {
      bytes += chunk.length;
      yield chunk;
    }
  }
  const events = readXlsx(counted(), { sheet: options.sheet });
  try {
    const opened = await openTable(null, events, options);
    return {
      format: 'xlsx',
      encoding: 'xlsx',
      delimiter: null,
      columns: opened.header.columns,
      headerRows: opened.header.headerRows,
      detection: opened.detection,
      rows: opened.rows,
      bytesRead: () => bytes,
      async close() {
        await opened.rows.return(undefined);
        await opened.close();
      },
    };
  } catch (error) {
    await events.return(undefined);
    throw error;
  }
}

async function openTextFile(
  source: AsyncIterable<Uint8Array | string>,
  options: OpenOptions,
): Promise<FeedbackFile> {
  const decoded = await openDecoded(source);
  try {
    const { head, rest } = await peekChunks<string | Buffer>(decoded.text, (chunks) =>
      chunks.some((chunk) => chunk.toString().trim() !== ''),
    );
    const format = options.format ?? (head.join('').trimStart().startsWith('{') ? 'jsonl' : 'csv');
    const opened =
      format === 'jsonl'
        ? await openJsonLinesFile(rest, options)
        : await openCsvFile(rest, options);
    return {
      format,
      encoding: decoded.detected.encoding,
      delimiter: opened.delimiter,
      columns: opened.header.columns,
      headerRows: opened.header.headerRows,
      detection: opened.detection,
      rows: opened.rows,
      bytesRead: decoded.bytesRead,
      async close() {
        await opened.rows.return(undefined);
        await opened.close();
        decoded.text.destroy();
      },
    };
  } catch (error) {
    decoded.text.destroy();
    throw error;
  }
}

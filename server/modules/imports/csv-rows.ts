import { pipeline, Readable } from 'node:stream';
import { parse, type CsvError } from 'csv-parse';
import { countNewlines, NewlineNormaliser, peekChunks } from './streams.ts';

/**
 * Largest record the reader holds in memory. A field can be this long (a 10 MB comment is read,
 * then refused as a bad row for its length); past it the file is taken to be broken, usually by a
 * quote that is never closed, and reading stops with a reported error instead of eating memory.
 */
export const MAX_RECORD_BYTES = 16 * 1024 * 1024;

/** What reading a CSV file yields, in line order: records, bad records, and a last fatal problem. */
export type CsvEvent =
  | { type: 'record'; line: number; cells: string[] }
  | { type: 'error'; line: number; message: string }
  | { type: 'fatal'; line: number; message: string };

const DELIMITERS = [',', ';', '\t', '|'] as const;

/**
 * Picks the delimiter from the first line (outside quotes): the candidate that occurs most
 * often. European Excel writes `;`, Qualtrics and Excel "Unicode text" write tabs.
 */
export function detectDelimiter(text: string): string {
  const counts = new Map<string, number>(DELIMITERS.map((delimiter) => [delimiter, 0]));
  let quoted = false;
  for (const char of text.slice(0, 64 * 1024)) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === '\n' || char === '\r')) break;
    else if (!quoted && counts.has(char)) counts.set(char, counts.get(char)! + 1);
  }
  let best = ',';
  for (const [delimiter, count] of counts) if (count > counts.get(best)!) best = delimiter;
  return best;
}

const quoteAdvice = 'write a quote inside a field as "" and put that field in quotes';

function describe(error: CsvError): string {
  switch (error.code) {
    case 'INVALID_OPENING_QUOTE':
      return `a quote (") inside an unquoted field; ${quoteAdvice}`;
    case 'CSV_INVALID_CLOSING_QUOTE':
      return `a quote inside a quoted field is not doubled; ${quoteAdvice}`;
    case 'CSV_QUOTE_NOT_CLOSED':
      return 'a quote opened on this line is never closed, so the rest of the file could not be read as rows';
    default:
      return error.message;
  }
}

class RecordTooLarge extends Error {
  constructor(readonly line: number) {
    super(`record too large at line ${line}`);
  }
}

interface ParsedRecord {
  record: string[];
  raw: string;
  /** The line the record ends on. */
  lines: number;
}

/** The line a record starts on, from the line it ended on and its raw text (blank lines before it trimmed). */
function startLine(endLine: number, raw: string, endsWithDelimiter: boolean): number {
  let first = 0;
  while (raw[first] === '\n') first++;
  return endLine - countNewlines(raw, first) + (endsWithDelimiter && raw.endsWith('\n') ? 1 : 0);
}

/**
 * Reads CSV text record by record with csv-parse, pulling only as records are consumed. Bad
 * records (a stray or undoubled quote, a quote never closed) are reported by the line they start
 * on and skipped; ragged records are passed on for the caller to judge. Line ends are normalised to
 * LF first, which keeps csv-parse's line count right for CRLF inside quoted fields.
 */
export async function openCsv(
  text: AsyncIterable<string | Buffer>,
): Promise<{ delimiter: string; events: AsyncGenerator<CsvEvent> }> {
  const { head, rest } = await peekChunks(
    text,
    (chunks) => chunks.reduce((sum, chunk) => sum + chunk.length, 0) >= 64 * 1024,
  );
  const delimiter = detectDelimiter(head.map(String).join(''));
  const problems: Array<{ type: 'error' | 'fatal'; line: number; message: string }> = [];
  let lastSkipped: string | undefined;
  const parser = parse({
    delimiter,
    record_delimiter: '\n',
    bom: true,
    raw: true,
    relax_column_count: true,
    // In tab-separated files (Qualtrics' TSV, Excel's "Unicode text") quotes are text, as in
    // Qualtrics' `{"ImportId":"QID1"}` header row; in CSV a stray quote is an error worth reporting.
    relax_quotes: delimiter === '\t',
    skip_empty_lines: true,
    skip_records_with_error: true,
    max_record_size: MAX_RECORD_BYTES,
    on_skip(error, raw) {
      if (!error) return undefined;
      const rawText = raw ?? '';
      if (error.code === 'CSV_MAX_RECORD_SIZE')
        throw new RecordTooLarge(startLine(Number(error.lines), rawText, false));
      // A record can raise several errors (each undoubled quote); report it once.
      const sameRecord =
        lastSkipped !== undefined &&
        rawText.length > lastSkipped.length &&
        rawText.startsWith(lastSkipped);
      lastSkipped = rawText;
      // An unclosed quote swallows the rest of the file: those rows were not imported.
      const fatal = error.code === 'CSV_QUOTE_NOT_CLOSED';
      const queued = problems.at(-1);
      if (sameRecord && fatal && queued) queued.type = 'fatal';
      if (!sameRecord || (fatal && !queued))
        problems.push({
          type: fatal ? 'fatal' : 'error',
          line: startLine(Number(error.lines), rawText, false),
          message: describe(error),
        });
      return undefined;
    },
    // Called as each record is parsed (ahead of the consumer): the next error is a new record's.
    // Its context has the line count, cheaper to take here than with `info: true`.
    // (csv-parse types records as string[] unless columns are on; with `raw` they are objects.)
    on_record(parsed, context) {
      lastSkipped = undefined;
      const { record, raw } = parsed as unknown as Omit<ParsedRecord, 'lines'>;
      const withLine: ParsedRecord = { record, raw, lines: context.lines };
      return withLine as unknown as string[];
    },
  });
  const records = pipeline(Readable.from(rest), new NewlineNormaliser(), parser, () => undefined);

  async function* events(): AsyncGenerator<CsvEvent> {
    try {
      for await (const parsed of records as AsyncIterable<ParsedRecord>) {
        const line = startLine(parsed.lines, parsed.raw, true);
        while (problems[0] && problems[0].line < line) yield problems.shift()!;
        yield { type: 'record', line, cells: parsed.record };
      }
      yield* problems.splice(0);
    } catch (error) {
      if (!(error instanceof RecordTooLarge)) throw error;
      yield* problems.splice(0);
      yield {
        type: 'fatal',
        line: error.line,
        message:
          `a record starting here runs past ${MAX_RECORD_BYTES / 1024 / 1024} MiB, most likely because ` +
          'of a quote that is never closed; reading stopped here and the rest of the file was not imported',
      };
    } finally {
      records.destroy();
    }
  }
  return { delimiter, events: events() };
}

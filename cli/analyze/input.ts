import { createInterface } from 'node:readline';
import { openCsv } from '../../server/modules/imports/csv-rows.ts';
import { detectEncoding, openDecoded } from '../../server/modules/imports/encoding.ts';
import { peekChunks } from '../../server/modules/imports/streams.ts';
import { looksLikeZip } from '../../server/modules/imports/xlsx-rows.ts';

/** One text to analyse and where it came from: its line (or, in a CSV file, its record's first line). */
export interface InputText {
  line: number;
  text: string;
}

/** A problem with one CSV record, reported on stderr while the others go on. */
export interface InputProblem {
  line: number;
  message: string;
}

/** Bad input that stops the command: a binary file, a missing column. Exit code 1. */
export class InputError extends Error {}

const SNIFF_BYTES = 8 * 1024;

/**
 * Rejects files that are not text before reading them as such: a spreadsheet or other ZIP, or
 * bytes with NULs (outside UTF-16) or many control characters, as images and executables have.
 */
export function binaryReason(head: Uint8Array): string | undefined {
  if (looksLikeZip(head))
    return 'it is a ZIP file (an XLSX workbook?); save the sheet as CSV and use --csv';
  if (head.length === 0 || detectEncoding(head).encoding.startsWith('utf-16')) return undefined;
  let control = 0;
  for (const byte of head) {
    if (byte === 0) return 'it is binary (it has NUL bytes), not text';
    if (byte < 9 || (byte > 13 && byte < 32)) control += 1;
  }
  return control > head.length * 0.05 ? 'it is binary (many control bytes), not text' : undefined;
}

/** The source decoded to text (its encoding detected as for imports), after the binary check. */
async function decode(source: AsyncIterable<Uint8Array | string>, name: string) {
  const bytes = (async function* () {
    for await (const chunk of source) yield typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
  })();
  const { head, rest } = await peekChunks(
    bytes,
    (chunks) => chunks.reduce((sum, chunk) => sum + chunk.length, 0) >= SNIFF_BYTES,
  );
  const reason = binaryReason(Buffer.concat(head).subarray(0, SNIFF_BYTES));
  if (reason) throw new InputError(`cannot read ${name}: ${reason}`);
  return openDecoded(rest);
}

/** Texts one per line. Memory holds one line at a time, whatever the size of the input. */
export async function openLines(
  source: AsyncIterable<Uint8Array | string>,
  name: string,
): Promise<{ texts: AsyncGenerator<InputText>; bytesRead(): number }> {
  const decoded = await decode(source, name);
  async function* texts(): AsyncGenerator<InputText> {
    let line = 0;
    for await (const text of createInterface({ input: decoded.text, crlfDelay: Infinity })) {
      line += 1;
      yield { line, text };
    }
  }
  return { texts: texts(), bytesRead: decoded.bytesRead };
}

/**
 * The header's column named `column` (exactly, then ignoring case and surrounding spaces), or
 * numbered `column` from 1 when no header cell has that name.
 */
export function resolveColumn(header: readonly string[], column: string): number {
  const exact = header.indexOf(column);
  if (exact >= 0) return exact;
  const folded = column.trim().toLowerCase();
  const loose = header.findIndex((cell) => cell.trim().toLowerCase() === folded);
  if (loose >= 0) return loose;
  if (/^\d+$/.test(column.trim())) {
    const index = Number(column) - 1;
    if (index >= 0 && index < header.length) return index;
    throw new InputError(
      `--column ${column}: the file has ${header.length} column${header.length === 1 ? '' : 's'}`,
    );
  }
  const names = header.map((cell) => JSON.stringify(cell)).join(', ');
  throw new InputError(
    `--column ${JSON.stringify(column)}: no such column; the header has ${names}`,
  );
}

/** Texts from one column of a CSV file (delimiter detected), by record; bad records are reported. */
export async function openCsvColumn(
  source: AsyncIterable<Uint8Array | string>,
  name: string,
  column: string,
  onProblem: (problem: InputProblem) => void,
): Promise<{ texts: AsyncGenerator<InputText>; bytesRead(): number }> {
  const decoded = await decode(source, name);
  const { events } = await openCsv(decoded.text);
  let index: number | undefined;
  // The header is read here, so a missing column is an error before any output.
  while (index === undefined) {
    const step = await events.next();
    if (step.done) throw new InputError(`cannot read ${name}: it has no header row`);
    const event = step.value;
    if (event.type === 'fatal' || (event.type === 'error' && event.line === 1))
      throw new InputError(`cannot read ${name}: line ${event.line}: ${event.message}`);
    if (event.type === 'record') index = resolveColumn(event.cells, column);
  }
  const at = index;
  async function* texts(): AsyncGenerator<InputText> {
    for await (const event of events) {
      if (event.type === 'record') yield { line: event.line, text: event.cells[at] ?? '' };
      else if (event.type === 'error') onProblem(event);
      else throw new InputError(`cannot read ${name} past line ${event.line}: ${event.message}`);
    }
  }
  return { texts: texts(), bytesRead: decoded.bytesRead };
}

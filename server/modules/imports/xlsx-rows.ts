import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { errors } from '../../errors.ts';
import type { CsvEvent } from './csv-rows.ts';

/** The first bytes of a ZIP archive, which an XLSX workbook is. */
const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

export function looksLikeZip(head: Uint8Array): boolean {
  return ZIP_MAGIC.every((byte, index) => head[index] === byte);
}

const notAWorkbook = (why: string) =>
  errors.invalid(
    `The file is not a readable XLSX workbook (${why}). Save it from Excel as "Excel Workbook ` +
      '(.xlsx)" or as CSV; old .xls files are not supported.',
  );

function isoDate(date: Date): string {
  if (Number.isNaN(date.getTime())) return '';
  const iso = date.toISOString();
  // Excel stores wall-clock values; a date with no time of day is kept as a plain date.
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso;
}

/**
 * A cell as text, the way it reads in Excel: dates as ISO 8601, numbers and booleans written out,
 * rich text as its plain text, formulas as their last computed result, hyperlinks as their text,
 * and error values (#N/A, #DIV/0!) as empty cells.
 */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return isoDate(value);
  if (typeof value !== 'object') return '';
  if ('richText' in value && Array.isArray(value.richText))
    return value.richText.map((run: { text?: unknown }) => cellText(run.text)).join('');
  if ('formula' in value || 'sharedFormula' in value)
    return 'result' in value ? cellText(value.result) : '';
  if ('text' in value) return cellText(value.text);
  return '';
}

export interface XlsxOptions {
  /** The worksheet to read: its name, or its 1-based position; the first sheet by default. */
  sheet?: string | undefined;
}

interface SheetReader extends AsyncIterable<ExcelJS.Row> {
  id?: number;
  name?: string;
}

function wanted(sheet: string | undefined, reader: SheetReader, position: number): boolean {
  if (sheet === undefined || sheet === '') return true;
  if (/^\d+$/.test(sheet)) return Number(sheet) === (reader.id ?? position);
  return reader.name?.toLowerCase() === sheet.trim().toLowerCase();
}

/**
 * Reads one worksheet of an XLSX workbook row by row with exceljs' streaming reader, so a large
 * sheet is read in bounded memory (exceljs parks sheets stored before the shared strings in a
 * temporary file, not in memory). Rows come as the CSV reader's events, numbered by their Excel
 * row; empty rows are left out. A file that is not a workbook is a 400 before any row; a workbook
 * that breaks later ends with a fatal event at the next row.
 */
export function readXlsx(
  source: AsyncIterable<Uint8Array | string>,
  options: XlsxOptions = {},
): AsyncGenerator<CsvEvent> {
  const input = Readable.from(source, { objectMode: false });
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, {
    sharedStrings: 'cache',
    styles: 'cache', // needed to tell date cells from numbers
    hyperlinks: 'ignore',
    worksheets: 'emit',
    entries: 'ignore',
  });
  async function* events(): AsyncGenerator<CsvEvent> {
    let lastRow = 0;
    let found = false;
    try {
      let position = 0;
      for await (const sheet of reader as AsyncIterable<SheetReader>) {
        position++;
        if (found || !wanted(options.sheet, sheet, position)) {
          // Read a skipped sheet to its end: exceljs deletes the temporary file of a sheet stored
          // before the shared strings as soon as we move on, and a reader still opening it would
          // throw ENOENT outside any handler (an uncaught exception).
          for await (const skipped of sheet) void skipped;
          continue;
        }
        found = true;
        for await (const row of sheet) {
          const values = Array.isArray(row.values) ? row.values : [];
          // exceljs numbers cells from 1 and leaves holes for empty cells.
          const cells = Array.from({ length: Math.max(values.length - 1, 0) }, (_, index) =>
            cellText(values[index + 1]),
          );
          while (cells.length > 0 && cells.at(-1) === '') cells.pop();
          lastRow = row.number;
          if (cells.length > 0) yield { type: 'record', line: row.number, cells };
        }
      }
    } catch (error) {
      const why = error instanceof Error ? error.message : String(error);
      if (lastRow === 0) throw notAWorkbook(why);
      yield {
        type: 'fatal',
        line: lastRow + 1,
        message: `the workbook could not be read past this row (${why}); the rest was not imported`,
      };
      return;
    } finally {
      input.destroy();
    }
    if (!found)
      throw options.sheet
        ? errors.invalid(
            `The workbook has no sheet named or numbered ${JSON.stringify(options.sheet)}.`,
          )
        : notAWorkbook('it has no worksheet');
  }
  return events();
}

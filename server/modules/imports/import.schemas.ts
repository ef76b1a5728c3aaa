import { z } from 'zod';

/**
 * What a column of an import can hold. `score` takes its scale from the header and the values;
 * `score:nps` / `score:csat` / `score:ces` name it. `date` reads slashed dates month first
 * (03/05/2024 is 5 March) unless the values show otherwise; `date:dmy` / `date:mdy` name the order.
 * Several `text` columns are joined with a blank line; several `name` columns (first and last
 * name) with a space. `metadata` keeps the cell under the column's name; `ignore` skips it.
 */
export const IMPORT_FIELDS = [
  'text',
  'score',
  'score:nps',
  'score:csat',
  'score:ces',
  'date',
  'date:mdy',
  'date:dmy',
  'email',
  'name',
  'phone',
  'externalId',
  'contactId',
  'company',
  'accountId',
  'domain',
  'metadata',
  'ignore',
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

/** `{ column -> field }`; columns are matched by name, ignoring case. */
export const columnMappingSchema = z.record(z.string().min(1).max(500), z.enum(IMPORT_FIELDS));
export type ColumnMapping = z.infer<typeof columnMappingSchema>;

export const IMPORT_FORMATS = ['csv', 'jsonl', 'xlsx'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

export const importOptionsSchema = z.object({
  format: z.enum(IMPORT_FORMATS),
  mapping: columnMappingSchema.optional(),
  /** XLSX: the worksheet to read, by name or 1-based number (default: the first). */
  sheet: z.string().min(1).max(200).optional(),
  /** The first data row to import (1 = the first row after the header); earlier rows are skipped. */
  startAtRow: z.number().int().min(1).optional(),
});

export interface ImportError {
  line: number;
  message: string;
}

export interface ImportResult {
  /** Data rows read (header rows not counted); imported + duplicates + failed + skipped. */
  rows: number;
  /** New raw items stored and queued for normalisation. */
  imported: number;
  /** Rows already imported into this listening post (same content), so nothing was added. */
  duplicates: number;
  /** Bad rows; `errors` lists the first 1,000 with their line numbers. */
  failed: number;
  /** Rows with nothing to import (no text and no score) or before `startAtRow`. */
  skipped: number;
  skippedReasons: Record<string, number>;
  errors: ImportError[];
  encoding: string;
  delimiter: string | null;
  vendor: string | null;
  mapping: ColumnMapping | null;
  /** False when reading had to stop early (a record past the size limit); the rest was not read. */
  complete: boolean;
}

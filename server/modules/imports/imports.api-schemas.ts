import { z } from 'zod';
import { IMPORT_STATES } from '../../db/schema/index.ts';
import { errors } from '../../errors.ts';
import { columnMappingSchema, IMPORT_FORMATS } from './import.schemas.ts';
import type { ImportRow } from './imports.repository.ts';

/** The form fields sent with an upload, before the file. `mapping` is JSON: `{ column: field }`. */
export const uploadFieldsSchema = z.strictObject({
  postId: z.uuid().optional(),
  format: z.enum(IMPORT_FORMATS).optional(),
  sheet: z.string().min(1).max(200).optional(),
  mapping: z
    .string()
    .max(100_000)
    .transform((text, context) => {
      try {
        return JSON.parse(text) as unknown;
      } catch {
        context.addIssue({ code: 'custom', message: 'is not JSON' });
        return z.NEVER;
      }
    })
    .pipe(columnMappingSchema)
    .optional(),
});
export type UploadFields = z.infer<typeof uploadFieldsSchema>;

/** Parses the form fields, as a 400 with details when they are wrong. */
export function parseUploadFields(fields: Record<string, string>): UploadFields {
  const parsed = uploadFieldsSchema.safeParse(fields);
  if (parsed.success) return parsed.data;
  throw errors.invalid(
    'The form fields are not valid.',
    parsed.error.issues.map((issue) => ({
      path: ['body', ...issue.path.map(String)].join('.'),
      message: issue.message,
    })),
  );
}

const importErrorSchema = z.object({ line: z.number(), message: z.string() });

export const previewSchema = z.object({
  format: z.enum(IMPORT_FORMATS),
  encoding: z.string(),
  delimiter: z.string().nullable(),
  vendor: z.string().nullable(),
  columns: z.array(z.string()),
  headerRows: z.number(),
  mapping: columnMappingSchema.nullable(),
  confidence: z.number(),
  unmapped: z.array(z.string()),
  notes: z.array(z.string()),
  preview: z.array(z.object({ line: z.number(), item: z.record(z.string(), z.unknown()) })),
  errors: z.array(importErrorSchema),
});

export const importSchema = z
  .object({
    id: z.uuid(),
    postId: z.uuid(),
    fileName: z.string(),
    size: z.number(),
    sha256: z.string(),
    format: z.string(),
    state: z.enum(IMPORT_STATES),
    /** Every data row up to this one is settled; a resumed run carries on after it. */
    checkpointRow: z.number(),
    bytesRead: z.number(),
    rowsRead: z.number(),
    rowsStored: z.number(),
    duplicates: z.number(),
    skipped: z.number(),
    errorCount: z.number(),
    errors: z.array(importErrorSchema),
    mapping: z.record(z.string(), z.string()).nullable(),
    vendor: z.string().nullable(),
    encoding: z.string().nullable(),
    failure: z.string().nullable(),
    createdBy: z.string(),
    createdAt: z.string(),
    startedAt: z.string().nullable(),
    finishedAt: z.string().nullable(),
    /** Rows read per second since the import started (to the end, or to the last checkpoint). */
    rowsPerSecond: z.number().nullable(),
  })
  .meta({ id: 'Import' });
export type ImportView = z.infer<typeof importSchema>;

const iso = (value: Date | null) => (value ? value.toISOString() : null);

export function presentImport(row: ImportRow): ImportView {
  const end = row.finishedAt ?? row.updatedAt;
  const seconds = row.startedAt ? (end.getTime() - row.startedAt.getTime()) / 1000 : 0;
  return {
    id: row.id,
    postId: row.postId,
    fileName: row.fileName,
    size: row.size,
    sha256: row.sha256,
    format: row.format,
    state: row.state,
    checkpointRow: row.checkpointRow,
    bytesRead: row.bytesRead,
    rowsRead: row.rowsRead,
    rowsStored: row.rowsStored,
    duplicates: row.duplicates,
    skipped: row.skipped,
    errorCount: row.errorCount,
    errors: row.errors,
    mapping: row.mapping,
    vendor: row.vendor,
    encoding: row.encoding,
    failure: row.failure,
    createdBy: row.createdBy,
    createdAt: row.createdAt.toISOString(),
    startedAt: iso(row.startedAt),
    finishedAt: iso(row.finishedAt),
    rowsPerSecond: seconds > 0 ? Math.round(row.rowsRead / seconds) : null,
  };
}

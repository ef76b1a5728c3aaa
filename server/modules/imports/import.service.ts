import { createHash } from 'node:crypto';
import type { AppContext } from '../../context.ts';
import { errors } from '../../errors.ts';
import { receiveRawItems, type IncomingRawItem } from '../ingest/ingest.repository.ts';
import type { FeedbackItem } from '../ingest/ingest.schemas.ts';
import * as listeningPosts from '../listening-posts/listening-posts.service.ts';
import type { ColumnMapping, ImportError, ImportFormat, ImportResult } from './import.schemas.ts';
import { openFeedbackFile, type FeedbackFile } from './reader.ts';

export const IMPORT_BATCH_SIZE = 1000;
export const MAX_REPORTED_ERRORS = 1000;
const PREVIEW_ROWS = 10;

type Source = AsyncIterable<Uint8Array | string>;

export interface ImportPreview {
  format: ImportFormat;
  encoding: string;
  delimiter: string | null;
  vendor: string | null;
  columns: string[];
  headerRows: number;
  mapping: ColumnMapping | null;
  confidence: number;
  unmapped: string[];
  notes: string[];
  /** The first rows as feedback items, with their line numbers. */
  preview: Array<{ line: number; item: FeedbackItem }>;
  /** Bad rows among the first rows. */
  errors: ImportError[];
}

/**
 * Reads the start of a file and says how it would be imported: encoding, vendor, column mapping
 * and the first rows as feedback items. Reads no more than the sample; stores nothing.
 */
export async function previewImport(
  stream: Source,
  options: { format?: ImportFormat; mapping?: ColumnMapping; sheet?: string } = {},
): Promise<ImportPreview> {
  const file = await openFeedbackFile(stream, options);
  try {
    const preview: ImportPreview['preview'] = [];
    const problems: ImportError[] = [];
    for await (const row of file.rows) {
      if ('item' in row.result) preview.push({ line: row.line, item: row.result.item });
      else if ('error' in row.result) problems.push({ line: row.line, message: row.result.error });
      if (row.row >= PREVIEW_ROWS) break;
    }
    const detection = file.detection;
    return {
      format: file.format,
      encoding: file.encoding,
      delimiter: file.delimiter,
      vendor: detection?.vendor ?? null,
      columns: file.columns,
      headerRows: file.headerRows,
      mapping: detection?.mapping ?? null,
      confidence: detection?.confidence ?? 1,
      unmapped: detection?.unmapped ?? [],
      notes: detection?.notes ?? [],
      preview,
      errors: problems,
    };
  } finally {
    await file.close();
  }
}

/** The workspace of a listening post, for the operator's CLI, which may name only the post. */
export async function workspaceOfPost(ctx: AppContext, postId: string): Promise<string> {
  const workspaceId = await listeningPosts.workspaceOfPost(ctx, postId);
  if (!workspaceId) throw errors.notFound('listening post', postId);
  return workspaceId;
}

/** What is committed once a batch is stored: the last row settled, and the counts up to it. */
export interface ImportCheckpoint {
  /** Every data row up to this one is stored, or counted as bad or skipped. */
  row: number;
  bytes: number;
  result: ImportResult;
}

export interface ImportFileOptions {
  format: ImportFormat;
  mapping?: ColumnMapping | undefined;
  sheet?: string | undefined;
  /** Called after each batch is stored: data rows read so far and bytes read from the stream. */
  onProgress?: (rows: number, bytes: number) => void;
  /** Awaited after each batch is stored, so the caller can commit the progress before going on. */
  onCheckpoint?: (checkpoint: ImportCheckpoint) => Promise<void>;
  /** The first data row to import (1 = the row after the header); rows before it are skipped. */
  startAtRow?: number | undefined;
  /** Carries on from a committed checkpoint: its rows are passed over unread, its counts kept. */
  resume?: { row: number; result: ImportResult } | undefined;
  /** Stops between batches (a worker shutting down); the last checkpoint stays committed. */
  signal?: AbortSignal | undefined;
}

/** What identifies an imported row: its listening post and its content, so a re-import adds nothing. */
export function importDedupKey(postId: string, item: FeedbackItem): string {
  return `import:${postId}:${createHash('sha256').update(JSON.stringify(item)).digest('base64url')}`;
}

function requireFeedbackColumns(file: FeedbackFile) {
  const mapping = file.detection?.mapping;
  if (!mapping) return;
  const fields = Object.values(mapping);
  if (fields.some((field) => field === 'text' || field.startsWith('score'))) return;
  throw errors.invalid(
    'No column was recognised as feedback text or a score; map one explicitly (for example ' +
      `"Comments=text"). The columns are ${file.columns.map((column) => JSON.stringify(column)).join(', ')}.`,
    file.columns.map((column) => ({
      path: `columns.${column}`,
      message: mapping[column] ?? 'not mapped',
    })),
  );
}

/**
 * Imports a CSV or JSON-lines file of feedback into a listening post. Rows are streamed: each good
 * row becomes a raw item (a FeedbackItem, normalised later by the `ingest.normalise` job), stored
 * 1,000 at a time, and the next rows are read only once a batch is stored, so memory stays bounded
 * however long the file. Bad rows are reported by line and do not stop the others. A row is
 * identified by its content within the post, so importing a file again (or again after an
 * interruption) adds only the rows not yet stored.
 */
export async function importFeedbackFile(
  ctx: Pick<AppContext, 'db' | 'jobs'>,
  workspaceId: string,
  postId: string,
  stream: Source,
  options: ImportFileOptions,
): Promise<ImportResult> {
  if (!(await listeningPosts.findPost(ctx, workspaceId, postId)))
    throw errors.notFound('listening post', postId);
  const file = await openFeedbackFile(stream, { ...options, skipRows: options.resume?.row });
  const result: ImportResult = {
    rows: 0,
    imported: 0,
    duplicates: 0,
    failed: 0,
    skipped: 0,
    skippedReasons: {},
    errors: [],
    ...structuredClone(options.resume?.result),
    encoding: file.encoding,
    delimiter: file.delimiter,
    vendor: file.detection?.vendor ?? null,
    mapping: file.detection?.mapping ?? null,
    complete: true,
  };
  const resumeAfter = options.resume?.row ?? 0;
  const skip = (reason: string) => {
    result.skipped++;
    result.skippedReasons[reason] = (result.skippedReasons[reason] ?? 0) + 1;
  };
  // The counts of rows that store nothing, as they stood when the last row of a batch was read.
  const settled = () => ({
    rows: result.rows,
    failed: result.failed,
    skipped: result.skipped,
    skippedReasons: { ...result.skippedReasons },
    errors: result.errors.slice(),
  });
  let batch: IncomingRawItem[] = [];
  let lastRow = resumeAfter;
  let flushedRow = resumeAfter;
  const store = async (items: IncomingRawItem[], row: number, upTo: ReturnType<typeof settled>) => {
    const stored = items.length ? await receiveRawItems(ctx.db, workspaceId, 'import', items) : [];
    result.imported += stored.length;
    result.duplicates += items.length - stored.length;
    if (stored.length > 0) {
      ctx.jobs.notify();
      await listeningPosts.markPostsReceived(ctx, workspaceId, [postId]);
    }
    options.onProgress?.(result.rows, file.bytesRead());
    const checkpoint = { ...result, ...upTo };
    await options.onCheckpoint?.({ row, bytes: file.bytesRead(), result: checkpoint });
  };
  // One batch is stored while the next is read (on PostgreSQL the two overlap); reading waits
  // for the stored batch before it hands over another, so at most two batches are in memory.
  let storing: Promise<void> = Promise.resolve();
  const flush = async (force = false) => {
    await storing;
    if (options.signal?.aborted) throw new Error('The import was interrupted; it resumes later.');
    if (batch.length === 0 && (!force || flushedRow === lastRow)) return;
    flushedRow = lastRow;
    storing = store(batch, lastRow, settled());
    storing.catch(() => undefined); // awaited by the next flush; this only marks it handled
    batch = [];
  };
  try {
    requireFeedbackColumns(file);
    for await (const row of file.rows) {
      if (row.row <= resumeAfter) continue; // committed by an earlier run
      result.rows++;
      lastRow = row.row;
      const converted = row.result;
      if (options.startAtRow !== undefined && row.row < options.startAtRow) {
        skip(`before row ${options.startAtRow}`);
      } else if ('item' in converted) {
        batch.push({
          dedupKey: importDedupKey(postId, converted.item),
          payload: converted.item,
          postId,
        });
        if (batch.length >= IMPORT_BATCH_SIZE) await flush();
      } else if ('error' in converted) {
        result.failed++;
        if (result.errors.length < MAX_REPORTED_ERRORS || row.fatal)
          result.errors.push({ line: row.line, message: converted.error });
        if (row.fatal) result.complete = false;
      } else {
        skip('no text and no score');
      }
      // Progress also moves through long runs of rows that store nothing (all bad, or skipped).
      if (batch.length === 0 && lastRow - flushedRow >= IMPORT_BATCH_SIZE) await flush(true);
    }
    await flush(true);
    await storing;
  } finally {
    await file.close();
  }
  return result;
}

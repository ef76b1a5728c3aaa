import { createReadStream } from 'node:fs';
import { access, rm } from 'node:fs/promises';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { isAppError } from '../../errors.ts';
import { defineJob } from '../../jobs/job.ts';
import { JobQueue } from '../../jobs/queue.ts';
import { columnMappingSchema, IMPORT_FORMATS, type ImportResult } from './import.schemas.ts';
import { importFeedbackFile, type ImportCheckpoint } from './import.service.ts';
import * as repo from './imports.repository.ts';

export const IMPORT_JOB_ATTEMPTS = 5;

const storedOptions = z.object({
  mapping: columnMappingSchema.optional(),
  sheet: z.string().optional(),
});

function progressOf(checkpoint: ImportCheckpoint): repo.ImportProgress {
  const { result } = checkpoint;
  return {
    checkpointRow: checkpoint.row,
    bytesRead: checkpoint.bytes,
    rowsRead: result.rows,
    rowsStored: result.imported,
    duplicates: result.duplicates,
    skipped: result.skipped,
    errorCount: result.failed,
    errors: result.errors,
  };
}

/** What an earlier run committed, as the counts a resumed run starts from. */
function committed(row: repo.ImportRow): { row: number; result: ImportResult } | undefined {
  if (row.checkpointRow === 0) return undefined;
  return {
    row: row.checkpointRow,
    result: {
      rows: row.rowsRead,
      imported: row.rowsStored,
      duplicates: row.duplicates,
      failed: row.errorCount,
      skipped: row.skipped,
      skippedReasons: {},
      errors: row.errors,
      encoding: row.encoding ?? '',
      delimiter: null,
      vendor: row.vendor,
      mapping: row.mapping as ImportResult['mapping'],
      complete: true,
    },
  };
}

export interface RunOptions {
  signal?: AbortSignal | undefined;
  /** On the last attempt an unexpected error fails the import instead of leaving it to a retry. */
  lastAttempt?: boolean;
}

/**
 * Runs one recorded import: reads its uploaded file, stores rows in batches and commits progress
 * (the last settled row and the counts) after each batch. A second run, after a crash or a
 * shutdown, carries on after the committed row instead of starting over; rows of a batch stored
 * just before a crash are stored once only, as every row has its dedup key.
 */
export async function runImport(
  ctx: Pick<AppContext, 'db' | 'jobs'>,
  workspaceId: string,
  importId: string,
  options: RunOptions = {},
): Promise<void> {
  const row = await repo.findImport(ctx.db, workspaceId, importId);
  if (!row || row.state === 'done' || row.state === 'failed') return;
  const fail = async (message: string) => {
    await repo.finishImport(ctx.db, workspaceId, importId, 'failed', message);
    if (row.filePath) await rm(row.filePath, { force: true });
  };
  const path = row.filePath;
  if (
    !path ||
    !(await access(path).then(
      () => true,
      () => false,
    ))
  )
    return fail('The uploaded file is no longer there; upload it again.');
  await repo.startImport(ctx.db, workspaceId, importId, {
    mapping: row.mapping,
    vendor: row.vendor,
    encoding: row.encoding ?? '',
  });
  const settings = storedOptions.parse(row.options);
  const format = z.enum(IMPORT_FORMATS).parse(row.format);
  try {
    await importFeedbackFile(ctx, workspaceId, row.postId, createReadStream(path), {
      format,
      mapping: settings.mapping,
      sheet: settings.sheet,
      resume: committed(row),
      signal: options.signal,
      onCheckpoint: (checkpoint) =>
        repo.saveProgress(ctx.db, workspaceId, importId, progressOf(checkpoint)),
    });
  } catch (error) {
    // A file that cannot be read will not read better on a retry.
    if (isAppError(error) && error.status < 500) return fail(error.message);
    if (options.lastAttempt && !options.signal?.aborted)
      await fail(error instanceof Error ? error.message : String(error));
    throw error;
  }
  await repo.finishImport(ctx.db, workspaceId, importId, 'done', null);
  await rm(path, { force: true });
}

/** Runs an uploaded import (queued by `createImport`); safe to run again, it resumes. */
export const importRunJob = defineJob({
  name: 'imports.run',
  payload: z.object({ importId: z.uuid() }),
  maxAttempts: IMPORT_JOB_ATTEMPTS,
  backoffMs: (attempt) => Math.min(1000 * 2 ** attempt, 60_000),
  async handler({ importId }, { db, workspaceId, signal, attempt }) {
    if (!workspaceId) throw new Error('imports.run needs a workspace');
    await runImport({ db, jobs: new JobQueue(db) }, workspaceId, importId, {
      signal,
      lastAttempt: attempt >= IMPORT_JOB_ATTEMPTS,
    });
  },
});

import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { Transform, type Readable, type TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { AppContext } from '../../context.ts';
import { errors } from '../../errors.ts';
import type { Actor } from '../audit/audit.service.ts';
import * as listeningPosts from '../listening-posts/listening-posts.service.ts';
import type { ColumnMapping, ImportFormat } from './import.schemas.ts';
import { previewImport, type ImportPreview } from './import.service.ts';
import * as repo from './imports.repository.ts';

export interface UploadOptions {
  format?: ImportFormat | undefined;
  mapping?: ColumnMapping | undefined;
  sheet?: string | undefined;
}

export function importDir(ctx: AppContext): string {
  return ctx.config.IMPORT_DIR ?? join(ctx.config.DATA_DIR, 'imports');
}

/** Counts and hashes the bytes that pass, and stops the stream past the size limit (413). */
class Measure extends Transform {
  readonly hash = createHash('sha256');
  size = 0;
  constructor(private readonly limit: number) {
    super();
  }
  override _transform(chunk: Buffer, _encoding: string, done: TransformCallback): void {
    this.size += chunk.length;
    if (this.size > this.limit) return done(tooLarge(this.limit));
    this.hash.update(chunk);
    done(null, chunk);
  }
}

const tooLarge = (limit: number) =>
  errors.tooLarge(
    `The file is larger than the import limit of ${(limit / 1024 ** 2).toFixed(0)} MiB (IMPORT_MAX_BYTES).`,
  );

/** Whether an error is the multipart reader's "file too large" (it aborts the part stream). */
function isFileTooLarge(error: unknown): boolean {
  return (error as { code?: string } | null)?.code === 'FST_REQ_FILE_TOO_LARGE';
}

/**
 * Streams an upload to a file of its own under IMPORT_DIR, hashing it on the way: it is never
 * held in memory, and a file over IMPORT_MAX_BYTES is cut off with a 413 and removed.
 */
export async function saveUpload(ctx: AppContext, source: Readable) {
  const dir = importDir(ctx);
  await mkdir(dir, { recursive: true });
  const path = join(dir, `${randomUUID()}.upload`);
  const measure = new Measure(ctx.config.IMPORT_MAX_BYTES);
  try {
    await pipeline(source, measure, createWriteStream(path));
  } catch (error) {
    await rm(path, { force: true });
    if (isFileTooLarge(error)) throw tooLarge(ctx.config.IMPORT_MAX_BYTES);
    throw error;
  }
  if (measure.size === 0) {
    await rm(path, { force: true });
    throw errors.invalid('The file is empty.');
  }
  return { path, size: measure.size, sha256: measure.hash.digest('hex') };
}

const FORMAT_BY_EXTENSION: Record<string, ImportFormat> = {
  '.xlsx': 'xlsx',
  '.jsonl': 'jsonl',
  '.ndjson': 'jsonl',
  '.csv': 'csv',
  '.tsv': 'csv',
  '.txt': 'csv',
};

/** The format named, else the file name's, else undefined (the reader tells from the content). */
export function formatOf(fileName: string, format?: ImportFormat): ImportFormat | undefined {
  return format ?? FORMAT_BY_EXTENSION[extname(fileName).toLowerCase()];
}

/** How the start of a file would be imported; the file is read only as far as the sample. */
export async function previewUpload(
  source: AsyncIterable<Uint8Array | string>,
  fileName: string,
  options: UploadOptions,
): Promise<ImportPreview> {
  const format = formatOf(fileName, options.format);
  return previewImport(source, { ...options, format });
}

function requireFeedbackColumn(preview: ImportPreview) {
  if (!preview.mapping) return;
  const fields = Object.values(preview.mapping);
  if (fields.some((field) => field === 'text' || field.startsWith('score'))) return;
  throw errors.invalid(
    'No column was recognised as feedback text or a score; send a mapping that names one ' +
      `(for example {"Comments":"text"}). The columns are ${preview.columns.join(', ')}.`,
  );
}

/**
 * Receives a file to import into a listening post: saves it, checks that it can be read (a file
 * that is not a spreadsheet is a 400 now, not a failed job later), records the import and queues
 * the `imports.run` job in one transaction. The same file already imported (or importing) into
 * the same post is not imported again: that import is returned.
 */
export async function createImport(
  ctx: AppContext,
  workspaceId: string,
  actor: Actor,
  input: UploadOptions & { postId: string; fileName: string },
  source: Readable,
) {
  if (!(await listeningPosts.findPost(ctx, workspaceId, input.postId)))
    throw errors.notFound('listening post', input.postId);
  const file = await saveUpload(ctx, source);
  try {
    const same = await repo.findSameFile(ctx.db, workspaceId, input.postId, file.sha256);
    if (same) {
      await rm(file.path, { force: true });
      return { import: same, duplicate: true };
    }
    const preview = await previewUpload(createReadStream(file.path), input.fileName, input);
    requireFeedbackColumn(preview);
    const created = await ctx.db.transaction(async (tx) => {
      const row = await repo.insertImport(tx, {
        workspaceId,
        postId: input.postId,
        fileName: input.fileName,
        filePath: file.path,
        size: file.size,
        sha256: file.sha256,
        format: preview.format,
        options: { mapping: input.mapping, sheet: input.sheet },
        errors: [],
        mapping: preview.mapping,
        vendor: preview.vendor,
        encoding: preview.encoding,
        createdBy: actor.userId ?? (actor.apiKeyId ? `api-key:${actor.apiKeyId}` : 'system'),
      });
      await ctx.jobs.enqueue(
        { name: 'imports.run', workspaceId, payload: { importId: row.id }, maxAttempts: 5 },
        tx,
      );
      return row;
    });
    return { import: created, duplicate: false };
  } catch (error) {
    await rm(file.path, { force: true });
    throw error;
  }
}

export async function getImport(ctx: AppContext, workspaceId: string, importId: string) {
  const row = await repo.findImport(ctx.db, workspaceId, importId);
  if (!row) throw errors.notFound('import', importId);
  return row;
}

export function listImports(ctx: AppContext, workspaceId: string) {
  return repo.listImports(ctx.db, workspaceId, 50);
}

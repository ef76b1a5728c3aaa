import { finished } from 'node:stream/promises';
import multipart, { type MultipartFile } from '@fastify/multipart';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { errors } from '../../errors.ts';
import { requireWorkspace } from '../../http/access.ts';
import { actorOf } from '../../http/route-helpers.ts';
import { errorReplies, workspaceParams } from '../../http/schemas.ts';
import {
  importSchema,
  parseUploadFields,
  presentImport,
  previewSchema,
} from './imports.api-schemas.ts';
import * as service from './uploads.service.ts';

const tags = ['imports'];
const importParams = z.strictObject({ workspaceId: z.uuid(), importId: z.uuid() });
const uploadDescription =
  'Send `multipart/form-data` with the fields first and the file last, in a field named `file`: ' +
  '`postId` (the listening post), optional `format` (csv, jsonl or xlsx; default from the file name ' +
  'or content), `sheet` (XLSX: a sheet name or number) and `mapping` (JSON `{ "column": "field" }` ' +
  'overriding the detected mapping). CSV in any delimiter and UTF-8, UTF-16 or Windows-1252, JSON ' +
  'lines or XLSX; up to IMPORT_MAX_BYTES (2 GiB by default).';

/** The file part of a multipart upload, with the text fields sent before it. */
async function filePart(ctx: AppContext, request: FastifyRequest) {
  const limit = ctx.config.IMPORT_MAX_BYTES;
  // A declared length over the limit is refused before a byte is read (room left for the form).
  if (Number(request.headers['content-length'] ?? 0) > limit + 1024 * 1024)
    throw errors.tooLarge(`The file is larger than the import limit of ${limit} bytes.`);
  if (!request.isMultipart())
    throw errors.invalid(
      'Send the file as multipart/form-data, in a field named "file" after the other fields.',
    );
  const part = await request.file({
    limits: { fileSize: limit, files: 1, fields: 10, fieldSize: 200_000 },
  });
  if (!part) throw errors.invalid('No file was sent: add it in a field named "file".');
  const values: Record<string, string> = {};
  for (const [name, field] of Object.entries(part.fields)) {
    const first = Array.isArray(field) ? field[0] : field;
    if (first?.type === 'field') values[name] = String(first.value);
  }
  return { part, fields: parseUploadFields(values) };
}

/** Reads the rest of an upload and drops it, so the request ends cleanly after a preview. */
async function drain(part: MultipartFile) {
  part.file.resume();
  await finished(part.file).catch(() => undefined);
}

export function importsRoutes(app: FastifyInstance, ctx: AppContext): void {
  void app.register(async (scope) => {
    // Multipart only in this scope; busboy streams the file part, it is never buffered whole.
    await scope.register(multipart, { limits: { fileSize: ctx.config.IMPORT_MAX_BYTES } });
    const api = scope.withTypeProvider<ZodTypeProvider>();

    api.post(
      '/workspaces/:workspaceId/imports/preview',
      {
        config: { access: 'admin' },
        schema: {
          tags,
          summary: 'Preview how a file would be imported; stores nothing',
          description:
            `${uploadDescription} Only the first rows are read (the dashboard sends only the start ` +
            'of a CSV or JSON-lines file; an XLSX workbook must be sent whole). Answers the detected ' +
            'format, encoding, delimiter, vendor, columns, proposed mapping and the first 10 rows as ' +
            'feedback items, with the errors among them.',
          params: workspaceParams,
          response: { 200: previewSchema, ...errorReplies },
        },
      },
      async (request) => {
        requireWorkspace(request);
        const { part, fields } = await filePart(ctx, request);
        try {
          const source = part.file.iterator({ destroyOnReturn: false });
          return await service.previewUpload(source, part.filename, fields);
        } finally {
          await drain(part);
        }
      },
    );

    api.post(
      '/workspaces/:workspaceId/imports',
      {
        config: { access: 'admin' },
        schema: {
          tags,
          summary: 'Upload a file and import it into a listening post, as a background job',
          description:
            `${uploadDescription} The file is checked, kept until the import ends, and imported by ` +
            'a job; follow it with GET …/imports/:importId. The same file already imported into the ' +
            'same post is not imported again: that import is answered with `duplicate: true`.',
          params: workspaceParams,
          response: {
            202: z.object({ import: importSchema, duplicate: z.boolean() }),
            ...errorReplies,
          },
        },
      },
      async (request, reply) => {
        const { workspaceId } = requireWorkspace(request);
        const { part, fields } = await filePart(ctx, request);
        if (!fields.postId) {
          await drain(part);
          throw errors.invalid('Name the listening post to import into.', [
            { path: 'body.postId', message: 'is required' },
          ]);
        }
        const created = await service.createImport(
          ctx,
          workspaceId,
          actorOf(request),
          { ...fields, postId: fields.postId, fileName: part.filename || 'upload' },
          part.file,
        );
        return reply
          .status(202)
          .send({ import: presentImport(created.import), duplicate: created.duplicate });
      },
    );

    api.get(
      '/workspaces/:workspaceId/imports',
      {
        config: { access: 'admin' },
        schema: {
          tags,
          summary: 'The latest 50 imports, newest first, with their progress',
          params: workspaceParams,
          response: { 200: z.object({ items: z.array(importSchema) }), ...errorReplies },
        },
      },
      async (request) => {
        const rows = await service.listImports(ctx, requireWorkspace(request).workspaceId);
        return { items: rows.map(presentImport) };
      },
    );

    api.get(
      '/workspaces/:workspaceId/imports/:importId',
      {
        config: { access: 'admin' },
        schema: {
          tags,
          summary: 'One import: state, rows read and stored, duplicates, errors with line numbers',
          params: importParams,
          response: { 200: importSchema, ...errorReplies },
        },
      },
      async (request) =>
        presentImport(
          await service.getImport(
            ctx,
            requireWorkspace(request).workspaceId,
            request.params.importId,
          ),
        ),
    );
  });
}

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, upload, wsPath } from '../api.ts';
import type { ItemList } from '../types.ts';
import type { ColumnMapping, ImportPreview, ImportRecord } from './types.ts';

const importsKey = (workspaceId: string) => ['ws', workspaceId, 'imports'];
const PREVIEW_BYTES = 1024 * 1024;

/** Polls every second while an import is queued or running, then stops. */
export function useImports(workspaceId: string) {
  return useQuery({
    queryKey: importsKey(workspaceId),
    queryFn: () => api.get<ItemList<ImportRecord>>(wsPath(workspaceId, 'imports')),
    refetchInterval: (query) =>
      query.state.data?.items.some((item) => item.state === 'queued' || item.state === 'running')
        ? 1000
        : false,
  });
}

/**
 * The start of a text file, cut after its last line break, so the preview does not end on half a
 * row; an XLSX workbook is sent whole, as its rows can only be read with the whole archive.
 */
async function previewPart(file: File): Promise<Blob> {
  if (/\.xlsx$/i.test(file.name) || file.size <= PREVIEW_BYTES) return file;
  const bytes = new Uint8Array(await file.slice(0, PREVIEW_BYTES).arrayBuffer());
  const utf16le = bytes[0] === 0xff && bytes[1] === 0xfe;
  const cut = bytes.lastIndexOf(0x0a);
  return cut > 0 ? file.slice(0, cut + (utf16le ? 2 : 1)) : file.slice(0, PREVIEW_BYTES);
}

function uploadForm(fields: Record<string, string | undefined>, file: Blob, name: string) {
  const form = new FormData();
  for (const [key, value] of Object.entries(fields)) if (value) form.append(key, value);
  form.append('file', file, name); // last: the server reads the fields sent before the file
  return form;
}

export interface PreviewInput {
  file: File;
  mapping?: ColumnMapping | undefined;
}

export function usePreview(workspaceId: string) {
  return useMutation({
    mutationFn: async ({ file, mapping }: PreviewInput) =>
      upload<ImportPreview>(
        wsPath(workspaceId, 'imports', 'preview'),
        uploadForm(
          { mapping: mapping && JSON.stringify(mapping) },
          await previewPart(file),
          file.name,
        ),
      ),
  });
}

export interface StartInput extends PreviewInput {
  postId: string;
  onProgress: (fraction: number) => void;
}

export function useStartImport(workspaceId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ file, mapping, postId, onProgress }: StartInput) =>
      upload<{ import: ImportRecord; duplicate: boolean }>(
        wsPath(workspaceId, 'imports'),
        uploadForm({ postId, mapping: mapping && JSON.stringify(mapping) }, file, file.name),
        onProgress,
      ),
    onSuccess: () => client.invalidateQueries({ queryKey: importsKey(workspaceId) }),
  });
}

/** What a column can be mapped to: the server's own list, so the two cannot drift apart. */
import type { ColumnMapping } from '../../../../server/modules/imports/import.schemas.ts';
export {
  IMPORT_FIELDS,
  type ColumnMapping,
  type ImportField,
} from '../../../../server/modules/imports/import.schemas.ts';

export interface ImportRowError {
  line: number;
  message: string;
}

export interface ImportPreview {
  format: 'csv' | 'jsonl' | 'xlsx';
  encoding: string;
  delimiter: string | null;
  vendor: string | null;
  columns: string[];
  headerRows: number;
  mapping: ColumnMapping | null;
  confidence: number;
  unmapped: string[];
  notes: string[];
  preview: { line: number; item: PreviewItem }[];
  errors: ImportRowError[];
}

export interface PreviewItem {
  text?: string;
  score?: { type: string; value: number };
  receivedAt?: string;
  contact?: { email?: string; name?: string };
}

export type ImportState = 'queued' | 'running' | 'done' | 'failed';

export interface ImportRecord {
  id: string;
  postId: string;
  fileName: string;
  size: number;
  format: string;
  state: ImportState;
  checkpointRow: number;
  bytesRead: number;
  rowsRead: number;
  rowsStored: number;
  duplicates: number;
  skipped: number;
  errorCount: number;
  errors: ImportRowError[];
  vendor: string | null;
  encoding: string | null;
  failure: string | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  rowsPerSecond: number | null;
}

export const VENDOR_NAMES: Record<string, string> = {
  delighted: 'Delighted',
  qualtrics: 'Qualtrics',
  surveymonkey: 'SurveyMonkey',
  typeform: 'Typeform',
  zendesk: 'Zendesk',
};

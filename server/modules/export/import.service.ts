import type { z } from 'zod';
import type { AppContext } from '../../context.ts';
import type { Db } from '../../db/client.ts';
import { errors } from '../../errors.ts';
import { recordAudit, type Actor } from '../audit/audit.service.ts';
import { getWorkspace } from '../workspaces/workspaces.service.ts';
import {
  EXPORT_FORMAT,
  EXPORT_VERSION,
  headerSchema,
  importLineSchema,
  IMPORTED_TYPES,
  type ExportHeader,
  type ImportedType,
} from './export.schemas.ts';
import { customerRows } from '../feedback/feedback.service.ts';
import { directoryImport } from '../staff-directory/staff-directory.service.ts';
import { importCorrections } from '../feedback-analysis/corrections.service.ts';
import { startReanalysis } from '../feedback-analysis/reanalysis.service.ts';

export interface ImportResult {
  imported: Record<ImportedType, number>;
  /** Valid lines that added nothing: rows the workspace already has, members, API keys. */
  skipped: number;
  skippedReasons: Record<string, number>;
  /** Bad lines, by line number (the first 1,000; `failed` counts them all). */
  errors: { line: number; message: string }[];
  failed: number;
}

export interface ImportProgress {
  lines: number;
  imported: number;
  failed: number;
}

const BATCH_SIZE = 1000;
const MAX_LINE_LENGTH = 1_000_000;
const MAX_REPORTED_ERRORS = 1000;
const ALREADY_PRESENT = 'already in the workspace';
const MEMBER_SKIPPED = 'members are not imported as users; invite them to the workspace instead';
const API_KEY_SKIPPED = 'API keys are not imported; create new keys in the workspace';
const CASE_SKIPPED = 'cases are exported for the record and not imported';

type Pending = { line: number; row: { id: string } & Record<string, unknown> };
type Insert = (db: Db, rows: never[]) => Promise<number>;
const inserts: Record<ImportedType, Insert> = {
  touchpoint: customerRows.insertTouchpoints as Insert,
  account: customerRows.insertAccounts as Insert,
  contact: customerRows.insertContacts as Insert,
  feedback: customerRows.insertFeedback as Insert,
  staff_team: directoryImport.teams as Insert,
  staff_person: directoryImport.people as Insert,
  tracked_entity: directoryImport.entities as Insert,
  analysis_correction: importCorrections as Insert,
};
const parentsOf: Record<ImportedType, string> = {
  touchpoint: '',
  account: '',
  contact: 'an account',
  feedback: 'a touchpoint, contact or account',
  staff_team: '',
  staff_person: 'a team',
  tracked_entity: '',
  analysis_correction: 'a feedback item',
};

const describeIssues = (issues: z.core.$ZodIssue[]) =>
  issues.map((issue) => `${issue.path.join('.') || 'line'}: ${issue.message}`).join('; ');

/** The SQLSTATE of a database error, through Drizzle's wrapping. */
function sqlState(error: unknown): string | undefined {
  for (
    let current: unknown = error;
    current && typeof current === 'object';
    current = (current as { cause?: unknown }).cause
  ) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return code;
  }
  return undefined;
}

function parseHeader(text: string, line: number): ExportHeader {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    value = undefined;
  }
  const header = headerSchema.safeParse(value);
  if (!header.success) {
    throw errors.invalid(
      `Line ${line} is not a ${EXPORT_FORMAT} header; is this a Hearken export?`,
      [{ path: `line ${line}`, message: 'expected the export header' }],
    );
  }
  if (header.data.version !== EXPORT_VERSION) {
    throw errors.invalid(
      `This file is export version ${header.data.version}; this Hearken reads version ${EXPORT_VERSION}.`,
    );
  }
  return header.data;
}

/**
 * Imports a JSON-lines export into a workspace, reading the lines as they come (memory stays
 * bounded). Each line is validated on its own: a bad line is reported with its number and
 * skipped, good lines go in, in batches. Ids are kept, so importing the same file twice adds
 * nothing. Rows must come after the rows they refer to, as they do in an export.
 */
export async function importWorkspace(
  ctx: AppContext,
  targetWorkspaceId: string,
  lines: AsyncIterable<string>,
  actor: Actor,
  onProgress?: (progress: ImportProgress) => void,
): Promise<ImportResult> {
  await getWorkspace(ctx, targetWorkspaceId);
  const result: ImportResult = {
    imported: Object.fromEntries(IMPORTED_TYPES.map((type) => [type, 0])) as Record<
      ImportedType,
      number
    >,
    skipped: 0,
    skippedReasons: {},
    errors: [],
    failed: 0,
  };
  const pending = Object.fromEntries(IMPORTED_TYPES.map((type) => [type, []])) as unknown as Record<
    ImportedType,
    Pending[]
  >;
  let lineNumber = 0;
  let header: ExportHeader | undefined;

  const skip = (reason: string, count = 1) => {
    if (count === 0) return;
    result.skipped += count;
    result.skippedReasons[reason] = (result.skippedReasons[reason] ?? 0) + count;
  };
  const fail = (line: number, message: string) => {
    result.failed += 1;
    if (result.errors.length < MAX_REPORTED_ERRORS) result.errors.push({ line, message });
  };
  const report = () => {
    const imported = IMPORTED_TYPES.reduce((sum, type) => sum + result.imported[type], 0);
    onProgress?.({ lines: lineNumber, imported, failed: result.failed });
  };

  const store = async (type: ImportedType) => {
    const batch = pending[type];
    if (batch.length === 0) return;
    pending[type] = [];
    try {
      const added = await inserts[type](ctx.db, batch.map((entry) => entry.row) as never[]);
      result.imported[type] += added;
      skip(ALREADY_PRESENT, batch.length - added);
    } catch (error) {
      // A bad row fails its whole batch; store the rows one by one to find it and keep the rest.
      if (!/^2[23]/.test(sqlState(error) ?? '')) throw error;
      for (const entry of batch) {
        try {
          const added = await inserts[type](ctx.db, [entry.row] as never[]);
          result.imported[type] += added;
          skip(ALREADY_PRESENT, 1 - added);
        } catch (rowError) {
          const state = sqlState(rowError);
          if (!/^2[23]/.test(state ?? '')) throw rowError;
          fail(
            entry.line,
            state === '23503'
              ? `${type} ${entry.row.id} refers to ${parentsOf[type]} that is neither earlier in the file nor in the workspace`
              : `${type} ${entry.row.id} could not be stored (SQLSTATE ${state})`,
          );
        }
      }
    }
  };
  /** Stores a type's pending rows, after the rows of every type it may refer to. */
  const storeUpTo = async (type: ImportedType) => {
    for (const candidate of IMPORTED_TYPES.slice(0, IMPORTED_TYPES.indexOf(type) + 1))
      await store(candidate);
    report();
  };

  for await (const raw of lines) {
    lineNumber += 1;
    const text = raw.trim();
    if (text === '') continue;
    if (!header) {
      header = parseHeader(text, lineNumber);
      continue;
    }
    if (text.length > MAX_LINE_LENGTH) {
      fail(lineNumber, `longer than ${MAX_LINE_LENGTH} characters`);
      continue;
    }
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      fail(lineNumber, 'not valid JSON');
      continue;
    }
    const parsed = importLineSchema.safeParse(value);
    if (!parsed.success) {
      fail(lineNumber, describeIssues(parsed.error.issues));
      continue;
    }
    const { type, data } = parsed.data;
    if (type === 'member') skip(MEMBER_SKIPPED);
    else if (type === 'api_key_meta') skip(API_KEY_SKIPPED);
    else if (type === 'case') skip(CASE_SKIPPED);
    else {
      pending[type].push({ line: lineNumber, row: { ...data, workspaceId: targetWorkspaceId } });
      if (pending[type].length >= BATCH_SIZE) await storeUpTo(type);
    }
  }
  if (!header) throw errors.invalid('The file is empty: expected a Hearken export.');
  await storeUpTo(IMPORTED_TYPES.at(-1)!);
  // Imported feedback has no analysis yet: a re-analysis of what lacks one makes it.
  if (result.imported.feedback > 0)
    await startReanalysis(ctx, targetWorkspaceId, 'outdated', actor);
  // Rows that failed on insert are found after later lines that failed validation.
  result.errors.sort((a, b) => a.line - b.line);

  await recordAudit(
    ctx.db,
    targetWorkspaceId,
    actor,
    'data.imported',
    { type: 'workspace', id: targetWorkspaceId },
    {
      ...result.imported,
      skipped: result.skipped,
      failed: result.failed,
      sourceWorkspace: header.workspace.name,
      exportedAt: header.exportedAt,
    },
  );
  return result;
}

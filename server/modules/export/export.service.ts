import type { AppContext } from '../../context.ts';
import { listApiKeys } from '../api-keys/api-keys.service.ts';
import { recordAudit, type Actor } from '../audit/audit.service.ts';
import { listMembers } from '../workspaces/members.service.ts';
import { getWorkspace } from '../workspaces/workspaces.service.ts';
import { EXPORT_FORMAT, EXPORT_VERSION, type ExportHeader } from './export.schemas.ts';
import { countCustomerRows } from '../feedback/feedback.service.ts';
import * as repo from './export.repository.ts';
import { exportDirectory } from '../staff-directory/staff-directory.service.ts';
import { allCorrections } from '../feedback-analysis/corrections.service.ts';
import { exportCasePage } from '../cases/case-export.service.ts';

export { importWorkspace, type ImportResult, type ImportProgress } from './import.service.ts';

/** Receives one JSON document per call, without the trailing newline. */
export type LineWriter = (line: string) => void | Promise<void>;

export type ExportCounts = Record<
  | 'touchpoint'
  | 'account'
  | 'contact'
  | 'feedback'
  | 'staff_team'
  | 'staff_person'
  | 'tracked_entity'
  | 'analysis_correction'
  | 'case'
  | 'member'
  | 'api_key_meta',
  number
>;

const PAGE_SIZE = 1000;

type Pager<Row> = (
  db: AppContext['db'],
  workspaceId: string,
  afterId: string | undefined,
  limit: number,
) => Promise<Row[]>;

/** Rows of one table, a keyset page at a time, so memory stays bounded. */
async function* allRows<Row extends { id: string }>(
  ctx: AppContext,
  workspaceId: string,
  page: Pager<Row>,
) {
  let afterId: string | undefined;
  for (;;) {
    const rows = await page(ctx.db, workspaceId, afterId, PAGE_SIZE);
    yield* rows;
    const last = rows.at(-1);
    if (rows.length < PAGE_SIZE || !last) return;
    afterId = last.id;
  }
}

/** `hearken-<workspace>-<date>.jsonl`, safe to put in a Content-Disposition header. */
export async function exportFileName(ctx: AppContext, workspaceId: string, now = new Date()) {
  const workspace = await getWorkspace(ctx, workspaceId);
  const slug = workspace.name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return `hearken-${slug || workspace.id}-${now.toISOString().slice(0, 10)}.jsonl`;
}

/** How many data lines an export of the workspace will have, for progress bars. */
export async function countExportRows(ctx: AppContext, workspaceId: string): Promise<number> {
  const counts = await countCustomerRows(ctx, workspaceId);
  return counts.touchpointCount + counts.accountCount + counts.contactCount + counts.feedbackCount;
}

/**
 * Streams the whole workspace as JSON lines: a header, then touchpoints, accounts, contacts and
 * feedback (parents before the rows that refer to them), then members and API keys as metadata
 * only. Never writes password hashes, sessions or key hashes. Records `data.exported`, also when
 * the export stops half-way (the part already written has left the building).
 */
export async function exportWorkspace(
  ctx: AppContext,
  workspaceId: string,
  write: LineWriter,
  actor: Actor,
): Promise<ExportCounts> {
  const workspace = await getWorkspace(ctx, workspaceId);
  const counts: ExportCounts = {
    touchpoint: 0,
    account: 0,
    contact: 0,
    feedback: 0,
    staff_team: 0,
    staff_person: 0,
    tracked_entity: 0,
    analysis_correction: 0,
    case: 0,
    member: 0,
    api_key_meta: 0,
  };
  const emit = async (type: keyof ExportCounts, data: object) => {
    await write(JSON.stringify({ type, data }));
    counts[type] += 1;
  };
  const audit = (complete: boolean) =>
    recordAudit(
      ctx.db,
      workspaceId,
      actor,
      'data.exported',
      { type: 'workspace', id: workspaceId },
      { ...counts, complete },
    );
  try {
    const header: ExportHeader = {
      type: EXPORT_FORMAT,
      version: EXPORT_VERSION,
      exportedAt: new Date().toISOString(),
      workspace: { name: workspace.name, timezone: workspace.timezone },
    };
    await write(JSON.stringify(header));
    for await (const row of allRows(ctx, workspaceId, repo.pageTouchpoints))
      await emit('touchpoint', row);
    for await (const row of allRows(ctx, workspaceId, repo.pageAccounts))
      await emit('account', row);
    for await (const row of allRows(ctx, workspaceId, repo.pageContacts))
      await emit('contact', row);
    for await (const row of allRows(ctx, workspaceId, repo.pageFeedback))
      await emit('feedback', row);
    // The staff directory and staff corrections of the analysis; the analysis itself is derived
    // and is made again after an import.
    const directory = await exportDirectory(ctx, workspaceId);
    for (const row of directory.teams) await emit('staff_team', row);
    for (const row of directory.people) await emit('staff_person', row);
    for (const row of directory.entities) await emit('tracked_entity', row);
    for await (const row of allCorrections(ctx, workspaceId)) {
      const { userId: _user, ...correction } = row;
      await emit('analysis_correction', correction);
    }
    // Cases with their timelines, for the record; import does not restore them (yet).
    for await (const row of allRows(ctx, workspaceId, (_db, ws, afterId, limit) =>
      exportCasePage(ctx, ws, afterId, limit),
    ))
      await emit('case', row);
    for (const member of await listMembers(ctx, workspaceId)) {
      await emit('member', { email: member.email, name: member.name, role: member.role });
    }
    for (const key of await listApiKeys(ctx, workspaceId)) {
      await emit('api_key_meta', {
        name: key.name,
        role: key.role,
        createdAt: key.createdAt,
        lastUsedAt: key.lastUsedAt,
        revokedAt: key.revokedAt,
      });
    }
  } catch (error) {
    await audit(false).catch((auditError: unknown) =>
      ctx.log.error({ err: auditError }, 'could not record the export'),
    );
    throw error;
  }
  await audit(true);
  return counts;
}

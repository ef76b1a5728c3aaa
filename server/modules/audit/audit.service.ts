import type { Db } from '../../db/client.ts';
import { insertAuditEntry, listAuditEntries } from './audit.repository.ts';

/** Who did something: a person, an API key, or the system (CLI, jobs). */
export interface Actor {
  userId: string | null;
  apiKeyId: string | null;
  apiKeyName?: string | null;
  ip: string | null;
}

export const SYSTEM_ACTOR: Actor = { userId: null, apiKeyId: null, ip: null };

export type AuditAction =
  | 'auth.sign_in'
  | 'auth.sign_in_failed'
  | 'auth.password_set'
  | 'workspace.created'
  | 'workspace.updated'
  | 'member.role_changed'
  | 'member.removed'
  | 'invitation.created'
  | 'invitation.revoked'
  | 'invitation.accepted'
  | 'api_key.created'
  | 'api_key.revoked'
  | 'job.retried'
  | 'data.exported'
  | 'data.erased'
  | 'contact.merged'
  | 'account.updated'
  | 'data.imported'
  | 'directory.changed'
  | 'case_rule.changed'
  | 'analysis.sentiment_corrected'
  | 'analysis.reanalysis_started'
  | 'alert_rule.created'
  | 'alert_rule.updated'
  | 'alert_rule.deleted'
  | 'alert_destination.added'
  | 'alert_destination.removed';

export async function recordAudit(
  db: Db,
  workspaceId: string,
  actor: Actor,
  action: AuditAction,
  target?: { type: string; id: string },
  details: Record<string, unknown> = {},
): Promise<void> {
  await insertAuditEntry(db, {
    workspaceId,
    action,
    actorUserId: actor.userId,
    actorApiKeyId: actor.apiKeyId,
    ip: actor.ip,
    targetType: target?.type ?? null,
    targetId: target?.id ?? null,
    details: actor.apiKeyName ? { ...details, apiKeyName: actor.apiKeyName } : details,
  });
}

export async function auditPage(db: Db, workspaceId: string, limit: number, before?: number) {
  const items = await listAuditEntries(db, workspaceId, limit, before);
  const last = items.at(-1);
  return { items, nextBefore: items.length === limit && last ? last.id : null };
}

import type { Db } from '../../db/client.ts';
import { insertEvents } from '../cases/cases.repository.ts';
import * as scan from '../cases/deadline-scan.repository.ts';
import { enqueueMessages, type MailContext } from '../outbox/outbox.service.ts';
import type { NewMessage } from '../outbox/outbox.repository.ts';
import { escapeHtml } from '../surveys/html.ts';

/** Cases claimed per statement; a run loops until none is left. */
const CLAIM_BATCH = 500;

export interface DeadlineRun {
  reminded: number;
  escalated: number;
}

const STAGE_NAMES = { engage: 'Engage', process: 'Process', follow_up: 'Follow up' } as const;

export function caseLink(publicUrl: string, workspaceId: string, caseId: string) {
  return `${publicUrl}/w/${workspaceId}/cases/${caseId}`;
}

function message(
  ctx: MailContext,
  row: scan.ClaimedCase,
  to: string,
  kind: 'reminder' | 'escalation',
): NewMessage {
  const due = new Date(row.dueAt);
  const stage = STAGE_NAMES[row.stage];
  const link = caseLink(ctx.config.PUBLIC_URL, row.workspaceId, row.id);
  const subject =
    kind === 'reminder'
      ? `Reminder: case ${row.number} (${stage}) is due ${due.toISOString()}`
      : `Overdue: case ${row.number} (${stage}) was due ${due.toISOString()}`;
  const lead =
    kind === 'reminder'
      ? `The ${stage} stage of case ${row.number} is due soon.`
      : `The ${stage} stage of case ${row.number} is overdue${row.ownerName ? ` (owner: ${row.ownerName})` : ' and has no owner'}.`;
  const text = `${lead}\n\n“${row.title}”\n\nDue: ${due.toISOString()}\n${link}\n`;
  const html = `<p>${escapeHtml(lead)}</p><p>“${escapeHtml(row.title)}”</p><p>Due: ${escapeHtml(
    due.toISOString(),
  )}</p><p><a href="${escapeHtml(link)}">Open the case</a></p>`;
  return {
    dedupKey: `case-${kind}:${row.id}:${row.stage}:${due.toISOString()}:${to.toLowerCase()}`,
    to,
    subject,
    html,
    text,
    purpose: 'internal',
    caseId: row.id,
  };
}

const byWorkspace = (rows: readonly scan.ClaimedCase[]) => {
  const groups = new Map<string, scan.ClaimedCase[]>();
  for (const row of rows)
    groups.set(row.workspaceId, [...(groups.get(row.workspaceId) ?? []), row]);
  return groups;
};

async function sendReminders(
  ctx: MailContext,
  tx: Db,
  rows: readonly scan.ClaimedCase[],
  now: Date,
) {
  for (const [workspaceId, cases] of byWorkspace(rows)) {
    const messages = cases.flatMap((row) =>
      row.ownerEmail ? [message(ctx, row, row.ownerEmail, 'reminder')] : [],
    );
    await enqueueMessages(ctx, workspaceId, messages, tx);
    await insertEvents(
      tx,
      workspaceId,
      cases.map((row) => ({
        caseId: row.id,
        type: 'reminder_sent',
        actorId: null,
        data: { stage: row.stage, dueAt: new Date(row.dueAt).toISOString(), ownerId: row.ownerId },
        at: now,
      })),
    );
  }
}

async function sendEscalations(
  ctx: MailContext,
  tx: Db,
  rows: readonly scan.ClaimedCase[],
  now: Date,
) {
  for (const [workspaceId, cases] of byWorkspace(rows)) {
    const teamIds = [...new Set(cases.flatMap((row) => (row.teamId ? [row.teamId] : [])))];
    const leads = new Map(
      (await scan.teamLeads(tx, workspaceId, teamIds)).map((lead) => [lead.teamId, lead]),
    );
    const needAdmins = cases.some((row) => !row.teamId || !leads.get(row.teamId)?.email);
    const admins = needAdmins ? await scan.workspaceAdmins(tx, workspaceId) : [];
    const messages: NewMessage[] = [];
    const events = cases.map((row) => {
      const lead = row.teamId ? leads.get(row.teamId) : undefined;
      const recipients = lead?.email ? [lead.email] : admins.map((admin) => admin.email);
      for (const to of recipients) messages.push(message(ctx, row, to, 'escalation'));
      return {
        caseId: row.id,
        type: 'escalated' as const,
        actorId: null,
        data: {
          stage: row.stage,
          dueAt: new Date(row.dueAt).toISOString(),
          leadUserId: lead?.leadUserId ?? null,
          to: lead?.email ? 'team_lead' : 'admins',
        },
        at: now,
      };
    });
    await enqueueMessages(ctx, workspaceId, messages, tx);
    await insertEvents(tx, workspaceId, events);
  }
}

/**
 * Reminds owners of stages nearly due (when `share` of the stage's time is left) and escalates
 * overdue stages to the team lead (the lead user, else the team's lead address, else the
 * workspace's owners and admins). Each stage deadline is reminded and escalated at most once,
 * however many runs overlap: the mark is claimed by a conditional update in the same transaction
 * as the mail and the timeline event. `workspaceId` null checks every workspace.
 */
export async function checkDeadlines(
  ctx: MailContext,
  workspaceId: string | null,
  now: Date,
  share = ctx.config.CASE_REMINDER_SHARE,
): Promise<DeadlineRun> {
  const run: DeadlineRun = { reminded: 0, escalated: 0 };
  for (;;) {
    const claimed = await ctx.db.transaction(async (transaction) => {
      const tx = transaction as unknown as Db;
      const escalations = await scan.claimEscalations(tx, workspaceId, now, CLAIM_BATCH);
      await sendEscalations(ctx, tx, escalations, now);
      const reminders = await scan.claimReminders(tx, workspaceId, now, share, CLAIM_BATCH);
      await sendReminders(ctx, tx, reminders, now);
      return { escalated: escalations.length, reminded: reminders.length };
    });
    run.escalated += claimed.escalated;
    run.reminded += claimed.reminded;
    if (claimed.escalated < CLAIM_BATCH && claimed.reminded < CLAIM_BATCH) return run;
  }
}

import type { Config } from '../../config/env.ts';
import type { Db } from '../../db/client.ts';
import { enqueueMessages, type MailContext } from '../outbox/outbox.service.ts';

/** A note to a colleague about a case (staff mail: `purpose: 'internal'`, no contact). */
export interface StaffNote {
  dedupKey: string;
  to: string;
  caseId: string;
  caseNumber: number;
  subject: string;
  lines: string[];
  /** The customer's or a colleague's words, quoted. */
  quote?: string;
}

export function caseUrl(config: Pick<Config, 'PUBLIC_URL'>, workspaceId: string, caseId: string) {
  return `${config.PUBLIC_URL}/w/${workspaceId}/cases/${caseId}`;
}

function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

export function renderNote(
  config: Pick<Config, 'PUBLIC_URL'>,
  workspaceId: string,
  note: StaffNote,
) {
  const link = caseUrl(config, workspaceId, note.caseId);
  const quote = note.quote ? note.quote.slice(0, 2000) : null;
  const text = [
    ...note.lines,
    ...(quote ? ['', ...quote.split('\n').map((line) => `> ${line}`)] : []),
    '',
    `Open case #${note.caseNumber}: ${link}`,
  ].join('\n');
  const html = [
    ...note.lines.map((line) => `<p>${escapeHtml(line)}</p>`),
    quote ? `<blockquote>${escapeHtml(quote).replace(/\n/g, '<br>')}</blockquote>` : '',
    `<p><a href="${escapeHtml(link)}">Open case #${note.caseNumber}</a></p>`,
  ].join('\n');
  return { text, html };
}

/** Writes staff notes to the outbox (through the one gate every outgoing message passes). */
export async function sendStaffNotes(
  ctx: MailContext,
  workspaceId: string,
  notes: StaffNote[],
  db: Db = ctx.db,
) {
  if (notes.length === 0) return [];
  return enqueueMessages(
    ctx,
    workspaceId,
    notes.map((note) => ({
      dedupKey: note.dedupKey,
      to: note.to,
      subject: note.subject,
      ...renderNote(ctx.config, workspaceId, note),
      purpose: 'internal' as const,
      contactId: null,
      caseId: note.caseId,
    })),
    db,
  );
}

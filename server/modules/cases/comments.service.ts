import { errors } from '../../errors.ts';
import * as changes from './case-changes.repository.ts';
import { sendStaffNotes } from './case-mail.ts';
import * as views from './case-views.repository.ts';
import type { MemberRow } from './case-views.repository.ts';
import { inTransaction, requireCase, type CaseContext } from './cases.service.ts';
import type { CommentInput } from './cases.schemas.ts';

const MENTION =
  /(^|[^\p{L}\p{N}_.@])@([\p{L}\p{N}_.+-]+(?:@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+)?)/gu;

const squash = (text: string) => text.toLocaleLowerCase().replace(/[^\p{L}\p{N}]/gu, '');

/**
 * The members a comment @mentions: `@ana@example.com` by email, `@AnaLima` or `@ana.lima` by full
 * name (spaces and punctuation ignored), `@ana` by first name when only one member has it.
 * Unknown names are left as text.
 */
export function resolveMentions(body: string, members: readonly MemberRow[]): string[] {
  const found = new Set<string>();
  for (const match of body.matchAll(MENTION)) {
    const token = match[2]!.replace(/[.\-+]+$/, '');
    const lower = token.toLocaleLowerCase();
    const byEmail = members.find((m) => m.email.toLocaleLowerCase() === lower);
    if (byEmail) {
      found.add(byEmail.id);
      continue;
    }
    const key = squash(token);
    if (!key) continue;
    const byName = members.find((m) => squash(m.name) === key);
    if (byName) {
      found.add(byName.id);
      continue;
    }
    const byFirst = members.filter((m) => squash(m.name.split(/\s+/)[0] ?? '') === key);
    if (byFirst.length === 1) found.add(byFirst[0]!.id);
  }
  return [...found];
}

/**
 * An internal comment on a case (never shown to the customer). Each colleague it mentions, other
 * than the author, is told by email with the comment quoted.
 */
export async function addComment(
  ctx: CaseContext,
  workspaceId: string,
  caseId: string,
  input: CommentInput,
  actorId: string | null,
) {
  return inTransaction(ctx, async (db) => {
    const current = await requireCase(db, workspaceId, caseId);
    const members = await views.members(db, workspaceId);
    const strangers = input.mentions.filter((id) => !members.some((m) => m.id === id));
    if (strangers.length > 0)
      throw errors.invalid('Only members of this workspace can be mentioned.', [
        { path: 'mentions', message: `${strangers[0]} is not a member` },
      ]);
    const mentions = [...new Set([...input.mentions, ...resolveMentions(input.body, members)])];
    const eventId = await changes.insertEvent(db, workspaceId, {
      caseId,
      type: 'comment',
      actorId,
      data: { body: input.body, mentions },
    });
    const author = members.find((m) => m.id === actorId)?.name ?? 'A colleague';
    const told = members.filter((m) => mentions.includes(m.id) && m.id !== actorId);
    await sendStaffNotes(
      ctx,
      workspaceId,
      told.map((member) => ({
        dedupKey: `case-comment:${eventId}:${member.id}`,
        to: member.email,
        caseId,
        caseNumber: current.number,
        subject: `${author} mentioned you on case #${current.number}: ${current.title}`,
        lines: [`${author} mentioned you in a comment on case #${current.number}:`],
        quote: input.body,
      })),
      db,
    );
    return { eventId, mentions };
  });
}

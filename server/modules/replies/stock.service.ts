import type { Db } from '../../db/client.ts';
import { DUPLICATE_THRESHOLD, estimateJaccard } from '../analysis/similarity/index.ts';
import { findSimilarTexts, recordText } from '../feedback-analysis/feedback-analysis.service.ts';
import { signatureOf } from '../feedback-analysis/similarity.service.ts';
import * as repo from './replies.repository.ts';

/**
 * Stock replies: a reply that nearly repeats replies already sent to OTHER contacts, or that is
 * a snippet as it stands. Replies are recorded for `findSimilarTexts` under subject 'reply' (the
 * outbox message id, the agent's own words without the quote), so each new draft is compared
 * with everything sent before in a few indexed lookups.
 */
export interface StockCheck {
  stock: boolean;
  /** How many other contacts received a near-identical reply. */
  others: number;
  /** The highest similarity found (0..1), to a past reply or a snippet. */
  similarity: number;
  /** The snippet the draft repeats, when it is one as it stands. */
  snippet: { id: string; name: string } | null;
}

const normalised = (text: string) => text.toLowerCase().replace(/\s+/g, ' ').trim();

function snippetMatch(
  body: string,
  snippets: ReadonlyArray<{ id: string; name: string; body: string }>,
) {
  const signature = signatureOf(body);
  let best: { id: string; name: string; similarity: number } | null = null;
  for (const snippet of snippets) {
    const other = signatureOf(snippet.body);
    const similarity =
      signature && other
        ? estimateJaccard(signature, other)
        : normalised(snippet.body) === normalised(body)
          ? 1
          : 0;
    if (similarity >= DUPLICATE_THRESHOLD && (!best || similarity > best.similarity))
      best = { id: snippet.id, name: snippet.name, similarity };
  }
  return best;
}

export async function checkStock(
  db: Db,
  workspaceId: string,
  draft: { body: string; contactId: string | null },
  snippets: ReadonlyArray<{ id: string; name: string; body: string }>,
): Promise<StockCheck> {
  const similar = await findSimilarTexts(db, workspaceId, 'reply', draft.body, { limit: 200 });
  const contacts = await repo.contactsOfMessages(
    db,
    workspaceId,
    similar.map((match) => match.subjectId),
  );
  const contactOf = new Map(contacts.map((row) => [row.id, row.contactId]));
  const toOthers = similar.filter((match) => {
    const contactId = contactOf.get(match.subjectId);
    return contactId !== undefined && (contactId === null || contactId !== draft.contactId);
  });
  const others = new Set(toOthers.map((match) => contactOf.get(match.subjectId) ?? match.subjectId))
    .size;
  const snippet = snippetMatch(draft.body, snippets);
  const similarity = Math.max(
    0,
    ...toOthers.map((match) => match.similarity),
    snippet?.similarity ?? 0,
  );
  return {
    stock: others > 0 || snippet !== null,
    others,
    similarity: Math.round(similarity * 1000) / 1000,
    snippet: snippet ? { id: snippet.id, name: snippet.name } : null,
  };
}

/** Records a sent reply's own words so later drafts are compared with it. */
export function recordReply(db: Db, workspaceId: string, outboxId: string, body: string) {
  return recordText(db, workspaceId, 'reply', outboxId, body);
}

/** Per case team, replies sent in [from, to) and how many of them were stock (for loop metrics). */
export function stockReplyShare(db: Db, workspaceId: string, range: { from: Date; to: Date }) {
  return repo.stockReplyShare(db, workspaceId, range);
}

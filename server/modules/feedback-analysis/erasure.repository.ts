import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../../db/client.ts';
import { signatureSource, type DuplicateCandidate } from './analysis.repository.ts';

/** What the contact's feedback's similarity bands were made from: the stored signature or the text. */
export function signatureSourcesOfContact(
  db: Db,
  workspaceId: string,
  contactId: string,
  maxChars: number,
) {
  return queryRows<Pick<DuplicateCandidate, 'id' | 'minhash' | 'text'>>(
    db,
    sql`SELECT ${signatureSource(maxChars)}
        FROM feedback f
        LEFT JOIN feedback_analysis a ON a.workspace_id = f.workspace_id AND a.feedback_id = f.id
        WHERE f.workspace_id = ${workspaceId} AND f.contact_id = ${contactId}`,
  );
}

/**
 * Removes the rest of what analysis derived from a contact's feedback (its similarity bands go
 * first, see erasure.service.ts), and the recorded words of replies sent to them (stock-reply
 * detection, subject 'reply', keyed by outbox message id).
 */
export async function eraseAnalysisRowsOfContact(db: Db, workspaceId: string, contactId: string) {
  const erased = sql`(SELECT id FROM feedback WHERE workspace_id = ${workspaceId} AND contact_id = ${contactId})`;
  await db.execute(
    sql`DELETE FROM mentions WHERE workspace_id = ${workspaceId} AND feedback_id IN ${erased}`,
  );
  await eraseRepliesToContact(db, workspaceId, contactId);
  await db.execute(
    sql`UPDATE feedback_analysis SET duplicate_of = NULL
        WHERE workspace_id = ${workspaceId} AND duplicate_of IN ${erased}`,
  );
  await db.execute(
    sql`DELETE FROM feedback_analysis WHERE workspace_id = ${workspaceId} AND feedback_id IN ${erased}`,
  );
}

/**
 * The recorded words of replies to the contact: messages addressed to them, and replies sent from
 * their cases (in case a reply row lost its contact link). Found by id within the workspace's
 * reply bands, which are few beside its feedback bands.
 */
async function eraseRepliesToContact(db: Db, workspaceId: string, contactId: string) {
  await db.execute(
    sql`DELETE FROM text_similarity_bands WHERE workspace_id = ${workspaceId}
          AND subject = 'reply' AND subject_id IN (
            SELECT id FROM outbox_messages WHERE workspace_id = ${workspaceId}
              AND (contact_id = ${contactId} OR (purpose = 'reply' AND case_id IN (
                SELECT id FROM cases WHERE workspace_id = ${workspaceId} AND contact_id = ${contactId}))))`,
  );
}

import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';

/**
 * Removes what analysis derived from a contact's feedback, and the recorded words of replies sent
 * to them (stock-reply detection, subject 'reply', keyed by outbox message id). Runs before
 * `eraseContact`, while the feedback and the outbox still point at the contact.
 */
export async function eraseAnalysisOfContact(db: Db, workspaceId: string, contactId: string) {
  const erased = sql`(SELECT id FROM feedback WHERE workspace_id = ${workspaceId} AND contact_id = ${contactId})`;
  await db.execute(
    sql`DELETE FROM mentions WHERE workspace_id = ${workspaceId} AND feedback_id IN ${erased}`,
  );
  await db.execute(
    sql`DELETE FROM text_similarity_bands WHERE workspace_id = ${workspaceId}
          AND subject = 'feedback' AND subject_id IN ${erased}`,
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
 * their cases (in case a reply row lost its contact link).
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

import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';

/** A merged contact's survey history (invitations and responses) moves to the contact kept. */
export async function moveRespondent(
  db: Db,
  workspaceId: string,
  sourceId: string,
  targetId: string,
) {
  await db.execute(
    sql`UPDATE survey_invitations SET contact_id = ${targetId}
        WHERE workspace_id = ${workspaceId} AND contact_id = ${sourceId}`,
  );
  await db.execute(
    sql`UPDATE survey_responses SET contact_id = ${targetId}
        WHERE workspace_id = ${workspaceId} AND contact_id = ${sourceId}`,
  );
}

/**
 * Erases what surveys hold about a contact: their answers are emptied and unlinked, and their
 * invitations (address, name, their id in your systems) are deleted, so no link in an old email
 * leads anywhere.
 */
export async function eraseRespondent(db: Db, workspaceId: string, contactId: string) {
  await db.execute(
    sql`UPDATE survey_responses SET answers = '{}'::jsonb, contact_id = NULL, invitation_id = NULL
        WHERE workspace_id = ${workspaceId} AND (contact_id = ${contactId} OR invitation_id IN (
          SELECT id FROM survey_invitations WHERE workspace_id = ${workspaceId} AND contact_id = ${contactId}))`,
  );
  await db.execute(
    sql`DELETE FROM survey_invitations WHERE workspace_id = ${workspaceId} AND contact_id = ${contactId}`,
  );
}

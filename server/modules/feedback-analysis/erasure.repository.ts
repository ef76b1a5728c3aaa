import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';

export async function eraseAnalysisOfContact(db: Db, workspaceId: string, contactId: string) {
  const erased = sql`(SELECT id FROM feedback WHERE workspace_id = ${workspaceId} AND contact_id = ${contactId})`;
  await db.execute(
    sql`DELETE FROM mentions WHERE workspace_id = ${workspaceId} AND feedback_id IN ${erased}`,
  );
  await db.execute(
    sql`DELETE FROM text_similarity_bands WHERE workspace_id = ${workspaceId}
          AND subject = 'feedback' AND subject_id IN ${erased}`,
  );
  await db.execute(
    sql`UPDATE feedback_analysis SET duplicate_of = NULL
        WHERE workspace_id = ${workspaceId} AND duplicate_of IN ${erased}`,
  );
  await db.execute(
    sql`DELETE FROM feedback_analysis WHERE workspace_id = ${workspaceId} AND feedback_id IN ${erased}`,
  );
}

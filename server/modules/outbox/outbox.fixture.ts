import { sql } from 'drizzle-orm';
import { queryRows } from '../../db/client.ts';
import type { AppContext } from '../../context.ts';

/** A message that failed its last send attempt, for Retry samples and tests. */
export async function createFailedMessage(ctx: AppContext, workspaceId: string): Promise<string> {
  const [row] = await queryRows<{ id: string }>(
    ctx.db,
    sql`INSERT INTO outbox_messages (workspace_id, dedup_key, "to", subject, html, text, state,
          purpose, message_id, attempts, last_error)
        VALUES (${workspaceId}, 'failed:' || gen_random_uuid()::text, 'ada@example.test', 'Hello',
          '<p>Hello</p>', 'Hello', 'failed', 'survey', gen_random_uuid()::text || '@hearken.test', 5,
          '550 mailbox unavailable')
        RETURNING id`,
  );
  return row!.id;
}

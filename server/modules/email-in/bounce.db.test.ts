import { sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { queryRows } from '../../db/client.ts';
import { describeEachEngine } from '../../test/engines.ts';
import { createTestWorkspace } from '../../test/fixtures.ts';
import { createPost } from '../listening-posts/listening-posts.service.ts';
import { enqueueMessages, listOutbox } from '../outbox/outbox.service.ts';
import { postfixBounce } from './bounce.fixture.ts';
import { acceptEmail } from './email-in.service.ts';

const envelope = { via: 'smtp' as const, mailFrom: '', rcptTo: [], remoteAddress: null };

describeEachEngine('bounces', ({ ctx }) => {
  it('marks the original bounced, suppresses the address, keeps the report out of feedback', async () => {
    const workspace = await createTestWorkspace(ctx());
    const post = await createPost(ctx(), workspace.id, { kind: 'email', name: 'Inbox' });
    const [written] = await enqueueMessages(ctx(), workspace.id, [
      { dedupKey: 'b1', to: 'Gone@Example.org', subject: 'Hi', html: '<p>Hi</p>', text: 'Hi' },
    ]);
    await queryRows(
      ctx().db,
      sql`UPDATE outbox_messages SET state = 'sent', sent_at = now() WHERE id = ${written!.id}`,
    );
    const source = Buffer.from(
      postfixBounce({ to: 'gone@example.org', messageId: written!.messageId }),
    );
    const [stored] = await acceptEmail(
      { db: ctx().db, config: ctx().config },
      [{ workspaceId: workspace.id, postId: post.id }],
      source,
      envelope,
    );
    const [message] = await listOutbox(ctx(), workspace.id, 1);
    expect(message).toMatchObject({ state: 'bounced' });
    expect(message!.stateReason).toContain('5.1.1');
    const suppressions = await queryRows<{ address: string; reason: string }>(
      ctx().db,
      sql`SELECT address, reason FROM email_suppressions WHERE workspace_id = ${workspace.id}`,
    );
    expect(suppressions).toEqual([{ address: 'gone@example.org', reason: 'bounce' }]);
    const [raw] = await queryRows<{ state: string }>(
      ctx().db,
      sql`SELECT state FROM raw_items WHERE id = ${stored!.rawItemId}`,
    );
    expect(raw!.state).toBe('processed');
    // The next message to that address is blocked at the gate.
    await enqueueMessages(ctx(), workspace.id, [
      { dedupKey: 'b2', to: 'gone@example.org', subject: 'Hi', html: '', text: 'Hi' },
    ]);
    expect((await listOutbox(ctx(), workspace.id, 1))[0]).toMatchObject({
      state: 'blocked',
      stateReason: 'address suppressed (bounce)',
    });
  });

  it('does not suppress anything for a report about mail we never sent', async () => {
    const workspace = await createTestWorkspace(ctx());
    const post = await createPost(ctx(), workspace.id, { kind: 'email', name: 'Inbox' });
    await acceptEmail(
      { db: ctx().db, config: ctx().config },
      [{ workspaceId: workspace.id, postId: post.id }],
      Buffer.from(postfixBounce({ to: 'victim@example.org', messageId: 'forged@elsewhere.test' })),
      envelope,
    );
    const suppressions = await queryRows<{ address: string }>(
      ctx().db,
      sql`SELECT address FROM email_suppressions WHERE workspace_id = ${workspace.id}`,
    );
    expect(suppressions).toEqual([]);
  });
});

import { randomBytes, randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { queryRows } from '../../db/client.ts';
import { describeEachEngine } from '../../test/engines.ts';
import { createTestWorkspace, type TestWorkspace } from '../../test/fixtures.ts';
import { createPost } from '../listening-posts/listening-posts.service.ts';
import { acceptEmail, threadOf, type InboundDeps } from './email-in.service.ts';
import type { EmailRawPayload } from './parse-message.ts';

const envelope = { via: 'smtp' as const, mailFrom: null, rcptTo: [], remoteAddress: null };

function message(headers: Record<string, string>, body: string | Buffer): Buffer {
  const head = Object.entries(headers)
    .map(([name, value]) => `${name}: ${value}`)
    .join('\r\n');
  return Buffer.concat([Buffer.from(`${head}\r\n\r\n`), Buffer.from(body)]);
}

describeEachEngine('storing inbound email', ({ ctx }) => {
  let workspace: TestWorkspace;
  let mailbox: { workspaceId: string; postId: string };
  const deps = (overrides: Partial<InboundDeps['config']> = {}): InboundDeps => ({
    db: ctx().db,
    config: { ...ctx().config, ...overrides },
  });
  const payloadOf = async (rawItemId: number | null) => {
    const [row] = await queryRows<{ payload: EmailRawPayload }>(
      ctx().db,
      sql`SELECT payload FROM raw_items WHERE workspace_id = ${workspace.id} AND id = ${rawItemId}`,
    );
    if (!row) throw new Error('raw item missing');
    return row.payload;
  };

  beforeAll(async () => {
    workspace = await createTestWorkspace(ctx());
    const post = await createPost(ctx(), workspace.id, { kind: 'email', name: 'Inbox' });
    mailbox = { workspaceId: workspace.id, postId: post.id };
  });

  it('keeps a non-UTF-8 source byte for byte (as base64)', async () => {
    const source = message(
      {
        From: 'Zoë <zoe@example.fr>',
        'Message-ID': `<${randomUUID()}@example.fr>`,
        'Content-Type': 'text/plain; charset=iso-8859-1',
        'Content-Transfer-Encoding': '8bit',
      },
      Buffer.from('Très déçue par la livraison', 'latin1'),
    );
    const [stored] = await acceptEmail(deps(), [mailbox], source, envelope);
    const payload = await payloadOf(stored!.rawItemId);
    expect(payload.source?.encoding).toBe('base64');
    expect(Buffer.from(payload.source!.data, 'base64').equals(source)).toBe(true);
    expect(payload.message.text.trim()).toBe('Très déçue par la livraison');
  });

  it('keeps headers, bodies and attachments of a message too large to keep whole', async () => {
    const attachment = randomBytes(3000);
    const boundary = 'b1';
    const source = message(
      {
        From: 'pat@example.org',
        'Message-ID': `<${randomUUID()}@example.org>`,
        'X-Original-Header': 'kept verbatim',
        'Content-Type': `multipart/mixed; boundary="${boundary}"`,
      },
      [
        `--${boundary}`,
        'Content-Type: text/html; charset=utf-8',
        '',
        '<p>See the <i>log</i></p>',
        `--${boundary}`,
        'Content-Type: application/octet-stream; name="log.bin"',
        'Content-Disposition: attachment; filename="log.bin"',
        'Content-Transfer-Encoding: base64',
        '',
        attachment.toString('base64'),
        `--${boundary}--`,
        '',
      ].join('\r\n'),
    );
    const [stored] = await acceptEmail(
      deps({ EMAIL_RAW_SOURCE_MAX_BYTES: 1000 }),
      [mailbox],
      source,
      envelope,
    );
    const payload = await payloadOf(stored!.rawItemId);
    expect(payload.source).toBeUndefined();
    expect(payload.sourceSize).toBe(source.length);
    expect(payload.headers).toContain('X-Original-Header: kept verbatim');
    expect(payload.message.html).toContain('<i>log</i>');
    expect(payload.message.text).toContain('See the log');
    const [kept] = await queryRows<{ content: Uint8Array; sha256: string }>(
      ctx().db,
      sql`SELECT content, sha256 FROM email_attachments WHERE workspace_id = ${workspace.id} AND raw_item_id = ${stored!.rawItemId}`,
    );
    expect(Buffer.from(kept!.content).equals(attachment)).toBe(true);
  });

  it('recognises a re-delivered message without Message-ID by its content', async () => {
    const source = message({ From: 'anon@example.org', Subject: 'no id' }, 'Hello');
    const [first] = await acceptEmail(deps(), [mailbox], source, envelope);
    const [second] = await acceptEmail(deps(), [mailbox], source, envelope);
    expect(first).toMatchObject({ duplicate: false });
    expect(second).toMatchObject({ duplicate: true, rawItemId: null });
  });

  it('threads a reply that arrived before the message it answers', async () => {
    const original = `${randomUUID()}@example.org`;
    const [reply] = await acceptEmail(
      deps(),
      [mailbox],
      message(
        {
          From: 'a@example.org',
          'Message-ID': `<${randomUUID()}@example.org>`,
          'In-Reply-To': `<${original}>`,
        },
        'reply',
      ),
      envelope,
    );
    const [first] = await acceptEmail(
      deps(),
      [mailbox],
      message({ From: 'a@example.org', 'Message-ID': `<${original}>` }, 'original'),
      envelope,
    );
    expect(first!.threadId).toBe(reply!.threadId);
  });

  it('keeps threads within their workspace', async () => {
    const other = await createTestWorkspace(ctx());
    const otherPost = await createPost(ctx(), other.id, { kind: 'email', name: 'Other inbox' });
    const id = `${randomUUID()}@example.org`;
    const source = message({ From: 'a@example.org', 'Message-ID': `<${id}>` }, 'hi');
    const results = await acceptEmail(
      deps(),
      [mailbox, { workspaceId: other.id, postId: otherPost.id }],
      source,
      envelope,
    );
    // The same message addressed to two workspaces is stored once in each, in separate threads.
    expect(results.map((r) => r.duplicate)).toEqual([false, false]);
    expect(results[0]!.threadId).not.toBe(results[1]!.threadId);
    expect((await threadOf(ctx(), workspace.id, [id]))?.threadId).toBe(results[0]!.threadId);
    expect((await threadOf(ctx(), other.id, [id]))?.threadId).toBe(results[1]!.threadId);
  });
});

import { randomBytes, randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import nodemailer, { type SendMailOptions, type Transporter } from 'nodemailer';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { queryRows } from '../../db/client.ts';
import { describeEachEngine } from '../../test/engines.ts';
import { createTestWorkspace, type TestWorkspace } from '../../test/fixtures.ts';
import { runQueuedNormalisation } from '../../test/normalise.ts';
import { SYSTEM_ACTOR } from '../audit/audit.service.ts';
import { eraseContactData } from '../contacts/contacts.service.ts';
import { createPost, updatePost } from '../listening-posts/listening-posts.service.ts';
import { threadOf } from './email-in.service.ts';
import { startSmtpReceiver, type SmtpReceiver } from './smtp-receiver.ts';
import { smtpDialogue } from './smtp-dialogue.test-helper.ts';

const DOMAIN = 'in.hearken.test';

const ATTACHMENT_LIMIT = 100_000;

describeEachEngine(
  'inbound email over SMTP',
  ({ ctx }) => {
    let workspace: TestWorkspace;
    let receiver: SmtpReceiver;
    let transport: Transporter;
    let postId: string;
    let address: string;

    beforeAll(async () => {
      workspace = await createTestWorkspace(ctx());
      address = `feedback-${randomBytes(4).toString('hex')}@acme.example`;
      postId = (
        await createPost(ctx(), workspace.id, {
          kind: 'email',
          name: 'Feedback inbox',
          settings: { address },
        })
      ).id;
      receiver = await startSmtpReceiver(ctx(), {
        port: 0,
        host: '127.0.0.1',
        maxMessageBytes: ctx().config.EMAIL_MAX_MESSAGE_BYTES,
        graceMs: 500,
      });
      transport = nodemailer.createTransport({
        host: '127.0.0.1',
        port: receiver.port,
        secure: false,
        ignoreTLS: true,
      });
    });
    afterAll(async () => {
      transport.close();
      await receiver.close();
    });

    const send = (mail: SendMailOptions) =>
      transport.sendMail({ from: '"Jane Doe" <jane@example.com>', to: address, ...mail });
    const sendError = (mail: SendMailOptions) =>
      send(mail).then(
        () => {
          throw new Error('the message was accepted');
        },
        (error: { responseCode?: number; command?: string }) => error,
      );
    const rawItems = () =>
      queryRows<{ id: number; dedupKey: string; payload: Record<string, never> }>(
        ctx().db,
        sql`SELECT id::int AS id, dedup_key AS "dedupKey", payload FROM raw_items
          WHERE workspace_id = ${workspace.id} AND channel = 'email' ORDER BY id`,
      );
    const feedbackOf = async (messageId: string) => {
      await runQueuedNormalisation(ctx(), workspace.id);
      const [row] = await queryRows<{
        text: string;
        contactId: string | null;
        email: string | null;
        name: string | null;
        metadata: Record<string, unknown>;
      }>(
        ctx().db,
        sql`SELECT f.text, f.contact_id AS "contactId", c.email, c.name, f.metadata FROM feedback f
          LEFT JOIN contacts c ON c.workspace_id = f.workspace_id AND c.id = f.contact_id
          WHERE f.workspace_id = ${workspace.id} AND f.metadata->>'messageId' = ${messageId}`,
      );
      if (!row) throw new Error(`no feedback for ${messageId}`);
      return row;
    };
    const messageId = () => `<${randomUUID()}@mail.example.com>`;

    it('stores the message raw, keeps small attachments, lists big ones, and files the new text as feedback', async () => {
      const id = messageId();
      const small = randomBytes(20_000);
      const info = await send({
        messageId: id,
        subject: 'Export keeps failing',
        text: [
          'The CSV export fails every morning at 9.',
          '',
          '-- ',
          'Jane Doe, Example Ltd',
          '',
          'On Mon, 3 Mar 2025 at 09:00, Acme <support@acme.example> wrote:',
          '> Is it still failing?',
        ].join('\n'),
        cc: 'boss@example.com',
        attachments: [
          { filename: 'error.png', content: small, contentType: 'image/png' },
          { filename: 'dump.bin', content: randomBytes(ATTACHMENT_LIMIT + 1) },
        ],
      });
      expect(info.accepted).toEqual([address]);

      const [raw] = (await rawItems()).filter(
        (item) => item.dedupKey === `email:${id.slice(1, -1)}`,
      );
      if (!raw) throw new Error('raw item missing');
      const payload = raw.payload as unknown as {
        source: { encoding: string; data: string };
        envelope: { via: string; rcptTo: string[] };
        attachments: Array<{ filename: string; stored: boolean; size: number }>;
      };
      expect(payload.source.encoding).toBe('utf8');
      expect(payload.source.data).toContain('Subject: Export keeps failing');
      expect(payload.envelope).toMatchObject({ via: 'smtp', rcptTo: [address] });
      expect(payload.attachments).toMatchObject([
        { filename: 'error.png', stored: true, size: 20_000 },
        { filename: 'dump.bin', stored: false, size: ATTACHMENT_LIMIT + 1 },
      ]);
      const kept = await queryRows<{ filename: string; content: Uint8Array }>(
        ctx().db,
        sql`SELECT filename, content FROM email_attachments WHERE workspace_id = ${workspace.id} AND raw_item_id = ${raw.id}`,
      );
      expect(kept.map((row) => row.filename)).toEqual(['error.png']);
      expect(Buffer.from(kept[0]!.content).equals(small)).toBe(true);

      const feedback = await feedbackOf(id.slice(1, -1));
      expect(feedback.text).toBe('The CSV export fails every morning at 9.');
      expect(feedback).toMatchObject({ email: 'jane@example.com', name: 'Jane Doe' });
      expect(feedback.metadata).toMatchObject({
        subject: 'Export keeps failing',
        signature: '-- \nJane Doe, Example Ltd',
        cc: [{ address: 'boss@example.com' }],
        to: [{ address }],
      });
      expect(feedback.metadata['quoted']).toContain('> Is it still failing?');
    });

    it('threads a reply to the earlier message and its contact', async () => {
      const first = messageId();
      await send({ messageId: first, subject: 'Billing', text: 'I was charged twice.' });
      const reply = messageId();
      await send({
        messageId: reply,
        subject: 'Re: Billing',
        inReplyTo: first,
        references: [first],
        text: 'Any news?\n\nOn Tue, Acme <support@acme.example> wrote:\n> We are looking.',
      });
      const original = await feedbackOf(first.slice(1, -1));
      const answer = await feedbackOf(reply.slice(1, -1));
      expect(answer.text).toBe('Any news?');
      expect(answer.contactId).toBe(original.contactId);
      expect(answer.metadata['threadId']).toBe(original.metadata['threadId']);

      const thread = await threadOf(ctx(), workspace.id, [reply]);
      expect(thread?.threadId).toBe(original.metadata['threadId']);
      expect(thread?.contactId).toBe(original.contactId);
      expect(thread?.messages.map((message) => message.messageId)).toEqual([
        first.slice(1, -1),
        reply.slice(1, -1),
      ]);
      expect(await threadOf(ctx(), workspace.id, ['<unknown@nowhere>'])).toBeNull();
    });

    it('stores a re-delivered Message-ID once', async () => {
      const id = messageId();
      const before = (await rawItems()).length;
      await send({ messageId: id, subject: 'Twice', text: 'Same message' });
      await send({ messageId: id, subject: 'Twice', text: 'Same message' });
      expect((await rawItems()).length).toBe(before + 1);
    });

    it('refuses unknown recipients with 550 and stores nothing', async () => {
      const before = (await rawItems()).length;
      const error = await sendError({ to: 'nobody@acme.example', text: 'hello?' });
      expect(error.responseCode).toBe(550);
      expect((await rawItems()).length).toBe(before);
    });

    it('refuses a 30 MB attachment with 552 and stores nothing', async () => {
      const before = (await rawItems()).length;
      const id = messageId();
      const error = await sendError({
        messageId: id,
        text: 'See attached video',
        attachments: [{ filename: 'video.mp4', content: Buffer.alloc(30 * 1024 * 1024, 7) }],
      });
      // nodemailer does not announce the size, so this is refused while reading DATA.
      expect(error).toMatchObject({ responseCode: 552, command: 'DATA' });
      expect((await rawItems()).length).toBe(before);
      const threads = await queryRows<{ n: number }>(
        ctx().db,
        sql`SELECT count(*)::int AS n FROM email_messages WHERE workspace_id = ${workspace.id} AND message_id = ${id.slice(1, -1)}`,
      );
      expect(threads[0]?.n).toBe(0);
    });

    it('refuses an announced oversize message at MAIL FROM', async () => {
      const replies = await smtpDialogue(receiver.port, [
        'EHLO client.example',
        `MAIL FROM:<jane@example.com> SIZE=${30 * 1024 * 1024}`,
        'QUIT',
      ]);
      expect(replies[1]).toMatch(/^552 /);
    });

    it('gives HTML-only mail a text body', async () => {
      const id = messageId();
      await send({
        messageId: id,
        subject: 'Kudos',
        html: '<p>Your <b>support team</b> was great.</p><script>alert(1)</script>',
      });
      const feedback = await feedbackOf(id.slice(1, -1));
      expect(feedback.text).toContain('Your support team was great.');
      expect(feedback.text).not.toContain('<b>');
    });

    it('keeps mail with an unusable From, without a contact', async () => {
      const id = messageId();
      await send({
        envelope: { from: 'bounce@example.com', to: [address] },
        raw: [
          'From: "Broken" <not an address>',
          `To: ${address}`,
          `Message-ID: ${id}`,
          'Subject: no sender',
          '',
          'Anonymous complaint',
        ].join('\r\n'),
      });
      const feedback = await feedbackOf(id.slice(1, -1));
      expect(feedback.text).toBe('Anonymous complaint');
      expect(feedback.contactId).toBeNull();
      expect(feedback.metadata['from']).toEqual({ header: '"Broken" <not an address>' });
      const contacts = await queryRows<{ n: number }>(
        ctx().db,
        sql`SELECT count(*)::int AS n FROM contacts WHERE workspace_id = ${workspace.id} AND email ILIKE '%not an%'`,
      );
      expect(contacts[0]?.n).toBe(0);
    });

    it('erasing the sender removes their attachments and address too', async () => {
      const id = messageId();
      await send({
        from: 'Erin <erin@example.net>',
        messageId: id,
        text: 'Please forget me later',
        attachments: [{ filename: 'id-card.jpg', content: randomBytes(1000) }],
      });
      const feedback = await feedbackOf(id.slice(1, -1));
      await eraseContactData(ctx(), workspace.id, feedback.contactId!, SYSTEM_ACTOR);
      const left = await queryRows<{ attachments: number; from: string | null }>(
        ctx().db,
        sql`SELECT (SELECT count(*)::int FROM email_attachments a WHERE a.workspace_id = m.workspace_id
                    AND a.raw_item_id = m.raw_item_id) AS attachments, m.from_address AS "from"
            FROM email_messages m WHERE m.workspace_id = ${workspace.id} AND m.message_id = ${id.slice(1, -1)}`,
      );
      expect(left).toEqual([{ attachments: 0, from: null }]);
    });

    it('takes mail at the generated address and a +tag of the own address; a paused post answers 450', async () => {
      const viaGenerated = await send({ to: `${postId}@${DOMAIN}`, text: 'via generated' });
      expect(viaGenerated.accepted).toHaveLength(1);
      const [local, domain] = address.split('@');
      const viaTag = await send({ to: `${local}+pricing@${domain}`, text: 'via tag' });
      expect(viaTag.accepted).toHaveLength(1);

      await updatePost(ctx(), workspace.id, postId, { status: 'paused' });
      const error = await sendError({ text: 'while paused' });
      expect(error.responseCode).toBe(450);
      await updatePost(ctx(), workspace.id, postId, { status: 'active' });
    });
  },
  {
    INBOUND_EMAIL_DOMAIN: DOMAIN,
    EMAIL_MAX_ATTACHMENT_BYTES: String(ATTACHMENT_LIMIT),
  },
);

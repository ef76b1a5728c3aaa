import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildApp } from '../../http/app.ts';
import { describeEachEngine } from '../../test/engines.ts';
import { createTestWorkspace, sessionHeaders, type TestWorkspace } from '../../test/fixtures.ts';

describeEachEngine(
  'email listening post settings',
  ({ ctx }) => {
    let app: FastifyInstance;
    let workspace: TestWorkspace;
    let headers: Record<string, string>;
    beforeAll(async () => {
      app = await buildApp(ctx());
      workspace = await createTestWorkspace(ctx());
      headers = sessionHeaders(workspace.owner);
    });
    afterAll(() => app.close());

    const base = () => `/api/v1/workspaces/${workspace.id}/listening-posts`;
    const createEmailPost = (settings: unknown) =>
      app.inject({
        method: 'POST',
        url: base(),
        headers,
        payload: { kind: 'email', name: 'Feedback inbox', settings },
      });

    it('explains settings that are not an email post’s', async () => {
      const bad = await createEmailPost({ address: 'not-an-address', imap: { host: 'x y' } });
      expect(bad.statusCode).toBe(400);
      const paths = bad.json().error.details.map((d: { path: string }) => d.path);
      expect(paths).toEqual(
        expect.arrayContaining([
          'body.settings.address',
          'body.settings.imap.host',
          'body.settings.imap.user',
        ]),
      );
    });

    it('shows where to send mail and keeps the IMAP password write-only', async () => {
      const created = await createEmailPost({
        address: 'Feedback@Acme.example',
        imap: { host: 'imap.acme.example', user: 'feedback@acme.example' },
      });
      expect(created.statusCode).toBe(201);
      const post = created.json();
      expect(post.settings).toEqual({
        address: 'feedback@acme.example',
        imap: {
          host: 'imap.acme.example',
          port: 993,
          secure: true,
          user: 'feedback@acme.example',
          mailbox: 'INBOX',
        },
      });
      const mailbox = await app.inject({
        method: 'GET',
        url: `${base()}/${post.id}/mailbox`,
        headers,
      });
      expect(mailbox.json()).toMatchObject({
        addresses: ['feedback@acme.example', `${post.id}@in.hearken.test`],
        maxMessageBytes: 25 * 1024 * 1024,
        imap: { host: 'imap.acme.example', passwordSet: false },
      });

      const secret = 'app-specific-password-42';
      const set = await app.inject({
        method: 'PUT',
        url: `${base()}/${post.id}/imap-password`,
        headers,
        payload: { password: secret },
      });
      expect(set.statusCode).toBe(200);
      expect(set.json().imap.passwordSet).toBe(true);
      const list = await app.inject({ method: 'GET', url: base(), headers });
      const again = await app.inject({
        method: 'GET',
        url: `${base()}/${post.id}/mailbox`,
        headers,
      });
      for (const reply of [set, list, again]) expect(reply.body).not.toContain(secret);

      const cleared = await app.inject({
        method: 'PUT',
        url: `${base()}/${post.id}/imap-password`,
        headers,
        payload: { password: null },
      });
      expect(cleared.json().imap.passwordSet).toBe(false);
    });

    it('answers 404 for the mailbox of a post that is not an email post', async () => {
      const call = await app.inject({
        method: 'POST',
        url: base(),
        headers,
        payload: { kind: 'call', name: 'Phone' },
      });
      const reply = await app.inject({
        method: 'GET',
        url: `${base()}/${call.json().id}/mailbox`,
        headers,
      });
      expect(reply.statusCode).toBe(404);
    });
  },
  { INBOUND_EMAIL_DOMAIN: 'in.hearken.test' },
);

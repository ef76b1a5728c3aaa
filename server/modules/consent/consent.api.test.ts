import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { queryRows } from '../../db/client.ts';
import { buildApp } from '../../http/app.ts';
import { insertCases } from '../cases/cases.repository.ts';
import { describeEachEngine } from '../../test/engines.ts';
import {
  bearer,
  createTestContact,
  createTestWorkspace,
  sessionHeaders,
} from '../../test/fixtures.ts';
import { enqueueMessages, newMessageId } from '../outbox/outbox.service.ts';
import { consentLinks } from './consent.service.ts';

describeEachEngine('consent API and personal links', ({ ctx }) => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await buildApp(ctx());
  });
  afterAll(() => app.close());

  async function setup() {
    const workspace = await createTestWorkspace(ctx());
    const contactId = await createTestContact(ctx(), workspace.id);
    const base = `/api/v1/workspaces/${workspace.id}`;
    return { workspace, contactId, base };
  }

  /** A message written to the outbox for the contact, and its personal links. */
  async function sentMessage(workspaceId: string, contactId: string, caseId: string | null = null) {
    const [contact] = await queryRows<{ email: string }>(
      ctx().db,
      sql`SELECT email FROM contacts WHERE id = ${contactId}`,
    );
    const messageId = newMessageId(ctx().config.MAIL_FROM);
    const links = consentLinks(ctx().config, workspaceId, messageId);
    await enqueueMessages(ctx(), workspaceId, [
      {
        dedupKey: `m:${messageId}`,
        to: contact!.email,
        subject: 'About your feedback',
        html: `<p>May we contact you again? <a href="${links.yes('follow_up')}">Yes</a></p>`,
        text: 'May we contact you again?',
        purpose: 'reply',
        contactId,
        caseId,
        messageId,
      },
    ]);
    return { links, email: contact!.email, path: (url: string) => new URL(url).pathname };
  }

  const current = async (base: string, contactId: string, headers: Record<string, string>) =>
    (
      await app.inject({ method: 'GET', url: `${base}/contacts/${contactId}/consents`, headers })
    ).json() as { current: { purpose: string; granted: boolean | null; source: string | null }[] };

  it('records consent from staff and from an API key, and shows state and history', async () => {
    const { workspace, contactId, base } = await setup();
    const agent = sessionHeaders(await workspace.member('agent'));
    const url = `${base}/contacts/${contactId}/consents`;
    const granted = await app.inject({
      method: 'POST',
      url,
      headers: agent,
      payload: { purpose: 'follow_up', granted: true },
    });
    expect(granted.statusCode).toBe(201);
    expect(granted.json()).toMatchObject({ purpose: 'follow_up', granted: true, source: 'staff' });
    const byKey = await app.inject({
      method: 'POST',
      url,
      headers: bearer(await workspace.apiKey('agent')),
      payload: { purpose: 'follow_up', granted: false, sourceRef: 'crm-42' },
    });
    expect(byKey.json()).toMatchObject({ granted: false, source: 'api', sourceRef: 'crm-42' });
    const state = await app.inject({
      method: 'GET',
      url,
      headers: sessionHeaders(await workspace.member('viewer')),
    });
    const body = state.json();
    expect(body.current.find((c: { purpose: string }) => c.purpose === 'follow_up')).toMatchObject({
      granted: false,
      source: 'api',
    });
    expect(body.current.find((c: { purpose: string }) => c.purpose === 'surveys')).toMatchObject({
      granted: null,
    });
    expect(body.history.map((h: { granted: boolean }) => h.granted)).toEqual([false, true]);
  });

  it('refuses bad input with 4xx and unknown contacts with 404', async () => {
    const { workspace, contactId, base } = await setup();
    const headers = sessionHeaders(workspace.owner);
    const bad = await app.inject({
      method: 'POST',
      url: `${base}/contacts/${contactId}/consents`,
      headers,
      payload: { purpose: 'spam', granted: 'yes' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('invalid_request');
    const missing = await app.inject({
      method: 'POST',
      url: `${base}/contacts/00000000-0000-4000-8000-000000000000/consents`,
      headers,
      payload: { purpose: 'surveys', granted: true },
    });
    expect(missing.statusCode).toBe(404);
    const other = await setup();
    const foreign = await app.inject({
      method: 'GET',
      url: `${base}/contacts/${other.contactId}/consents`,
      headers,
    });
    expect(foreign.statusCode).toBe(404);
    const policy = await app.inject({
      method: 'POST',
      url: `${base}/contact-limit-policies`,
      headers,
      payload: { name: 'x', maxMessages: 0, windowHours: 24, segment: { region: 'emea' } },
    });
    expect(policy.statusCode).toBe(400);
  });

  it('manages contact limit policies', async () => {
    const { workspace, base } = await setup();
    const headers = sessionHeaders(workspace.owner);
    const created = await app.inject({
      method: 'POST',
      url: `${base}/contact-limit-policies`,
      headers,
      payload: {
        name: 'Executives',
        segment: { level: 'executive' },
        maxMessages: 2,
        windowHours: 720,
        minGapHours: 168,
      },
    });
    expect(created.statusCode).toBe(201);
    const id = created.json().id as string;
    const patched = await app.inject({
      method: 'PATCH',
      url: `${base}/contact-limit-policies/${id}`,
      headers,
      payload: { maxMessages: 1 },
    });
    expect(patched.json()).toMatchObject({ maxMessages: 1, minGapHours: 168, name: 'Executives' });
    const listed = await app.inject({
      method: 'GET',
      url: `${base}/contact-limit-policies`,
      headers,
    });
    expect(listed.json().items).toHaveLength(1);
    const removed = await app.inject({
      method: 'DELETE',
      url: `${base}/contact-limit-policies/${id}`,
      headers,
    });
    expect(removed.statusCode).toBe(204);
    const again = await app.inject({
      method: 'DELETE',
      url: `${base}/contact-limit-policies/${id}`,
      headers,
    });
    expect(again.statusCode).toBe(404);
  });

  it('withdraws every purpose from the personal link: GET shows, only POST records', async () => {
    const { workspace, contactId, base } = await setup();
    const { links, path } = await sentMessage(workspace.id, contactId);
    const page = await app.inject({ method: 'GET', url: path(links.withdraw) });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('You will not hear from');
    expect(page.body).toContain('<form method="post"');
    const owner = sessionHeaders(workspace.owner);
    expect((await current(base, contactId, owner)).current.every((c) => c.granted === null)).toBe(
      true,
    );
    const done = await app.inject({
      method: 'POST',
      url: path(links.withdraw),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: '',
    });
    expect(done.statusCode).toBe(200);
    expect(done.body).toContain('Done');
    const state = await current(base, contactId, owner);
    expect(state.current.map((c) => [c.granted, c.source])).toEqual(Array(4).fill([false, 'link']));
  });

  it('honours a one-click unsubscribe (RFC 8058) with a suppression', async () => {
    const { workspace, contactId, base } = await setup();
    const { links, email, path } = await sentMessage(workspace.id, contactId);
    const response = await app.inject({
      method: 'POST',
      url: path(links.unsubscribe),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'List-Unsubscribe=One-Click',
    });
    expect(response.statusCode).toBe(200);
    const suppressions = await app.inject({
      method: 'GET',
      url: `${base}/email-suppressions`,
      headers: sessionHeaders(workspace.owner),
    });
    expect(suppressions.json().items).toEqual([
      expect.objectContaining({ address: email.toLowerCase(), reason: 'unsubscribe' }),
    ]);
    const state = await current(base, contactId, sessionHeaders(workspace.owner));
    expect(state.current.every((c) => c.granted === false)).toBe(true);
  });

  it('records a yes from a follow-up email on the contact and the case timeline', async () => {
    const { workspace, contactId, base } = await setup();
    const [opened] = await insertCases(ctx().db, workspace.id, [
      {
        kind: 'case',
        title: 'Detractor',
        contactId,
        accountId: null,
        ownerId: null,
        teamId: null,
        ruleId: null,
        dueAt: null,
        deadlines: {},
        scoreType: null,
        scoreBefore: null,
        feedbackIds: [],
        actorId: null,
      },
    ]);
    const { links, path } = await sentMessage(workspace.id, contactId, opened!.id);
    const yes = new URL(links.yes('follow_up'));
    const confirm = await app.inject({ method: 'GET', url: `${yes.pathname}${yes.search}` });
    expect(confirm.statusCode).toBe(200);
    expect(confirm.body).toContain('may contact me again about follow-ups');
    const recorded = await app.inject({
      method: 'POST',
      url: path(links.yes('follow_up')),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'purpose=follow_up&answer=yes',
    });
    expect(recorded.statusCode).toBe(200);
    const state = await current(base, contactId, sessionHeaders(workspace.owner));
    expect(state.current.find((c) => c.purpose === 'follow_up')).toMatchObject({
      granted: true,
      source: 'case',
    });
    const events = await queryRows<{ type: string; data: { purpose: string; granted: boolean } }>(
      ctx().db,
      sql`SELECT type, data FROM case_events WHERE case_id = ${opened!.id} AND type = 'consent_recorded'`,
    );
    expect(events).toEqual([
      {
        type: 'consent_recorded',
        data: expect.objectContaining({ purpose: 'follow_up', granted: true }),
      },
    ]);
    const invalid = await app.inject({
      method: 'GET',
      url: `${yes.pathname}?purpose=everything&answer=maybe`,
    });
    expect(invalid.statusCode).toBe(400);
  });

  it('refuses forged and altered links', async () => {
    const { workspace, contactId } = await setup();
    const { links, path } = await sentMessage(workspace.id, contactId);
    const token = path(links.withdraw).split('/')[2]!;
    const [ws, msg, mac] = token.split('.');
    const altered = `${ws}.${msg}.${mac!.slice(0, -2)}AA`;
    expect((await app.inject({ method: 'GET', url: `/c/${altered}` })).statusCode).toBe(404);
    const post = await app.inject({
      method: 'POST',
      url: `/c/${altered}`,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: '',
    });
    expect(post.statusCode).toBe(404);
    expect((await app.inject({ method: 'GET', url: '/c/not-a-token' })).statusCode).toBe(404);
  });
});

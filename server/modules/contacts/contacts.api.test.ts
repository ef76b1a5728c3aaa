import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { queryRows } from '../../db/client.ts';
import { buildApp } from '../../http/app.ts';
import { describeEachEngine } from '../../test/engines.ts';
import {
  bearer,
  createTestContact,
  createTestWorkspace,
  sessionHeaders,
} from '../../test/fixtures.ts';
import { runQueuedNormalisation } from '../../test/normalise.ts';

describeEachEngine('customer personal data', ({ ctx }) => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await buildApp(ctx());
  });
  afterAll(() => app.close());

  it('exports everything about a contact, then erases them while keeping scores', async () => {
    const workspace = await createTestWorkspace(ctx());
    const contactId = await createTestContact(ctx(), workspace.id);
    const url = `/api/v1/workspaces/${workspace.id}/contacts/${contactId}/personal-data`;
    const headers = sessionHeaders(workspace.owner);

    const exported = await app.inject({ method: 'GET', url, headers });
    expect(exported.statusCode).toBe(200);
    const data = exported.json();
    expect(data.contact).toMatchObject({
      id: contactId,
      name: 'Peter Gibbons',
      accountName: 'Initech',
    });
    expect(data.feedback.map((item: { text: string }) => item.text)).toContain(
      'Still waiting for an answer.',
    );

    const erased = await app.inject({ method: 'DELETE', url, headers });
    expect(erased.json()).toEqual({ anonymisedFeedback: 2 });
    expect((await app.inject({ method: 'GET', url, headers })).statusCode).toBe(404);

    const left = await queryRows<{ text: string; score: number | null; contact_id: string | null }>(
      ctx().db,
      sql`SELECT text, score, contact_id FROM feedback WHERE workspace_id = ${workspace.id} ORDER BY score NULLS LAST`,
    );
    expect(left).toEqual([
      { text: '', score: 3, contact_id: null },
      { text: '', score: null, contact_id: null },
    ]);
    const audit = await app.inject({
      method: 'GET',
      url: `/api/v1/workspaces/${workspace.id}/audit-log`,
      headers,
    });
    const actions = audit.json().items.map((entry: { action: string }) => entry.action);
    expect(actions).toEqual(expect.arrayContaining(['data.exported', 'data.erased']));
    expect(JSON.stringify(audit.json())).not.toContain('Peter');
  });
});

describeEachEngine('erasure reaches raw items', ({ ctx }) => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await buildApp(ctx());
  });
  afterAll(() => app.close());

  it('removes the words and address from the raw item the feedback came from', async () => {
    const workspace = await createTestWorkspace(ctx());
    await app.inject({
      method: 'POST',
      url: '/api/v1/feedback',
      headers: bearer(await workspace.apiKey('agent')),
      payload: { text: 'Call me on 555-0100', contact: { email: 'milton@initech.example' } },
    });
    await runQueuedNormalisation(ctx(), workspace.id);
    const [contact] = await queryRows<{ id: string }>(
      ctx().db,
      sql`SELECT id FROM contacts WHERE workspace_id = ${workspace.id}`,
    );
    const erased = await app.inject({
      method: 'DELETE',
      url: `/api/v1/workspaces/${workspace.id}/contacts/${contact!.id}/personal-data`,
      headers: sessionHeaders(workspace.owner),
    });
    expect(erased.json()).toEqual({ anonymisedFeedback: 1 });
    const raw = await queryRows<{ payload: unknown }>(
      ctx().db,
      sql`SELECT payload FROM raw_items WHERE workspace_id = ${workspace.id}`,
    );
    expect(raw).toEqual([{ payload: { erased: true } }]);
  });
});

describeEachEngine('contact merge', ({ ctx }) => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await buildApp(ctx());
  });
  afterAll(() => app.close());

  it('moves feedback and identities to the surviving contact and records the merge', async () => {
    const workspace = await createTestWorkspace(ctx());
    const duplicate = await createTestContact(ctx(), workspace.id);
    const survivor = await createTestContact(ctx(), workspace.id);
    await ctx().db.execute(
      sql`UPDATE contacts SET phone = '+44 20 7946 0000' WHERE id = ${duplicate}`,
    );
    const headers = sessionHeaders(await workspace.member('agent'));
    const base = `/api/v1/workspaces/${workspace.id}/contacts`;

    const self = await app.inject({
      method: 'POST',
      url: `${base}/${survivor}/merge`,
      headers,
      payload: { intoContactId: survivor },
    });
    expect(self.statusCode).toBe(400);
    const merged = await app.inject({
      method: 'POST',
      url: `${base}/${duplicate}/merge`,
      headers,
      payload: { intoContactId: survivor },
    });
    expect(merged.statusCode).toBe(200);
    expect(merged.json()).toMatchObject({ movedFeedback: 2, contact: { id: survivor } });

    const rows = await queryRows<{ contact_id: string; n: number }>(
      ctx().db,
      sql`SELECT contact_id, count(*)::int AS n FROM feedback WHERE workspace_id = ${workspace.id} GROUP BY contact_id`,
    );
    expect(rows).toEqual([{ contact_id: survivor, n: 4 }]);
    const [phone] = await queryRows<{ phone: string }>(
      ctx().db,
      sql`SELECT phone FROM contacts WHERE id = ${survivor}`,
    );
    expect(phone?.phone).toBe('+44 20 7946 0000');
    const again = await app.inject({
      method: 'POST',
      url: `${base}/${duplicate}/merge`,
      headers,
      payload: { intoContactId: survivor },
    });
    expect(again.statusCode).toBe(404);
    const audit = await app.inject({
      method: 'GET',
      url: `/api/v1/workspaces/${workspace.id}/audit-log`,
      headers: sessionHeaders(workspace.owner),
    });
    expect(audit.json().items[0]).toMatchObject({
      action: 'contact.merged',
      targetId: survivor,
      details: { mergedContactId: duplicate, movedFeedback: 2 },
    });
  });
});

describeEachEngine('staff personal data', ({ ctx }) => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await buildApp(ctx());
  });
  afterAll(() => app.close());

  it('exports my own data and deletes my account once I am not the only owner', async () => {
    const workspace = await createTestWorkspace(ctx());
    const headers = sessionHeaders(workspace.owner);
    const mine = await app.inject({ method: 'GET', url: '/api/v1/me/personal-data', headers });
    expect(mine.statusCode).toBe(200);
    expect(mine.json().user.email).toBe(workspace.owner.email);
    expect(mine.json().memberships).toEqual([
      expect.objectContaining({ workspaceId: workspace.id, role: 'owner' }),
    ]);

    const refused = await app.inject({ method: 'DELETE', url: '/api/v1/me', headers });
    expect(refused.statusCode).toBe(409);

    const successor = await workspace.member('admin');
    await app.inject({
      method: 'PATCH',
      url: `/api/v1/workspaces/${workspace.id}/members/${successor.id}`,
      headers,
      payload: { role: 'owner' },
    });
    const deleted = await app.inject({ method: 'DELETE', url: '/api/v1/me', headers });
    expect(deleted.statusCode).toBe(204);
    expect((await app.inject({ method: 'GET', url: '/api/v1/me', headers })).statusCode).toBe(401);
    const members = await app.inject({
      method: 'GET',
      url: `/api/v1/workspaces/${workspace.id}/members`,
      headers: sessionHeaders(successor),
    });
    expect(members.json().items.map((member: { userId: string }) => member.userId)).toEqual([
      successor.id,
    ]);
  });
});

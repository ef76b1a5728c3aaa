import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildApp } from '../../http/app.ts';
import { describeEachEngine } from '../../test/engines.ts';
import { createTestWorkspace, sessionHeaders } from '../../test/fixtures.ts';

describeEachEngine('invitations', ({ ctx }) => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await buildApp(ctx());
  });
  afterAll(() => app.close());

  it('invites a new person, who joins with the invited role through the one-time link', async () => {
    const workspace = await createTestWorkspace(ctx());
    const email = `new-${Date.now()}@example.test`;
    const invite = await app.inject({
      method: 'POST',
      url: `/api/v1/workspaces/${workspace.id}/invitations`,
      headers: sessionHeaders(workspace.owner),
      payload: { email, role: 'agent' },
    });
    expect(invite.statusCode).toBe(201);
    const token = new URL(invite.json().link).searchParams.get('token')!;
    expect((await app.inject(`/api/v1/invitations/${token}`)).json()).toMatchObject({
      email,
      role: 'agent',
      hasAccount: false,
    });

    const missingPassword = await app.inject({
      method: 'POST',
      url: '/api/v1/invitations/accept',
      payload: { token, name: 'Newbie' },
    });
    expect(missingPassword.statusCode).toBe(400);
    const accept = await app.inject({
      method: 'POST',
      url: '/api/v1/invitations/accept',
      payload: { token, name: 'Newbie', password: 'a long enough password' },
    });
    expect(accept.statusCode).toBe(200);
    expect(accept.json().workspaces).toEqual([
      expect.objectContaining({ id: workspace.id, role: 'agent' }),
    ]);
    expect(
      (
        await app.inject({
          method: 'POST',
          url: '/api/v1/invitations/accept',
          payload: { token, name: 'Again', password: 'a long enough password' },
        })
      ).statusCode,
    ).toBe(404);

    const again = await app.inject({
      method: 'POST',
      url: `/api/v1/workspaces/${workspace.id}/invitations`,
      headers: sessionHeaders(workspace.owner),
      payload: { email, role: 'viewer' },
    });
    expect(again.statusCode).toBe(409);
  });

  it('makes an existing person sign in as the invited address before joining', async () => {
    const host = await createTestWorkspace(ctx(), 'Host');
    const guest = await createTestWorkspace(ctx(), 'Guest');
    const invite = await app.inject({
      method: 'POST',
      url: `/api/v1/workspaces/${host.id}/invitations`,
      headers: sessionHeaders(host.owner),
      payload: { email: guest.owner.email, role: 'viewer' },
    });
    const token = new URL(invite.json().link).searchParams.get('token')!;
    const anonymous = await app.inject({
      method: 'POST',
      url: '/api/v1/invitations/accept',
      payload: { token },
    });
    expect(anonymous.statusCode).toBe(401);
    const asSomeoneElse = await app.inject({
      method: 'POST',
      url: '/api/v1/invitations/accept',
      headers: sessionHeaders(host.owner),
      payload: { token },
    });
    expect(asSomeoneElse.statusCode).toBe(401);
    const accepted = await app.inject({
      method: 'POST',
      url: '/api/v1/invitations/accept',
      headers: sessionHeaders(guest.owner),
      payload: { token },
    });
    expect(accepted.statusCode).toBe(200);
    expect(accepted.json().workspaces.map((w: { id: string }) => w.id)).toEqual(
      expect.arrayContaining([host.id, guest.id]),
    );
  });

  it('stops a revoked invitation from working', async () => {
    const workspace = await createTestWorkspace(ctx());
    const invite = await app.inject({
      method: 'POST',
      url: `/api/v1/workspaces/${workspace.id}/invitations`,
      headers: sessionHeaders(workspace.owner),
      payload: { email: `r-${Date.now()}@example.test`, role: 'viewer' },
    });
    const { invitation, link } = invite.json();
    const revoke = await app.inject({
      method: 'DELETE',
      url: `/api/v1/workspaces/${workspace.id}/invitations/${invitation.id}`,
      headers: sessionHeaders(workspace.owner),
    });
    expect(revoke.statusCode).toBe(204);
    const token = new URL(link).searchParams.get('token')!;
    expect((await app.inject(`/api/v1/invitations/${token}`)).statusCode).toBe(404);
  });
});

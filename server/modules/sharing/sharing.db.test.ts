import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { queryRows } from '../../db/client.ts';
import { feedbackThemes } from '../../db/schema/index.ts';
import { describeEachEngine } from '../../test/engines.ts';
import { createTestWorkspace } from '../../test/fixtures.ts';
import { createTheme } from '../alerts/alerts.fixture.ts';
import { startReceiver, type Receiver } from '../alerts/receiver.test-helper.ts';
import { verifySignature } from '../alerts/signature.ts';
import { listOutbox } from '../outbox/outbox.service.ts';
import { createTestCase, createTestTeamWithMembers } from './sharing.fixture.ts';
import { shareCase, shareTheme } from './sharing.service.ts';

describeEachEngine(
  'sharing',
  ({ ctx }) => {
    let receiver: Receiver;
    beforeAll(async () => {
      receiver = await startReceiver();
    });
    afterAll(() => receiver.close());

    const now = new Date('2026-11-20T12:00:00Z');
    const sharedEvents = (workspaceId: string, caseId: string) =>
      queryRows<{ actorId: string | null; data: Record<string, unknown> }>(
        ctx().db,
        sql`SELECT actor_id AS "actorId", data FROM case_events
            WHERE workspace_id = ${workspaceId} AND case_id = ${caseId} AND type = 'shared'`,
      );

    it('e-mails a case to the team lead and members, and records it on the timeline', async () => {
      const workspace = await createTestWorkspace(ctx());
      const team = await createTestTeamWithMembers(ctx(), workspace.id);
      const { caseId, number } = await createTestCase(ctx(), workspace.id);
      const result = await shareCase(
        ctx(),
        workspace.id,
        caseId,
        { teamId: team.id, destination: { kind: 'email' }, note: 'Can payments look?' },
        { userId: workspace.owner.id },
        now,
      );
      expect(result).toMatchObject({ delivered: true, recipients: 2 });
      const mail = await listOutbox(ctx(), workspace.id, 10);
      expect(mail.map((m) => m.to).sort()).toEqual(['ana@payments.test', 'lead@payments.test']);
      expect(mail[0]!.purpose).toBe('internal');
      expect(mail[0]!.subject).toBe(
        `Olive Owner shared with ${team.name}: Case ${number}: Refund never arrived`,
      );
      expect(mail[0]!.text).toContain('“My refund never arrived. Write to me at pat@example.org.”');
      expect(mail[0]!.text).toContain(
        `https://hearken.example.test/w/${workspace.id}/cases/${caseId}`,
      );
      expect(await sharedEvents(workspace.id, caseId)).toEqual([
        {
          actorId: workspace.owner.id,
          data: { destination: 'email', teamId: team.id, shareId: result.shareId, recipients: 2 },
        },
      ]);
    });

    it('posts a signed webhook with the words redacted when the workspace redacts', async () => {
      const workspace = await createTestWorkspace(ctx());
      await ctx().db.execute(
        sql`UPDATE workspaces SET redact_personal_data = true WHERE id = ${workspace.id}`,
      );
      const { caseId } = await createTestCase(ctx(), workspace.id);
      const path = `/share-${Date.now()}`;
      const secret = 'whsec_test_secret_for_sharing';
      const result = await shareCase(
        ctx(),
        workspace.id,
        caseId,
        { destination: { kind: 'webhook', url: `${receiver.url}${path}`, secret } },
        { userId: null },
        now,
      );
      expect(result).toMatchObject({ delivered: true, responseStatus: 200 });
      const received = receiver.requests.filter((r) => r.path === path);
      expect(received).toHaveLength(1);
      const request = received[0]!;
      expect(request.headers['x-hearken-event']).toBe('case.shared');
      expect(request.headers['x-hearken-delivery']).toBe(result.shareId);
      expect(
        verifySignature(
          secret,
          request.body,
          String(request.headers['x-hearken-signature']),
          now.getTime() / 1000,
        ),
      ).toEqual({ ok: true });
      const body = JSON.parse(request.body);
      expect(body.quotes[0].text).toBe('My refund never arrived. Write to me at [email].');
      expect(body).toMatchObject({ type: 'case.shared', subject: { kind: 'case', id: caseId } });
      expect(JSON.stringify(body)).not.toContain('pat@example.org');
      expect(await sharedEvents(workspace.id, caseId)).toHaveLength(1);
    });

    it('reports a refused Slack post and does not record the share', async () => {
      const workspace = await createTestWorkspace(ctx());
      const { caseId } = await createTestCase(ctx(), workspace.id);
      const path = `/slack-${Date.now()}`;
      receiver.answers.push(404);
      const result = await shareCase(
        ctx(),
        workspace.id,
        caseId,
        { destination: { kind: 'slack', url: `${receiver.url}${path}` } },
        { userId: null },
        now,
      );
      expect(result).toMatchObject({ delivered: false, responseStatus: 404 });
      expect(result.detail).toMatch(/answered 404/);
      expect(await sharedEvents(workspace.id, caseId)).toEqual([]);
    });

    it('shares a theme to Slack with its volume and latest quotes', async () => {
      const workspace = await createTestWorkspace(ctx());
      const themeId = await createTheme(ctx(), workspace.id, 'delivery delay');
      const { feedbackId } = await createTestCase(
        ctx(),
        workspace.id,
        'Parcel came two weeks late.',
      );
      await ctx()
        .db.insert(feedbackThemes)
        .values({ workspaceId: workspace.id, feedbackId, themeId });
      const path = `/slack-theme-${Date.now()}`;
      const result = await shareTheme(
        ctx(),
        workspace.id,
        themeId,
        { destination: { kind: 'slack', url: `${receiver.url}${path}` } },
        { userId: null },
        new Date(),
      );
      expect(result.delivered).toBe(true);
      const body = JSON.parse(receiver.requests.find((r) => r.path === path)!.body);
      expect(body.text).toBe('Shared: Theme: delivery delay');
      expect(JSON.stringify(body.blocks)).toContain('> Parcel came two weeks late.');
      expect(JSON.stringify(body.blocks)).toContain('1 item(s), 0 negative');
    });

    it('refuses an e-mail share to a team nobody can be reached at, and unknown subjects', async () => {
      const workspace = await createTestWorkspace(ctx());
      const other = await createTestWorkspace(ctx());
      const { caseId } = await createTestCase(ctx(), other.id);
      await expect(
        shareCase(
          ctx(),
          workspace.id,
          caseId,
          { destination: { kind: 'slack', url: receiver.url } },
          { userId: null },
          now,
        ),
      ).rejects.toMatchObject({ status: 404 });
      const team = await createTestTeamWithMembers(ctx(), other.id);
      const own = await createTestCase(ctx(), workspace.id);
      await expect(
        shareCase(
          ctx(),
          workspace.id,
          own.caseId,
          { teamId: team.id, destination: { kind: 'email' } },
          { userId: null },
          now,
        ),
      ).rejects.toMatchObject({ status: 404 });
    });
  },
  { OUTBOUND_ALLOW_PRIVATE: 'true', PUBLIC_URL: 'https://hearken.example.test' },
);

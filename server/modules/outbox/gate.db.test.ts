import { sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { queryRows } from '../../db/client.ts';
import { accounts, contacts } from '../../db/schema/index.ts';
import { describeEachEngine } from '../../test/engines.ts';
import { createTestWorkspace } from '../../test/fixtures.ts';
import { insertCases } from '../cases/cases.repository.ts';
import { recordConsent, suppressAddress } from '../consent/consent.service.ts';
import { create as createPolicy } from '../consent/policies.service.ts';
import { enqueueMessages, listOutbox, releaseHeld } from './outbox.service.ts';

const HOUR = 3_600_000;

describeEachEngine('outbox gate', ({ ctx }) => {
  async function setup(tier: 'strategic' | 'standard' = 'standard') {
    const workspace = await createTestWorkspace(ctx());
    const [account] = await ctx()
      .db.insert(accounts)
      .values({ workspaceId: workspace.id, name: 'Initech', tier })
      .returning({ id: accounts.id });
    const email = `Peter.${Math.random().toString(36).slice(2, 8)}@Initech.test`;
    const [contact] = await ctx()
      .db.insert(contacts)
      .values({ workspaceId: workspace.id, accountId: account!.id, email, level: 'executive' })
      .returning({ id: contacts.id });
    return { workspaceId: workspace.id, contactId: contact!.id, email };
  }
  let n = 0;
  const mail = (
    to: string,
    purpose: 'survey' | 'follow_up' | 'reply' | 'internal' | 'announcement',
    extra = {},
  ) => ({
    dedupKey: `gate-${(n += 1)}`,
    to,
    subject: 'Hello',
    html: '<p>Hello</p>',
    text: 'Hello',
    purpose,
    ...extra,
  });
  const states = async (workspaceId: string) =>
    (await listOutbox(ctx(), workspaceId, 50))
      .sort((a, b) => Number(a.dedupKey.slice(5)) - Number(b.dedupKey.slice(5)))
      .map((m) => [m.purpose, m.state, m.stateReason] as const);

  it('blocks suppressed addresses (replies only on bounces) and never gates staff mail', async () => {
    const { workspaceId, email } = await setup();
    await suppressAddress(ctx().db, workspaceId, email, 'unsubscribe', null);
    await enqueueMessages(ctx(), workspaceId, [
      mail(email, 'survey'),
      mail(email.toUpperCase(), 'reply'),
      mail(email, 'internal'),
    ]);
    expect(await states(workspaceId)).toEqual([
      ['survey', 'blocked', 'address suppressed (unsubscribe)'],
      ['reply', 'local', null],
      ['internal', 'local', null],
    ]);
  });

  it('resolves the contact by address and enforces consent per purpose', async () => {
    const { workspaceId, contactId, email } = await setup();
    const agent = { userId: null, viaApiKey: false };
    await enqueueMessages(ctx(), workspaceId, [mail(email, 'follow_up')]);
    await recordConsent(
      ctx(),
      workspaceId,
      contactId,
      { purpose: 'follow_up', granted: true },
      agent,
    );
    await recordConsent(
      ctx(),
      workspaceId,
      contactId,
      { purpose: 'surveys', granted: false },
      agent,
    );
    await enqueueMessages(ctx(), workspaceId, [mail(email, 'follow_up'), mail(email, 'survey')]);
    expect(await states(workspaceId)).toEqual([
      ['follow_up', 'blocked', 'no consent (follow_up)'],
      ['follow_up', 'local', null],
      ['survey', 'blocked', 'consent withdrawn (surveys)'],
    ]);
    const rows = await listOutbox(ctx(), workspaceId, 50);
    expect(rows.every((row) => row.contactId === contactId)).toBe(true);
  });

  it('holds by contact limits across purposes, and releases when the gap has passed', async () => {
    const { workspaceId, contactId, email } = await setup('strategic');
    await createPolicy(ctx(), workspaceId, {
      name: 'Strategic',
      position: 0,
      segment: { accountTier: 'strategic' },
      maxMessages: 2,
      windowHours: 24 * 30,
      minGapHours: 24,
    });
    await recordConsent(
      ctx(),
      workspaceId,
      contactId,
      { purpose: 'announcements', granted: true },
      { userId: null, viaApiKey: true },
    );
    const t0 = new Date();
    await enqueueMessages(
      ctx(),
      workspaceId,
      [mail(email, 'survey'), mail(email, 'announcement'), mail(email, 'reply')],
      undefined,
      t0,
    );
    const held = (await listOutbox(ctx(), workspaceId, 50)).find((m) => m.state === 'held')!;
    expect(held).toMatchObject({
      purpose: 'announcement',
      stateReason: 'contact limit (Strategic)',
    });
    expect(new Date(held.holdUntil!).getTime()).toBeGreaterThan(t0.getTime() + 23 * HOUR);
    expect((await releaseHeld(ctx().db, ctx().config, t0)).released).toBe(0);
    const later = new Date(new Date(held.holdUntil!).getTime() + 1000);
    const result = await releaseHeld(ctx().db, ctx().config, later);
    expect(result.released).toBeGreaterThanOrEqual(1);
    expect(await states(workspaceId)).toEqual([
      ['survey', 'local', null],
      ['announcement', 'local', null],
      ['reply', 'local', null],
    ]);
  });

  it('holds survey invitations while the contact has an open case, then releases them', async () => {
    const { workspaceId, contactId, email } = await setup();
    const [opened] = await insertCases(ctx().db, workspaceId, [
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
    // Survey invitations carry no contact id: the gate finds the contact by address.
    await enqueueMessages(ctx(), workspaceId, [mail(email, 'survey')]);
    expect(await states(workspaceId)).toEqual([['survey', 'held', 'open case']]);
    await releaseHeld(ctx().db, ctx().config, new Date());
    expect(await states(workspaceId)).toEqual([['survey', 'held', 'open case']]);
    await queryRows(
      ctx().db,
      sql`UPDATE cases SET stage = 'closed', closed_at = now() WHERE id = ${opened!.id}`,
    );
    await releaseHeld(ctx().db, ctx().config, new Date());
    expect(await states(workspaceId)).toEqual([['survey', 'local', null]]);
  });
});

import { sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { queryRows } from '../../db/client.ts';
import type { AppError } from '../../errors.ts';
import { describeEachEngine } from '../../test/engines.ts';
import { createTestWorkspace } from '../../test/fixtures.ts';
import { createTestTheme } from '../themes/themes.fixture.ts';
import { mergeContact } from '../contacts/contacts.service.ts';
import { SYSTEM_ACTOR } from '../audit/audit.service.ts';
import * as actions from './actions.service.ts';
import { createSampleAction, createSampleCase } from './cases.fixture.ts';
import * as service from './cases.service.ts';
import { closeCase } from './closing.service.ts';
import { addComment } from './comments.service.ts';

const T0 = new Date('2026-11-02T09:00:00Z');

describeEachEngine('case loop: comments, actions, merges', ({ ctx }) => {
  const outbox = (ws: string) =>
    queryRows<{ to: string; purpose: string; subject: string; text: string }>(
      ctx().db,
      sql`SELECT "to", purpose, subject, text FROM outbox_messages WHERE workspace_id = ${ws}
          ORDER BY created_at, "to"`,
    );
  const eventTypes = async (ws: string, caseId: string) =>
    (
      await queryRows<{ type: string }>(
        ctx().db,
        sql`SELECT type FROM case_events WHERE workspace_id = ${ws} AND case_id = ${caseId} ORDER BY id`,
      )
    ).map((e) => e.type);

  it('records a comment and emails each colleague it @mentions, not the author', async () => {
    const workspace = await createTestWorkspace(ctx());
    const agent = await workspace.member('agent');
    const admin = await workspace.member('admin');
    const { caseId } = await createSampleCase(ctx(), workspace.id);
    const result = await addComment(
      ctx(),
      workspace.id,
      caseId,
      { body: `@olive and @${admin.email}: they want a call. (@agent too)`, mentions: [] },
      agent.id,
    );
    expect(result.mentions.sort()).toEqual([workspace.owner.id, admin.id, agent.id].sort());
    const mail = await outbox(workspace.id);
    expect(mail.map((m) => m.to).sort()).toEqual([workspace.owner.email, admin.email].sort());
    expect(mail.every((m) => m.purpose === 'internal')).toBe(true);
    expect(mail[0]!.subject).toContain('agent person mentioned you on case #');
    expect(mail[0]!.text).toContain('> @olive and');
    const outsider = await createTestWorkspace(ctx());
    await expect(
      addComment(
        ctx(),
        workspace.id,
        caseId,
        { body: 'hi', mentions: [outsider.owner.id] },
        agent.id,
      ),
    ).rejects.toMatchObject({ status: 400 });
    expect(await eventTypes(workspace.id, caseId)).toEqual(['opened', 'comment']);
  });

  it('hands each linked case back to its owner once when the action ships', async () => {
    const workspace = await createTestWorkspace(ctx());
    const ws = workspace.id;
    const agent = await workspace.member('agent');
    const open = await createSampleCase(ctx(), ws, { ownerId: agent.id });
    const done = await createSampleCase(ctx(), ws, { ownerId: workspace.owner.id });
    const theme = await createTestTheme(ctx(), ws);
    const action = await actions.createAction(
      ctx(),
      ws,
      { title: 'Faster exports', description: '', themeId: theme, status: 'planned' },
      agent.id,
      T0,
    );
    await actions.linkAction(ctx(), ws, open.caseId, action.id, agent.id, T0);
    expect(await actions.linkAction(ctx(), ws, open.caseId, action.id, agent.id, T0)).toBe(false);
    await closeCase(
      ctx(),
      ws,
      done.caseId,
      { outcome: 'resolved', rootCauseThemeId: theme, actionTaken: '', actionIds: [action.id] },
      agent.id,
      T0,
    );
    const shipped = await actions.updateAction(
      ctx(),
      ws,
      action.id,
      { status: 'shipped' },
      agent.id,
      T0,
    );
    expect(shipped).toMatchObject({ status: 'shipped', caseCount: 2, shippedAt: T0.toISOString() });

    const reopened = await service.getCase(ctx(), ws, done.caseId, T0);
    expect(reopened.case.stage).toBe('follow_up');
    expect(reopened.case.dueAt).toBe(new Date(T0.getTime() + 24 * 3_600_000).toISOString());
    expect(await eventTypes(ws, done.caseId)).toEqual([
      'opened',
      'action_linked',
      'closed',
      'reopened',
      'action_shipped',
    ]);
    expect((await service.getCase(ctx(), ws, open.caseId, T0)).case.stage).toBe('engage');
    expect(await eventTypes(ws, open.caseId)).toEqual([
      'opened',
      'action_linked',
      'action_shipped',
    ]);
    const told = async () => (await outbox(ws)).map((m) => m.to).sort();
    expect(await told()).toEqual([agent.email, workspace.owner.email].sort());

    // Shipping again (or a second status round trip) tells nobody twice.
    await actions.updateAction(ctx(), ws, action.id, { status: 'in_progress' }, agent.id, T0);
    await actions.updateAction(ctx(), ws, action.id, { status: 'shipped' }, agent.id, T0);
    expect(await told()).toHaveLength(2);
    expect(await eventTypes(ws, open.caseId)).toEqual([
      'opened',
      'action_linked',
      'action_shipped',
    ]);

    // A case linked after the action shipped is not handed back by a later status round trip.
    const late = await createSampleCase(ctx(), ws, { ownerId: agent.id });
    await actions.linkAction(ctx(), ws, late.caseId, action.id, agent.id, T0);
    await actions.updateAction(ctx(), ws, action.id, { status: 'in_progress' }, agent.id, T0);
    await actions.updateAction(ctx(), ws, action.id, { status: 'shipped' }, agent.id, T0);
    expect(await eventTypes(ws, late.caseId)).toEqual(['opened', 'action_linked']);
    expect(await told()).toHaveLength(2);
  });

  it('unlinks and deletes actions; a missing action is 404', async () => {
    const workspace = await createTestWorkspace(ctx());
    const ws = workspace.id;
    const { caseId } = await createSampleCase(ctx(), ws);
    const actionId = await createSampleAction(ctx(), ws);
    await actions.linkAction(ctx(), ws, caseId, actionId, null, T0);
    await actions.unlinkAction(ctx(), ws, caseId, actionId, null, T0);
    expect(await eventTypes(ws, caseId)).toEqual(['opened', 'action_linked', 'action_unlinked']);
    await actions.deleteAction(ctx(), ws, actionId);
    const missing = await actions.deleteAction(ctx(), ws, actionId).catch((e: AppError) => e);
    expect(missing).toMatchObject({ status: 404 });
  });

  it('moves cases when contacts merge, folding a clashing open case into the target’s', async () => {
    const workspace = await createTestWorkspace(ctx());
    const ws = workspace.id;
    const target = await createSampleCase(ctx(), ws);
    const source = await createSampleCase(ctx(), ws);
    const theme = await createTestTheme(ctx(), ws);
    // The source customer also has an old closed case.
    await closeCase(
      ctx(),
      ws,
      source.caseId,
      { outcome: 'resolved', rootCauseThemeId: theme, actionTaken: 'Fixed', actionIds: [] },
      null,
      T0,
    );
    const again = await service.openCase(
      ctx(),
      ws,
      { feedbackIds: [source.feedbackIds[1]!], kind: 'case' },
      null,
      T0,
    );
    await mergeContact(ctx(), ws, source.contactId, target.contactId, SYSTEM_ACTOR);

    const cases = await queryRows<{ id: string; contactId: string; stage: string }>(
      ctx().db,
      sql`SELECT id, contact_id AS "contactId", stage FROM cases WHERE workspace_id = ${ws}`,
    );
    expect(cases.every((c) => c.contactId === target.contactId)).toBe(true);
    const folded = await service.getCase(ctx(), ws, again.caseId, T0);
    expect(folded.case).toMatchObject({
      stage: 'closed',
      outcome: 'resolved',
      resolution: `Merged into case #${target.number}`,
      feedbackCount: 0,
    });
    const into = await service.getCase(ctx(), ws, target.caseId, T0);
    expect(into.feedback.map((f) => f.id).sort()).toEqual(
      [target.feedbackIds[0]!, source.feedbackIds[1]!].sort(),
    );
    expect(into.timeline.map((e) => e.type)).toEqual(['opened', 'merged', 'feedback_added']);
    expect(folded.timeline.map((e) => e.type).at(-1)).toBe('closed');
    expect(into.history.cases.map((c) => c.id).sort()).toEqual(
      [source.caseId, again.caseId].sort(),
    );
  });
});

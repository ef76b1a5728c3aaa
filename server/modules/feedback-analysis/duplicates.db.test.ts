import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { queryRows } from '../../db/client.ts';
import { describeEachEngine } from '../../test/engines.ts';
import { createTestContact, createTestWorkspace } from '../../test/fixtures.ts';
import { SYSTEM_ACTOR } from '../audit/audit.service.ts';
import { eraseContactData } from '../contacts/contacts.service.ts';
import { createEntity } from '../staff-directory/staff-directory.service.ts';
import { createTestFeedback } from './analysis.fixture.ts';
import { analyseFeedback } from './analysis.service.ts';
import { duplicateGroups, findSimilarTexts, recordText } from './feedback-analysis.service.ts';

const COMPLAINT =
  'I ordered the blue jacket three weeks ago and it still has not arrived, nobody answers my emails';
const STOCK_REPLY =
  'Hi Sam, thank you for reaching out. We are sorry for the trouble with your order. Our team has escalated it and you will hear from us within two working days.';

describeEachEngine('near-duplicates', ({ ctx }) => {
  const at = (minute: number) => new Date(Date.UTC(2024, 4, 1, 9, minute));
  const duplicateOf = async (workspaceId: string) =>
    new Map(
      (
        await queryRows<{ id: string; duplicateOf: string | null }>(
          ctx().db,
          sql`SELECT feedback_id AS id, duplicate_of AS "duplicateOf" FROM feedback_analysis WHERE workspace_id = ${workspaceId}`,
        )
      ).map((row) => [row.id, row.duplicateOf]),
    );

  it('links each repeat to the first item, within a batch and across batches', async () => {
    const workspace = await createTestWorkspace(ctx());
    const options = (minute: number) => ({ analyse: false, receivedAt: at(minute) });
    // Stored out of order: the repeat arrives in the same batch as the first item.
    const repeat = await createTestFeedback(
      ctx(),
      workspace.id,
      COMPLAINT.replace('three', 'two').concat('!!!'),
      options(5),
    );
    const first = await createTestFeedback(ctx(), workspace.id, COMPLAINT, options(1));
    const other = await createTestFeedback(
      ctx(),
      workspace.id,
      'The dashboard looks great on my phone and loads quickly every day',
      options(2),
    );
    await analyseFeedback(ctx().db, workspace.id, [repeat, first, other], ctx().log);
    const later = await createTestFeedback(ctx(), workspace.id, `${COMPLAINT}. Please help`, {
      receivedAt: at(30),
    });

    const links = await duplicateOf(workspace.id);
    expect(links.get(first)).toBeNull();
    expect(links.get(other)).toBeNull();
    expect(links.get(repeat)).toBe(first);
    expect(links.get(later)).toBe(first);
    // Idempotent: analysing again changes no link.
    await analyseFeedback(ctx().db, workspace.id, [later, repeat, first], ctx().log);
    expect(await duplicateOf(workspace.id)).toEqual(links);
  });

  it('lists groups of one complaint from many people, and of one person again', async () => {
    const workspace = await createTestWorkspace(ctx());
    const alice = await createTestContact(ctx(), workspace.id);
    const bob = await createTestContact(ctx(), workspace.id);
    const first = await createTestFeedback(ctx(), workspace.id, COMPLAINT, {
      contactId: alice,
      receivedAt: at(1),
    });
    await createTestFeedback(ctx(), workspace.id, `${COMPLAINT}!!`, {
      contactId: bob,
      receivedAt: at(2),
    });
    await createTestFeedback(ctx(), workspace.id, `Again: ${COMPLAINT}`, {
      contactId: alice,
      receivedAt: at(3),
    });

    const many = await duplicateGroups(ctx(), workspace.id, 'admin', {
      kind: 'many-people',
      limit: 10,
    });
    expect(many).toEqual([
      expect.objectContaining({ feedbackId: first, repeats: 2, people: 2, text: COMPLAINT }),
    ]);
    const same = await duplicateGroups(ctx(), workspace.id, 'admin', {
      kind: 'same-person',
      limit: 10,
    });
    expect(same).toEqual([expect.objectContaining({ feedbackId: first, repeats: 1, people: 1 })]);
  });

  it('finds near-identical replies (stock answers) recorded under another subject', async () => {
    const workspace = await createTestWorkspace(ctx());
    const elsewhere = await createTestWorkspace(ctx());
    const [stock, tweaked, unrelated] = [randomUUID(), randomUUID(), randomUUID()];
    await recordText(ctx().db, workspace.id, 'reply', stock, STOCK_REPLY);
    await recordText(ctx().db, workspace.id, 'reply', tweaked, STOCK_REPLY.replace('Sam', 'Alex'));
    await recordText(
      ctx().db,
      workspace.id,
      'reply',
      unrelated,
      'Thanks for the kind words about the new onboarding checklist, we passed them on to the team.',
    );
    await recordText(ctx().db, elsewhere.id, 'reply', randomUUID(), STOCK_REPLY);

    const again = STOCK_REPLY.replace('Sam', 'Priya');
    const byBands = await findSimilarTexts(ctx().db, workspace.id, 'reply', again);
    expect(byBands.map((match) => match.subjectId).sort()).toEqual([stock, tweaked].sort());
    const texts = new Map<string, string>([
      [stock, STOCK_REPLY],
      [tweaked, STOCK_REPLY.replace('Sam', 'Alex')],
    ]);
    const verified = await findSimilarTexts(ctx().db, workspace.id, 'reply', again, {
      loadTexts: async (ids) =>
        new Map(ids.flatMap((id) => (texts.has(id) ? [[id, texts.get(id)!]] : []))),
    });
    expect(verified.map((match) => match.subjectId).sort()).toEqual([stock, tweaked].sort());
    for (const match of verified) expect(match.similarity).toBeGreaterThanOrEqual(0.7);
    // Feedback with the same words is another subject: not a reply.
    await createTestFeedback(ctx(), workspace.id, STOCK_REPLY);
    expect(await findSimilarTexts(ctx().db, workspace.id, 'reply', 'short text')).toEqual([]);
    expect(
      await findSimilarTexts(ctx().db, workspace.id, 'reply', again, { excludeId: stock }),
    ).toHaveLength(1);
  });

  it('removes what analysis derived from an erased customer’s feedback', async () => {
    const workspace = await createTestWorkspace(ctx());
    await createEntity(
      ctx(),
      workspace.id,
      { kind: 'product', name: 'Acme Cloud', aliases: [] },
      SYSTEM_ACTOR,
    );
    const contact = await createTestContact(ctx(), workspace.id);
    const theirs = await createTestFeedback(ctx(), workspace.id, `${COMPLAINT} about Acme Cloud`, {
      contactId: contact,
      receivedAt: at(1),
    });
    const repeat = await createTestFeedback(ctx(), workspace.id, `${COMPLAINT} about Acme Cloud!`, {
      receivedAt: at(2),
    });
    expect((await duplicateOf(workspace.id)).get(repeat)).toBe(theirs);

    await eraseContactData(ctx(), workspace.id, contact, SYSTEM_ACTOR);
    const count = async (table: string, column: string) => {
      const [row] = await queryRows<{ count: number }>(
        ctx().db,
        sql`SELECT count(*)::int AS count FROM ${sql.identifier(table)} WHERE workspace_id = ${workspace.id} AND ${sql.identifier(column)} = ${theirs}`,
      );
      return row!.count;
    };
    expect(await count('feedback_analysis', 'feedback_id')).toBe(0);
    expect(await count('mentions', 'feedback_id')).toBe(0);
    expect(await count('text_similarity_bands', 'subject_id')).toBe(0);
    expect((await duplicateOf(workspace.id)).get(repeat)).toBeNull();
  });
});

import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { queryRows } from '../../db/client.ts';
import { describeEachEngine } from '../../test/engines.ts';
import { createTestWorkspace } from '../../test/fixtures.ts';
import { SYSTEM_ACTOR } from '../audit/audit.service.ts';
import { eraseContactData } from '../contacts/contacts.service.ts';
import { createTestCase } from '../replies/replies.fixture.ts';
import { checkReply, sendReply } from '../replies/replies.service.ts';

const STOCK =
  'Thank you for reaching out. We are sorry for the trouble with your order. Our team has escalated it and you will hear from us within two working days.';

describeEachEngine('erasure of replies', ({ ctx }) => {
  const now = new Date('2026-11-20T10:00:00Z');
  const bandsOf = async (workspaceId: string, subjectId: string) => {
    const [row] = await queryRows<{ count: number }>(
      ctx().db,
      sql`SELECT count(*)::int AS count FROM text_similarity_bands
          WHERE workspace_id = ${workspaceId} AND subject = 'reply' AND subject_id = ${subjectId}`,
    );
    return row!.count;
  };

  it('forgets the words of replies sent to an erased contact, and only theirs', async () => {
    const ws = await createTestWorkspace(ctx());
    const erased = await createTestCase(ctx(), ws.id);
    const kept = await createTestCase(ctx(), ws.id);
    const asker = await createTestCase(ctx(), ws.id);
    const send = (caseId: string) =>
      sendReply(
        ctx(),
        ws.id,
        caseId,
        { body: STOCK, idempotencyKey: randomUUID(), acknowledgeStock: true },
        ws.owner.id,
        now,
      );
    const toErased = await send(erased.caseId);
    const toKept = await send(kept.caseId);
    expect(await bandsOf(ws.id, toErased.id)).toBeGreaterThan(0);
    expect(await checkReply(ctx(), ws.id, asker.caseId, STOCK)).toMatchObject({
      stock: true,
      others: 2,
    });

    await eraseContactData(ctx(), ws.id, erased.contactId, SYSTEM_ACTOR);

    expect(await bandsOf(ws.id, toErased.id)).toBe(0);
    expect(await bandsOf(ws.id, toKept.id)).toBeGreaterThan(0);
    expect(await checkReply(ctx(), ws.id, asker.caseId, STOCK)).toMatchObject({
      stock: true,
      others: 1,
    });
  });
});

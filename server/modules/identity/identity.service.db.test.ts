import { sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { queryRows, type Db } from '../../db/client.ts';
import { describeEachEngine } from '../../test/engines.ts';
import { createTestWorkspace } from '../../test/fixtures.ts';
import { resolveIdentities, type IdentityInput } from './identity.service.ts';

describeEachEngine('identity resolution for a batch', ({ ctx }) => {
  const resolve = (workspaceId: string, inputs: IdentityInput[]) =>
    ctx().db.transaction((tx) => resolveIdentities(tx as unknown as Db, workspaceId, inputs));

  const people = (workspaceId: string) =>
    queryRows<{
      id: string;
      email: string | null;
      externalId: string | null;
      phone: string | null;
      accountId: string | null;
      name: string | null;
    }>(
      ctx().db,
      sql`SELECT id, email, external_id AS "externalId", phone, account_id AS "accountId", name
          FROM contacts WHERE workspace_id = ${workspaceId} ORDER BY created_at, id`,
    );

  it('creates each new person and company once, then finds them again in later batches', async () => {
    const workspace = await createTestWorkspace(ctx());
    const first = await resolve(workspace.id, [
      { contact: { email: 'ann@acme.io', name: 'Ann' } },
      { contact: { email: 'ANN@acme.io', phone: '+44 20 7946 0000' } },
      { contact: { email: 'bob@gmail.com' } },
      { account: { externalId: 'crm-7', name: 'Globex' } },
      {},
    ]);
    expect(first[0]!.contactId).toBe(first[1]!.contactId);
    expect(first[0]!.accountId).toBe(first[1]!.accountId);
    expect(first[2]).toEqual({ contactId: expect.any(String), accountId: null });
    expect(first[3]).toEqual({ contactId: null, accountId: expect.any(String) });
    expect(first[4]).toEqual({ contactId: null, accountId: null });

    const stored = await people(workspace.id);
    expect(stored).toHaveLength(2);
    expect(stored.find((person) => person.email === 'ann@acme.io')).toMatchObject({
      name: 'Ann',
      phone: '+44 20 7946 0000',
      accountId: first[0]!.accountId,
    });

    const again = await resolve(workspace.id, [
      { contact: { phone: '+44 20 7946 0000', externalId: 'u-1', name: 'Someone else' } },
      { account: { externalId: 'crm-7' } },
      { contact: { email: 'carl@acme.io' } },
    ]);
    expect(again[0]!.contactId).toBe(first[0]!.contactId);
    expect(again[1]!.accountId).toBe(first[3]!.accountId);
    expect(again[2]!.accountId).toBe(first[0]!.accountId);
    const after = await people(workspace.id);
    expect(after).toHaveLength(3);
    // Filled in what was missing, kept the name it had.
    expect(after.find((person) => person.id === first[0]!.contactId)).toMatchObject({
      externalId: 'u-1',
      name: 'Ann',
    });
  });

  it('never matches people of another workspace', async () => {
    const [ours, theirs] = [await createTestWorkspace(ctx()), await createTestWorkspace(ctx())];
    const [mine] = await resolve(ours.id, [{ contact: { email: 'dee@shared.io' } }]);
    const [other] = await resolve(theirs.id, [{ contact: { email: 'dee@shared.io' } }]);
    expect(other!.contactId).not.toBe(mine!.contactId);
    expect(other!.accountId).not.toBe(mine!.accountId);
    expect(await people(theirs.id)).toHaveLength(1);
  });
});

import { describe, expect, it } from 'vitest';
import { planAccounts, planContacts, type KnownContact } from './identity.plan.ts';

const known = (fields: Partial<KnownContact> & { id: string }): KnownContact => ({
  accountId: null,
  name: null,
  email: null,
  externalId: null,
  phone: null,
  socialHandle: null,
  ...fields,
});

describe('planAccounts', () => {
  it('finds accounts by external id, then by work-email domain, and never by a free-mail domain', () => {
    const plan = planAccounts(
      [
        { account: { externalId: 'crm-1' } },
        { contact: { email: 'ann@acme.io' } },
        { contact: { email: 'bob@gmail.com' } },
        {},
      ],
      [
        { id: 'a1', externalId: 'crm-1', domain: null },
        { id: 'a2', externalId: null, domain: 'acme.io' },
      ],
    );
    expect(plan.accountIds).toEqual(['a1', 'a2', null, null]);
    expect(plan.created).toEqual([]);
  });

  it('creates one account for many items of the same new company, named after its domain', () => {
    const plan = planAccounts(
      [
        { contact: { email: 'ann@new.io' } },
        { contact: { email: 'bob@NEW.io' } },
        { account: { domain: 'new.io', name: 'New Ltd' } },
      ],
      [],
    );
    expect(plan.created).toHaveLength(1);
    expect(plan.created[0]).toMatchObject({ name: 'new.io', domain: 'new.io', externalId: null });
    expect(new Set(plan.accountIds)).toEqual(new Set([plan.created[0]!.id]));
  });

  it('gives the oldest account a domain belongs to when several share it', () => {
    const plan = planAccounts(
      [{ account: { domain: 'acme.io' } }],
      [
        { id: 'older', externalId: 'x', domain: 'acme.io' },
        { id: 'newer', externalId: null, domain: 'acme.io' },
      ],
    );
    expect(plan.accountIds).toEqual(['older']);
  });
});

describe('planContacts', () => {
  it('matches the strongest key first: external id over email over phone over handle', () => {
    const people = [
      known({ id: 'by-handle', socialHandle: '@sam' }),
      known({ id: 'by-phone', phone: '+441234' }),
      known({ id: 'by-email', email: 'Sam@Acme.io' }),
      known({ id: 'by-ext', externalId: 'u-1' }),
    ];
    const plan = planContacts(
      [
        { contact: { externalId: 'u-1', email: 'sam@acme.io', phone: '+441234' } },
        { contact: { email: 'SAM@acme.io', phone: '+441234', socialHandle: '@sam' } },
        { contact: { phone: '+441234', socialHandle: '@sam' } },
        { contact: { socialHandle: '@sam' } },
      ],
      [null, null, null, null],
      people,
    );
    expect(plan.identities.map((identity) => identity.contactId)).toEqual([
      'by-ext',
      'by-email',
      'by-phone',
      'by-handle',
    ]);
  });

  it('creates a new person once, however many rows of the batch they sent', () => {
    const plan = planContacts(
      [
        { contact: { email: 'new@acme.io', name: 'Nia' } },
        { contact: { email: 'NEW@acme.io', externalId: 'crm-9' } },
        { contact: { externalId: 'crm-9' } },
        { contact: { name: 'only a name' } },
      ],
      ['acc', 'acc', null, null],
      [],
    );
    const ids = plan.identities.map((identity) => identity.contactId);
    expect(ids[0]).toBe(ids[1]);
    expect(ids[2]).toBe(ids[0]);
    expect(ids[3]).toBeNull();
    expect(plan.created).toEqual([
      expect.objectContaining({ name: 'Nia', email: 'new@acme.io', externalId: 'crm-9' }),
    ]);
    expect(plan.changed).toEqual([]);
  });

  it('fills in what a known contact lacks without overwriting, and skips an email someone else holds', () => {
    const people = [
      known({ id: 'c1', name: 'Staff-set name', externalId: 'e-1' }),
      known({ id: 'c2', email: 'taken@acme.io' }),
    ];
    const plan = planContacts(
      [{ contact: { phone: '+4400', name: 'Other', email: 'taken@acme.io', externalId: 'e-1' } }],
      ['acc-1'],
      people,
    );
    expect(plan.identities).toEqual([{ contactId: 'c1', accountId: 'acc-1' }]);
    expect(plan.changed).toEqual([
      expect.objectContaining({
        id: 'c1',
        name: 'Staff-set name',
        email: null,
        phone: '+4400',
        accountId: 'acc-1',
      }),
    ]);
  });

  it('reports no change when an item brings nothing new', () => {
    const plan = planContacts(
      [{ contact: { email: 'a@acme.io', name: 'A' } }],
      [null],
      [known({ id: 'c1', email: 'a@acme.io', name: 'A', accountId: 'acc' })],
    );
    expect(plan.changed).toEqual([]);
    expect(plan.identities).toEqual([{ contactId: 'c1', accountId: 'acc' }]);
  });
});

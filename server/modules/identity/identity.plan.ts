import { randomUUID } from 'node:crypto';
import { companyDomainOf } from './free-mail.ts';
import type { IdentityInput } from './identity.service.ts';

/**
 * Identity resolution for a whole batch, decided in memory. The repository fetches every account
 * and contact that any item in the batch could match, these functions decide who is who (creating
 * new records with ids chosen here), and the repository writes the outcome in a few statements.
 * The rules are the same as for a single item; items later in a batch see the people created by
 * earlier ones, so ten rows from one new customer make one contact.
 */

export interface KnownAccount {
  id: string;
  externalId: string | null;
  domain: string | null;
}
export interface NewAccount extends KnownAccount {
  name: string;
}

export interface KnownContact {
  id: string;
  accountId: string | null;
  name: string | null;
  email: string | null;
  externalId: string | null;
  phone: string | null;
  socialHandle: string | null;
}
export interface NewContact extends KnownContact {
  level: string | null;
}

/** The account an item names: by its external id, its domain, or the contact's work email domain. */
export function accountKeyOf(input: IdentityInput) {
  const account = input.account;
  const domain =
    account?.domain?.toLowerCase() ??
    (input.contact?.email ? companyDomainOf(input.contact.email) : undefined);
  if (!account?.externalId && !domain) return undefined;
  return { externalId: account?.externalId, domain, name: account?.name };
}

export function planAccounts(inputs: IdentityInput[], known: KnownAccount[]) {
  const byExternalId = new Map<string, string>();
  const byDomain = new Map<string, string>();
  // `known` comes oldest first: a domain belongs to the first account that claimed it.
  for (const account of known) {
    if (account.externalId) byExternalId.set(account.externalId, account.id);
    if (account.domain && !byDomain.has(account.domain)) byDomain.set(account.domain, account.id);
  }
  const created: NewAccount[] = [];
  const create = (externalId: string | null, domain: string | null, name: string) => {
    const id = randomUUID();
    created.push({ id, externalId, domain, name });
    if (externalId) byExternalId.set(externalId, id);
    if (domain && !byDomain.has(domain)) byDomain.set(domain, id);
    return id;
  };
  const accountIds = inputs.map((input): string | null => {
    const key = accountKeyOf(input);
    if (!key) return null;
    if (key.externalId) {
      return (
        byExternalId.get(key.externalId) ??
        create(key.externalId, key.domain ?? null, key.name ?? key.domain ?? key.externalId)
      );
    }
    const domain = key.domain!;
    return byDomain.get(domain) ?? create(null, domain, key.name ?? domain);
  });
  return { accountIds, created };
}

interface ContactIndex {
  byExternalId: Map<string, KnownContact>;
  byEmail: Map<string, KnownContact>;
  byPhone: Map<string, KnownContact>;
  byHandle: Map<string, KnownContact>;
}

function indexContact(index: ContactIndex, contact: KnownContact) {
  if (contact.externalId && !index.byExternalId.has(contact.externalId))
    index.byExternalId.set(contact.externalId, contact);
  if (contact.email && !index.byEmail.has(contact.email.toLowerCase()))
    index.byEmail.set(contact.email.toLowerCase(), contact);
  if (contact.phone && !index.byPhone.has(contact.phone)) index.byPhone.set(contact.phone, contact);
  if (contact.socialHandle && !index.byHandle.has(contact.socialHandle))
    index.byHandle.set(contact.socialHandle, contact);
}

/**
 * Fills in what a known contact was missing, never overwriting what staff or earlier items set.
 * Email and external id are unique per workspace, so only one nobody else holds is taken.
 */
function complete(
  index: ContactIndex,
  contact: KnownContact,
  keys: NonNullable<IdentityInput['contact']>,
  accountId: string | null,
): boolean {
  const before = JSON.stringify(contact);
  contact.accountId ??= accountId;
  contact.name ??= keys.name ?? null;
  if (!contact.email && keys.email && !index.byEmail.has(keys.email.toLowerCase()))
    contact.email = keys.email;
  if (!contact.externalId && keys.externalId && !index.byExternalId.has(keys.externalId))
    contact.externalId = keys.externalId;
  contact.phone ??= keys.phone ?? null;
  contact.socialHandle ??= keys.socialHandle ?? null;
  indexContact(index, contact);
  return JSON.stringify(contact) !== before;
}

export function planContacts(
  inputs: IdentityInput[],
  accountIds: Array<string | null>,
  known: KnownContact[],
) {
  const index: ContactIndex = {
    byExternalId: new Map(),
    byEmail: new Map(),
    byPhone: new Map(),
    byHandle: new Map(),
  };
  for (const contact of known) indexContact(index, contact);
  const created = new Map<string, NewContact>();
  const changed = new Map<string, KnownContact>();

  const identities = inputs.map((input, position) => {
    const accountId = accountIds[position] ?? null;
    const keys = input.contact;
    if (!keys || !(keys.externalId || keys.email || keys.phone || keys.socialHandle))
      return { contactId: null, accountId };
    // Strongest key first: external id, then email, then phone, then social handle.
    const match =
      (keys.externalId && index.byExternalId.get(keys.externalId)) ||
      (keys.email && index.byEmail.get(keys.email.toLowerCase())) ||
      (keys.phone && index.byPhone.get(keys.phone)) ||
      (keys.socialHandle && index.byHandle.get(keys.socialHandle)) ||
      undefined;
    if (match) {
      if (complete(index, match, keys, accountId) && !created.has(match.id))
        changed.set(match.id, match);
      return { contactId: match.id, accountId: accountId ?? match.accountId };
    }
    const contact: NewContact = {
      id: randomUUID(),
      accountId,
      name: keys.name ?? null,
      email: keys.email ?? null,
      externalId: keys.externalId ?? null,
      phone: keys.phone ?? null,
      socialHandle: keys.socialHandle ?? null,
      level: keys.level ?? null,
    };
    created.set(contact.id, contact);
    indexContact(index, contact);
    return { contactId: contact.id, accountId };
  });
  return { identities, created: [...created.values()], changed: [...changed.values()] };
}

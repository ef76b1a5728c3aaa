import type { Db } from '../../db/client.ts';
import { accountKeyOf, planAccounts, planContacts } from './identity.plan.ts';
import * as repo from './identity.repository.ts';

export interface IdentityInput {
  contact?: {
    email?: string | undefined;
    externalId?: string | undefined;
    phone?: string | undefined;
    socialHandle?: string | undefined;
    name?: string | undefined;
    level?: string | undefined;
  };
  account?: {
    externalId?: string | undefined;
    name?: string | undefined;
    domain?: string | undefined;
  };
}

export interface Identity {
  contactId: string | null;
  accountId: string | null;
}

const present = (values: Array<string | undefined>) =>
  values.filter((value): value is string => Boolean(value));

/**
 * Ties each item to a contact and an account, creating them when new, in a handful of statements
 * for the whole batch. The account comes from its external id, its domain, or the contact's work
 * email domain (never a free-mail domain); the contact from its external id, email, phone or
 * social handle, strongest first. Call inside a transaction: it holds the workspace's identity
 * lock until the transaction ends, so concurrent workers agree on who is new.
 */
export async function resolveIdentities(
  db: Db,
  workspaceId: string,
  inputs: IdentityInput[],
): Promise<Identity[]> {
  await repo.lockIdentities(db, workspaceId);
  const accountKeys = inputs.map(accountKeyOf);
  const knownAccounts = await repo.accountsMatching(db, workspaceId, {
    externalIds: present(accountKeys.map((key) => key?.externalId)),
    domains: present(accountKeys.map((key) => key?.domain)),
  });
  const accounts = planAccounts(inputs, knownAccounts);
  await repo.insertAccounts(db, workspaceId, accounts.created);

  const contactKeys = inputs.map((input) => input.contact);
  const knownContacts = await repo.contactsMatching(db, workspaceId, {
    externalIds: present(contactKeys.map((keys) => keys?.externalId)),
    emails: present(contactKeys.map((keys) => keys?.email)),
    phones: present(contactKeys.map((keys) => keys?.phone)),
    handles: present(contactKeys.map((keys) => keys?.socialHandle)),
  });
  const contacts = planContacts(inputs, accounts.accountIds, knownContacts);
  await repo.insertContacts(db, workspaceId, contacts.created);
  await repo.completeContacts(db, workspaceId, contacts.changed);
  return contacts.identities;
}

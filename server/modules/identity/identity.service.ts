import type { Db } from '../../db/client.ts';
import { companyDomainOf } from './free-mail.ts';
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

/**
 * Ties an item to a contact and an account, creating them when new. The account comes from its
 * external id, its domain, or the contact's work email domain (never a free-mail domain). Call
 * inside a transaction after `lockIdentities`, so concurrent workers agree.
 */
export async function resolveIdentity(
  db: Db,
  workspaceId: string,
  input: IdentityInput,
): Promise<Identity> {
  const accountId = await resolveAccount(db, workspaceId, input);
  const contact = input.contact;
  if (!contact || !(contact.externalId || contact.email || contact.phone || contact.socialHandle)) {
    return { contactId: null, accountId };
  }
  const details = { ...contact, name: contact.name ?? null, accountId };
  const existing = await repo.findContact(db, workspaceId, contact);
  if (existing) {
    await repo.completeContact(db, workspaceId, existing.id, details);
    return { contactId: existing.id, accountId: accountId ?? existing.accountId };
  }
  const contactId = await repo.insertContact(db, workspaceId, {
    ...details,
    level: contact.level ?? null,
  });
  return { contactId: contactId ?? null, accountId };
}

async function resolveAccount(
  db: Db,
  workspaceId: string,
  input: IdentityInput,
): Promise<string | null> {
  const account = input.account;
  const domain =
    account?.domain?.toLowerCase() ??
    (input.contact?.email ? companyDomainOf(input.contact.email) : undefined);
  if (account?.externalId) {
    const found = await repo.findAccount(db, workspaceId, { externalId: account.externalId });
    if (found) return found;
    const name = account.name ?? domain ?? account.externalId;
    return (
      (await repo.insertAccount(db, workspaceId, {
        name,
        domain: domain ?? null,
        externalId: account.externalId,
      })) ?? null
    );
  }
  if (!domain) return null;
  const found = await repo.findAccount(db, workspaceId, { domain });
  if (found) return found;
  return (
    (await repo.insertAccount(db, workspaceId, {
      name: account?.name ?? domain,
      domain,
      externalId: null,
    })) ?? null
  );
}

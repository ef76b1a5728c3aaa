import type { Db } from '../../db/client.ts';
import type { MessagePurpose } from '../../db/schema/index.ts';
import {
  CONSENT_FOR,
  countsAgainstLimits,
  decideDelivery,
  segmentMatches,
  type Decision,
} from './gate.ts';
import * as gateRepo from './gate.repository.ts';

export interface GateMessage {
  to: string;
  purpose: MessagePurpose;
  contactId?: string | null;
}

export interface Gated {
  /** The contact named by the message or, failing that, found by its address. */
  contactId: string | null;
  decision: Decision;
}

/**
 * Decides, in order, what happens to each message: sent, held or blocked. Messages earlier in the
 * list count against the contact limits of later ones, so a batch cannot slip past a limit.
 */
export async function gateMessages(
  db: Db,
  workspaceId: string,
  messages: GateMessage[],
  now: Date,
): Promise<Gated[]> {
  const customer = messages.filter((m) => m.purpose !== 'internal');
  if (customer.length === 0)
    return messages.map((m) => ({ contactId: m.contactId ?? null, decision: { state: 'send' } }));
  const addresses = [...new Set(customer.map((m) => m.to.trim().toLowerCase()))];
  const namedIds = [...new Set(customer.flatMap((m) => (m.contactId ? [m.contactId] : [])))];
  const [contacts, suppressions, policies] = await Promise.all([
    gateRepo.loadContacts(db, workspaceId, namedIds, addresses),
    gateRepo.loadSuppressions(db, workspaceId, addresses),
    gateRepo.loadPolicies(db, workspaceId),
  ]);
  const contactOf = (m: GateMessage) =>
    (m.contactId ? contacts.byId.get(m.contactId) : undefined) ??
    contacts.byEmail.get(m.to.trim().toLowerCase());
  const contactIds = [...new Set(customer.flatMap((m) => contactOf(m)?.id ?? []))];
  const lookback = Math.max(0, ...policies.map((p) => Math.max(p.windowHours, p.minGapHours)));
  const [consents, recent, openCases] = await Promise.all([
    gateRepo.loadConsents(db, workspaceId, contactIds),
    gateRepo.loadRecentSends(db, workspaceId, contactIds, lookback, now),
    gateRepo.loadOpenCaseContacts(db, workspaceId, contactIds),
  ]);
  return messages.map((message) => {
    if (message.purpose === 'internal')
      return { contactId: message.contactId ?? null, decision: { state: 'send' } };
    const contact = contactOf(message);
    const consentKind = CONSENT_FOR[message.purpose];
    const policy = contact
      ? (policies.find((p) =>
          segmentMatches(p.segment, { accountTier: contact.accountTier, level: contact.level }),
        ) ?? null)
      : null;
    const sent = contact ? (recent.get(contact.id) ?? []) : [];
    const decision = decideDelivery({
      purpose: message.purpose,
      suppression: suppressions.get(message.to.trim().toLowerCase()) ?? null,
      hasContact: Boolean(contact),
      consent:
        contact && consentKind ? (consents.get(`${contact.id}:${consentKind}`) ?? null) : null,
      policy,
      recent: sent,
      openCase: contact ? openCases.has(contact.id) : false,
      now,
    });
    if (contact && decision.state === 'send' && countsAgainstLimits(message.purpose)) {
      sent.push(now);
      recent.set(contact.id, sent);
    }
    return { contactId: contact?.id ?? message.contactId ?? null, decision };
  });
}

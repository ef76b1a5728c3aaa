import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { suppressAddress } from '../consent/consent.service.ts';
import { recordBounce } from '../outbox/outbox.service.ts';

/**
 * Delivery status notifications (RFC 3464: multipart/report; report-type=delivery-status) that
 * come back to the inbound mailbox are not feedback: they tell us a message Hearken sent did not
 * arrive. The original is found by the Message-ID (or X-Hearken-Message) in the returned headers.
 */
export interface DeliveryReport {
  /** e.g. 5.1.1; a 5.x.x status is a permanent failure. */
  status: string | null;
  action: string | null;
  recipient: string | null;
  diagnostic: string | null;
  originalMessageId: string | null;
  hearkenMessage: string | null;
}

interface Part {
  headers: Map<string, string>;
  body: string;
}

function splitHeaders(text: string): Part {
  const match = /\r?\n\r?\n/.exec(text);
  const head = match ? text.slice(0, match.index) : text;
  const body = match ? text.slice(match.index + match[0].length) : '';
  const headers = new Map<string, string>();
  for (const line of head.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon > 0) {
      const name = line.slice(0, colon).trim().toLowerCase();
      if (!headers.has(name)) headers.set(name, line.slice(colon + 1).trim());
    }
  }
  return { headers, body };
}

function parameter(value: string, name: string): string | null {
  const match = new RegExp(`${name}\\s*=\\s*("([^"]*)"|[^;\\s]+)`, 'i').exec(value);
  return match ? (match[2] ?? match[1]!) : null;
}

function decoded(part: Part): string {
  const encoding = part.headers.get('content-transfer-encoding')?.toLowerCase();
  if (encoding === 'base64')
    return Buffer.from(part.body.replace(/\s+/g, ''), 'base64').toString('utf8');
  return part.body;
}

const bracketless = (id: string | undefined) => id?.trim().replace(/^<|>$/g, '').trim() || null;

/** The report in a message, or null when it is not a delivery status notification. */
export function parseDeliveryReport(source: Buffer | string): DeliveryReport | null {
  const top = splitHeaders(typeof source === 'string' ? source : source.toString('latin1'));
  const type = top.headers.get('content-type') ?? '';
  if (!/multipart\/report/i.test(type)) return null;
  if (parameter(type, 'report-type')?.toLowerCase() !== 'delivery-status') return null;
  const boundary = parameter(type, 'boundary');
  if (!boundary) return null;
  const parts = top.body
    .split(`--${boundary}`)
    .slice(1)
    .filter((chunk) => !chunk.startsWith('--'))
    .map((chunk) => splitHeaders(chunk.replace(/^\r?\n/, '')));
  const report: DeliveryReport = {
    status: null,
    action: null,
    recipient: null,
    diagnostic: null,
    originalMessageId: null,
    hearkenMessage: null,
  };
  for (const part of parts) {
    const partType = (part.headers.get('content-type') ?? '').toLowerCase();
    if (partType.startsWith('message/delivery-status')) {
      // Per-message fields, then one block per recipient: read them all as header blocks.
      for (const block of decoded(part).split(/\r?\n\r?\n/)) {
        const fields = splitHeaders(`${block}\n\n`).headers;
        report.status ??= fields.get('status')?.split(/\s/)[0] ?? null;
        report.action ??= fields.get('action')?.toLowerCase() ?? null;
        report.recipient ??=
          (fields.get('final-recipient') ?? fields.get('original-recipient'))
            ?.split(';')
            .pop()
            ?.trim()
            .toLowerCase() ?? null;
        report.diagnostic ??= fields.get('diagnostic-code') ?? null;
      }
    } else if (
      partType.startsWith('message/rfc822') ||
      partType.startsWith('text/rfc822-headers')
    ) {
      const original = splitHeaders(decoded(part)).headers;
      report.originalMessageId ??= bracketless(original.get('message-id'));
      report.hearkenMessage ??= bracketless(original.get('x-hearken-message'));
    }
  }
  return report;
}

export function isPermanent(report: DeliveryReport): boolean {
  return report.status?.startsWith('5') ?? report.action === 'failed';
}

/**
 * Acts on a report stored as raw item `rawItemId`: the original message becomes `bounced` with
 * the diagnostic, a permanent failure suppresses the address, and the raw item is kept but
 * marked processed so it never becomes feedback. Run inside the transaction that stored it.
 */
export async function handleDeliveryReport(
  db: Db,
  workspaceId: string,
  rawItemId: number,
  report: DeliveryReport,
) {
  if (report.action && report.action !== 'failed') {
    // delayed, relayed, expanded, delivered: nothing failed (yet); keep it out of feedback.
    await markProcessed(db, workspaceId, rawItemId);
    return { bounced: [] };
  }
  const diagnostic = [report.status, report.diagnostic].filter(Boolean).join(' ') || 'bounced';
  const bounced = await recordBounce(
    db,
    {
      workspaceId,
      messageId: report.originalMessageId,
      outboxId:
        report.hearkenMessage && /^[0-9a-f-]{36}$/i.test(report.hearkenMessage)
          ? report.hearkenMessage
          : null,
    },
    diagnostic,
  );
  if (isPermanent(report)) {
    const addresses = new Set([
      ...bounced.map((message) => message.to.trim().toLowerCase()),
      ...(bounced.length === 0 || !report.recipient ? [] : [report.recipient]),
    ]);
    for (const address of addresses)
      await suppressAddress(db, workspaceId, address, 'bounce', diagnostic);
  }
  await markProcessed(db, workspaceId, rawItemId);
  return { bounced };
}

async function markProcessed(db: Db, workspaceId: string, rawItemId: number) {
  await db.execute(
    sql`UPDATE raw_items SET state = 'processed', processed_at = now()
        WHERE workspace_id = ${workspaceId} AND id = ${rawItemId}`,
  );
}

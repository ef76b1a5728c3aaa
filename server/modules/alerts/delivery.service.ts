import type { Config } from '../../config/env.ts';
import type { Db } from '../../db/client.ts';
import { JobQueue } from '../../jobs/queue.ts';
import { findPersonalData, redact } from '../analysis/redact.ts';
import { outboundPolicy, type OutboundPolicy } from '../connectors/outbound-guard.ts';
import { enqueueMessages } from '../outbox/outbox.service.ts';
import * as deliveries from './deliveries.repository.ts';
import { findDelivery } from './alerts.repository.ts';
import { emailMessage, slackMessage, webhookBody, type AlertNotice } from './messages.ts';
import { emailRecipients, findDestinationForSending } from './rules.repository.ts';
import { signatureHeader } from './signature.ts';
import { postJson, PostError } from './webhook-post.ts';

/** Six tries over about two and a half hours, then the delivery is dead until someone retries. */
export const DELIVERY_ATTEMPTS = 6;
const BACKOFF_MS = [30_000, 120_000, 600_000, 1_800_000, 7_200_000];
export function deliveryBackoffMs(attempt: number): number {
  return BACKOFF_MS[Math.min(attempt, BACKOFF_MS.length) - 1] ?? 30_000;
}

export interface DeliveryDeps {
  db: Db;
  config: Config;
  policy: OutboundPolicy;
}

const policies = new WeakMap<Config, OutboundPolicy>();
/** One policy object per configuration, so the guarded connection pool behind it is reused. */
export function policyFor(config: Config): OutboundPolicy {
  let policy = policies.get(config);
  if (!policy) policies.set(config, (policy = outboundPolicy(config)));
  return policy;
}

export type Destination = NonNullable<Awaited<ReturnType<typeof findDestinationForSending>>>;

export interface SendOutcome {
  ok: boolean;
  /** Trying again cannot help: a refused address, a 404 from Slack, no recipients. */
  permanent: boolean;
  responseStatus: number | null;
  detail: string;
}

/** Statuses worth retrying: the server was busy, timed out or limited us; the rest are final. */
function isTransient(status: number): boolean {
  return status >= 500 || status === 408 || status === 425 || status === 429;
}

async function post(
  deps: DeliveryDeps,
  url: string,
  body: string,
  headers: Record<string, string>,
): Promise<SendOutcome> {
  try {
    const response = await postJson(url, body, headers, deps.policy);
    if (response.status >= 200 && response.status < 300)
      return { ok: true, permanent: false, responseStatus: response.status, detail: 'delivered' };
    const answer = response.body.trim() ? `: ${response.body.trim().slice(0, 200)}` : '';
    return {
      ok: false,
      permanent: !isTransient(response.status),
      responseStatus: response.status,
      detail: `answered ${response.status}${answer}`,
    };
  } catch (error) {
    const permanent = error instanceof PostError && error.permanent;
    const detail = error instanceof Error ? error.message : String(error);
    return { ok: false, permanent, responseStatus: null, detail };
  }
}

/** Sends one notice to one destination. Email is handed to the outbox, which sends and retries. */
export async function sendToDestination(
  deps: DeliveryDeps,
  workspaceId: string,
  destination: Destination,
  notice: AlertNotice,
  deliveryKey: string,
): Promise<SendOutcome> {
  if (destination.kind === 'email') {
    const settings = destination.settings as {
      addresses?: string[];
      teamId?: string;
      roles?: string[];
    };
    const found = await emailRecipients(
      deps.db,
      workspaceId,
      settings.teamId ?? null,
      settings.roles ?? [],
    );
    const recipients = [
      ...new Set([...(settings.addresses ?? []), ...found].map((a) => a.toLowerCase())),
    ];
    if (recipients.length === 0)
      return {
        ok: false,
        permanent: true,
        responseStatus: null,
        detail: 'no recipients: the team has no lead e-mail and no member has the roles',
      };
    const message = emailMessage(notice);
    const mail = { db: deps.db, config: deps.config, jobs: new JobQueue(deps.db) };
    await enqueueMessages(
      mail,
      workspaceId,
      recipients.map((to) => ({
        dedupKey: `alert:${deliveryKey}:${to}`,
        to,
        ...message,
        // Staff mail: no consent gate, no unsubscribe footer.
        purpose: 'internal' as const,
      })),
    );
    const where = deps.config.SMTP_URL
      ? 'queued in the outbox'
      : 'kept in the outbox (no SMTP_URL)';
    return {
      ok: true,
      permanent: false,
      responseStatus: null,
      detail: `${recipients.length} e-mail(s) ${where}`,
    };
  }
  if (!destination.url)
    return {
      ok: false,
      permanent: true,
      responseStatus: null,
      detail: 'the destination has no URL',
    };
  if (destination.kind === 'slack')
    return post(deps, destination.url, JSON.stringify(slackMessage(notice)), {});
  const body = JSON.stringify(webhookBody(notice, deliveryKey));
  const headers: Record<string, string> = {
    'x-hearken-event': notice.type,
    'x-hearken-delivery': deliveryKey,
  };
  if (destination.secret)
    headers['x-hearken-signature'] = signatureHeader(
      destination.secret,
      body,
      Math.floor(Date.now() / 1000),
    );
  return post(deps, destination.url, body, headers);
}

function redacted(text: string, redactPersonalData: boolean): string {
  return redactPersonalData ? redact(text, findPersonalData(text)) : text;
}

export function alertLink(config: Config, workspaceId: string, alertId: string): string {
  return `${config.PUBLIC_URL}/w/${workspaceId}/alerts?alert=${alertId}`;
}

export function toNotice(
  row: deliveries.NoticeRow,
  workspaceId: string,
  config: Config,
): AlertNotice {
  const iso = (value: string | null) => (value ? new Date(value).toISOString() : '');
  return {
    type: 'alert.fired',
    alertId: row.alertId,
    workspaceId,
    createdAt: iso(row.createdAt),
    rule: { id: row.ruleId, name: row.ruleName },
    matched: row.matched,
    feedback: row.feedbackId
      ? {
          id: row.feedbackId,
          channel: row.channel ?? '',
          scoreType: row.scoreType,
          score: row.score,
          sentimentLabel: row.sentimentLabel,
          sentimentScore: row.sentimentScore,
          text: redacted(row.text ?? '', row.redactPersonalData),
          receivedAt: iso(row.receivedAt),
          accountName: row.accountName,
          accountTier: row.accountTier,
        }
      : null,
    spike: row.spikeId
      ? {
          subjectKind: row.subjectKind ?? '',
          subjectName: row.subjectName,
          count: row.count ?? 0,
          expected: row.expected ?? 0,
          ratio: row.ratio ?? 0,
          pValue: row.pValue ?? 1,
          direction: row.direction ?? 'rise',
          severity: row.severity ?? 'notable',
          sentence: row.sentence ?? '',
          windowStart: iso(row.windowStart),
        }
      : null,
    link: alertLink(config, workspaceId, row.alertId),
  };
}

/**
 * One attempt at one delivery, run by the `alerts.deliver` job. Safe to run twice: a delivery
 * already sent or dead is left alone. A transient failure is recorded (`failed`) and rethrown so
 * the job retries with backoff; a permanent one, or the last attempt, marks it `dead`, where the
 * alerts page shows it with a retry button. HTTP receivers can tell repeats apart by
 * X-Hearken-Delivery (a crash between sending and recording sends again).
 */
export async function deliverAlert(
  deps: DeliveryDeps,
  workspaceId: string,
  deliveryId: string,
  attempt: { number: number; max: number },
): Promise<'sent' | 'failed' | 'dead' | 'skipped'> {
  const delivery = await findDelivery(deps.db, workspaceId, deliveryId);
  if (!delivery || delivery.status === 'sent' || delivery.status === 'dead') return 'skipped';
  const destination = await findDestinationForSending(deps.db, workspaceId, delivery.destinationId);
  const row = await deliveries.loadNotice(deps.db, workspaceId, delivery.alertId);
  const outcome: SendOutcome =
    destination && row
      ? await sendToDestination(
          deps,
          workspaceId,
          destination,
          toNotice(row, workspaceId, deps.config),
          deliveryId,
        )
      : { ok: false, permanent: true, responseStatus: null, detail: 'the destination was removed' };
  const status = outcome.ok
    ? 'sent'
    : outcome.permanent || attempt.number >= attempt.max
      ? 'dead'
      : 'failed';
  await deliveries.recordAttempt(deps.db, workspaceId, deliveryId, {
    status,
    error: outcome.ok ? null : outcome.detail,
    responseStatus: outcome.responseStatus,
  });
  if (status === 'failed') throw new Error(`alert delivery ${deliveryId}: ${outcome.detail}`);
  return status;
}

/**
 * One POST of a JSON body to a Slack or webhook URL with the SSRF guard, as an outcome (never
 * throws): for other modules that deliver their own notices (internal sharing).
 */
export function postNotice(
  deps: DeliveryDeps,
  url: string,
  body: string,
  headers: Record<string, string>,
): Promise<SendOutcome> {
  return post(deps, url, body, headers);
}

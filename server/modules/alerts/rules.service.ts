import { randomUUID } from 'node:crypto';
import type { AppContext } from '../../context.ts';
import type { Db } from '../../db/client.ts';
import { errors } from '../../errors.ts';
import { recordAudit, type Actor } from '../audit/audit.service.ts';
import type { Condition, DestinationInput, RuleInput, RulePatch } from './alerts.schemas.ts';
import { checkUrl } from '../connectors/outbound-fetch.ts';
import { policyFor, sendToDestination } from './delivery.service.ts';
import { testNotice } from './test-notice.ts';
import * as repo from './rules.repository.ts';
import { newWebhookSecret } from './signature.ts';

const kindOf = (conditions: readonly Condition[]) =>
  conditions[0]?.type === 'spike' ? ('spike' as const) : ('feedback' as const);

/** A URL as lists show it: scheme, host and first path segment; tokens further on stay hidden. */
export function urlLabel(raw: string): string {
  const url = new URL(raw);
  const first = url.pathname.split('/').filter(Boolean)[0];
  return `${url.protocol}//${url.host}${first ? `/${first}/…` : '/…'}`;
}

/**
 * A URL naming a private or loopback address outright is refused when it is saved, not only when
 * it is used; names are checked at each connection (they may resolve differently later).
 */
function refuseForbiddenAddress(ctx: AppContext, url: string, path: string) {
  try {
    checkUrl(url, policyFor(ctx.config));
  } catch (error) {
    throw errors.invalid('This address cannot be reached from Hearken.', [
      { path, message: error instanceof Error ? error.message : String(error) },
    ]);
  }
}

async function prepareDestinations(
  ctx: AppContext,
  workspaceId: string,
  inputs: readonly DestinationInput[],
) {
  const teamIds = inputs.flatMap((input) =>
    input.kind === 'email' && input.teamId ? [input.teamId] : [],
  );
  const teams = await repo.teamNames(ctx.db, workspaceId, teamIds);
  return inputs.map((input, index): repo.NewDestination => {
    if (input.kind !== 'email') {
      refuseForbiddenAddress(ctx, input.url, `body.destinations.${index}.url`);
      return {
        kind: input.kind,
        settings: {},
        label: urlLabel(input.url),
        url: input.url,
        secret: input.kind === 'webhook' ? newWebhookSecret() : null,
      };
    }
    const team = input.teamId ? teams.get(input.teamId) : undefined;
    if (input.teamId && team === undefined)
      throw errors.invalid('No such staff team in this workspace.', [
        { path: `body.destinations.${index}.teamId`, message: 'does not exist' },
      ]);
    const label = [
      ...input.addresses,
      ...(team === undefined ? [] : [`lead of ${team}`]),
      ...(input.roles.length ? [`every ${input.roles.join(', ')}`] : []),
    ].join(', ');
    return {
      kind: 'email',
      settings: { addresses: input.addresses, teamId: input.teamId ?? null, roles: input.roles },
      label,
      url: null,
      secret: null,
    };
  });
}

/** Secrets of new signed webhooks: returned by the call that made them, never again. */
function secretsOf(
  written: Array<{ id: string; position: number }>,
  prepared: repo.NewDestination[],
) {
  return written.flatMap((row) => {
    const secret = prepared[row.position]?.secret;
    return secret ? [{ destinationId: row.id, secret }] : [];
  });
}

export async function listRules(ctx: Pick<AppContext, 'db'>, workspaceId: string, ruleId?: string) {
  const rules = await repo.listRules(ctx.db, workspaceId, ruleId);
  const destinations = await repo.listDestinations(
    ctx.db,
    workspaceId,
    rules.map((rule) => rule.id),
  );
  return rules.map((rule) => ({
    ...rule,
    conditions: rule.conditions as Array<Record<string, unknown>>,
    destinations: destinations
      .filter((destination) => destination.ruleId === rule.id)
      .map(({ ruleId: _rule, ...destination }) => destination),
  }));
}

async function getRule(ctx: Pick<AppContext, 'db'>, workspaceId: string, ruleId: string) {
  const [rule] = await listRules(ctx, workspaceId, ruleId);
  if (!rule) throw errors.notFound('alert rule', ruleId);
  return rule;
}

export async function createRule(
  ctx: AppContext,
  workspaceId: string,
  input: RuleInput,
  actor: Actor,
) {
  const prepared = await prepareDestinations(ctx, workspaceId, input.destinations);
  const { ruleId, written } = await ctx.db.transaction(async (transaction) => {
    const tx = transaction as unknown as Db;
    const rule = await repo.insertRule(tx, {
      workspaceId,
      name: input.name,
      enabled: input.enabled,
      kind: kindOf(input.conditions),
      conditions: input.conditions,
      createdBy: actor.userId,
    });
    const rows = await repo.insertDestinations(tx, workspaceId, rule.id, prepared);
    await recordAudit(tx, workspaceId, actor, 'alert_rule.created', {
      type: 'alert_rule',
      id: rule.id,
    });
    return { ruleId: rule.id, written: rows };
  });
  return { rule: await getRule(ctx, workspaceId, ruleId), secrets: secretsOf(written, prepared) };
}

export async function updateRule(
  ctx: AppContext,
  workspaceId: string,
  ruleId: string,
  patch: RulePatch,
  actor: Actor,
) {
  const changes = {
    ...(patch.name === undefined ? {} : { name: patch.name }),
    ...(patch.enabled === undefined ? {} : { enabled: patch.enabled }),
    ...(patch.conditions === undefined
      ? {}
      : { conditions: patch.conditions, kind: kindOf(patch.conditions) }),
  };
  if (!(await repo.updateRule(ctx.db, workspaceId, ruleId, changes)))
    throw errors.notFound('alert rule', ruleId);
  await recordAudit(
    ctx.db,
    workspaceId,
    actor,
    'alert_rule.updated',
    { type: 'alert_rule', id: ruleId },
    {
      fields: Object.keys(changes),
    },
  );
  return getRule(ctx, workspaceId, ruleId);
}

export async function deleteRule(
  ctx: AppContext,
  workspaceId: string,
  ruleId: string,
  actor: Actor,
) {
  if (!(await repo.deleteRule(ctx.db, workspaceId, ruleId)))
    throw errors.notFound('alert rule', ruleId);
  await recordAudit(ctx.db, workspaceId, actor, 'alert_rule.deleted', {
    type: 'alert_rule',
    id: ruleId,
  });
}

export async function addDestination(
  ctx: AppContext,
  workspaceId: string,
  ruleId: string,
  input: DestinationInput,
  actor: Actor,
) {
  const rule = await getRule(ctx, workspaceId, ruleId);
  if (rule.destinations.length >= 10) throw errors.conflict('A rule has at most 10 destinations.');
  const prepared = await prepareDestinations(ctx, workspaceId, [input]);
  const written = await repo.insertDestinations(ctx.db, workspaceId, ruleId, prepared);
  await recordAudit(
    ctx.db,
    workspaceId,
    actor,
    'alert_destination.added',
    {
      type: 'alert_rule',
      id: ruleId,
    },
    { kind: input.kind },
  );
  const { ruleId: _rule, position: _position, ...destination } = written[0]!;
  return { destination, secret: prepared[0]?.secret ?? null };
}

export async function removeDestination(
  ctx: AppContext,
  workspaceId: string,
  ruleId: string,
  destinationId: string,
  actor: Actor,
) {
  if (!(await repo.deleteDestination(ctx.db, workspaceId, ruleId, destinationId)))
    throw errors.notFound('alert destination', destinationId);
  await recordAudit(ctx.db, workspaceId, actor, 'alert_destination.removed', {
    type: 'alert_rule',
    id: ruleId,
  });
}

/** Sends a sample notification to each of a rule's destinations now and says how each went. */
export async function sendTest(ctx: AppContext, workspaceId: string, ruleId: string) {
  const rule = await getRule(ctx, workspaceId, ruleId);
  const destinations = await repo.listDestinationsForSending(ctx.db, workspaceId, ruleId);
  if (destinations.length === 0) throw errors.conflict('This rule has no destinations to test.');
  const notice = testNotice(ctx.config.PUBLIC_URL, workspaceId, rule);
  const deps = { db: ctx.db, config: ctx.config, policy: policyFor(ctx.config) };
  // Together, so a rule's test answers within one request timeout however many destinations it has.
  const results = await Promise.all(
    destinations.map(async (destination) => {
      const outcome = await sendToDestination(
        deps,
        workspaceId,
        destination,
        notice,
        `test-${randomUUID()}`,
      );
      return {
        destinationId: destination.id,
        kind: destination.kind,
        ok: outcome.ok,
        detail: outcome.detail,
      };
    }),
  );
  return { results };
}

import type { AppContext } from '../../context.ts';
import type { Db } from '../../db/client.ts';
import { errors } from '../../errors.ts';
import { recordAudit, type Actor } from '../audit/audit.service.ts';
import type { Assignment, CaseRuleInput, CaseRulePatch } from './case-rules.schemas.ts';
import * as repo from './case-rules.repository.ts';
import { evaluateRule, orderRules } from './evaluate.ts';
import { parseCaseRules } from './rules.parse.ts';
import { loadRoutingItems } from './routing.repository.ts';
import { ROUTING_MAX_AGE_HOURS } from './routing.service.ts';

type Ctx = Pick<AppContext, 'db'>;

export function listRules(ctx: Ctx, workspaceId: string) {
  return repo.listRules(ctx.db, workspaceId);
}

export async function getRule(ctx: Ctx, workspaceId: string, ruleId: string) {
  const [rule] = await repo.listRules(ctx.db, workspaceId, ruleId);
  if (!rule) throw errors.notFound('case rule', ruleId);
  return rule;
}

/** The users and teams an assignment names must belong to the workspace. */
async function checkAssignment(db: Db, workspaceId: string, assignment: Assignment) {
  const users = [
    ...assignment.userIds,
    ...(assignment.userId ? [assignment.userId] : []),
    ...(assignment.fallbackUserId ? [assignment.fallbackUserId] : []),
  ];
  const teams = [assignment.teamId, assignment.fallbackTeamId].filter(
    (id): id is string => id !== null,
  );
  const [members, known] = await Promise.all([
    repo.memberIds(db, workspaceId, users),
    repo.teamIds(db, workspaceId, teams),
  ]);
  const details = [
    ...users.filter((id) => !members.has(id)).map((id) => ({ id, what: 'a member' })),
    ...teams.filter((id) => !known.has(id)).map((id) => ({ id, what: 'a staff team' })),
  ].map(({ id, what }) => ({
    path: 'body.assignment',
    message: `${id} is not ${what} of this workspace`,
  }));
  if (details.length > 0) throw errors.invalid('The assignment names someone unknown.', details);
}

export async function createRule(
  ctx: Ctx,
  workspaceId: string,
  input: CaseRuleInput,
  actor: Actor,
) {
  await checkAssignment(ctx.db, workspaceId, input.assignment);
  const rule = await repo.insertRule(ctx.db, {
    workspaceId,
    name: input.name,
    enabled: input.enabled,
    kind: input.kind,
    position: input.position ?? (await repo.nextPosition(ctx.db, workspaceId)),
    conditions: input.conditions,
    assignment: input.assignment,
    deadlines: input.deadlines,
    mergeIntoOpen: input.mergeIntoOpen,
    createdBy: actor.userId,
  });
  await recordAudit(
    ctx.db,
    workspaceId,
    actor,
    'case_rule.changed',
    {
      type: 'case_rule',
      id: rule.id,
    },
    { change: 'created' },
  );
  return rule;
}

export async function updateRule(
  ctx: Ctx,
  workspaceId: string,
  ruleId: string,
  patch: CaseRulePatch,
  actor: Actor,
) {
  if (patch.assignment) await checkAssignment(ctx.db, workspaceId, patch.assignment);
  const changes = Object.fromEntries(
    Object.entries(patch).filter(([, value]) => value !== undefined),
  ) as Partial<CaseRulePatch>;
  const row = await repo.updateRule(ctx.db, workspaceId, ruleId, changes);
  if (!row) throw errors.notFound('case rule', ruleId);
  await recordAudit(
    ctx.db,
    workspaceId,
    actor,
    'case_rule.changed',
    {
      type: 'case_rule',
      id: ruleId,
    },
    { change: 'updated', fields: Object.keys(changes) },
  );
  return row;
}

export async function deleteRule(ctx: Ctx, workspaceId: string, ruleId: string, actor: Actor) {
  if (!(await repo.deleteRule(ctx.db, workspaceId, ruleId)))
    throw errors.notFound('case rule', ruleId);
  await recordAudit(
    ctx.db,
    workspaceId,
    actor,
    'case_rule.changed',
    {
      type: 'case_rule',
      id: ruleId,
    },
    { change: 'deleted' },
  );
}

/** Puts the rules in the given order; the list must name every rule of the workspace once. */
export async function reorderRules(ctx: Ctx, workspaceId: string, ruleIds: string[], actor: Actor) {
  const existing = await repo.listRules(ctx.db, workspaceId);
  const given = new Set(ruleIds);
  if (
    given.size !== ruleIds.length ||
    given.size !== existing.length ||
    existing.some((rule) => !given.has(rule.id))
  )
    throw errors.invalid('Give every rule of the workspace exactly once.', [
      { path: 'body.ruleIds', message: `expected the ${existing.length} rule ids, each once` },
    ]);
  await repo.reorderRules(ctx.db, workspaceId, ruleIds);
  await recordAudit(ctx.db, workspaceId, actor, 'case_rule.changed', undefined, {
    change: 'reordered',
  });
  return repo.listRules(ctx.db, workspaceId);
}

/**
 * Which rule would route an item and why: each rule tried before it, with the first condition
 * that failed. Disabled rules are shown (and skipped) so an editor sees the whole order.
 */
export async function previewRouting(ctx: Ctx, workspaceId: string, feedbackId: string, now: Date) {
  const [item] = await loadRoutingItems(ctx.db, workspaceId, [feedbackId], {
    since: null,
    onlyUnrouted: false,
  });
  if (!item) throw errors.notFound('feedback', feedbackId);
  const rules = orderRules(parseCaseRules(await repo.listRules(ctx.db, workspaceId)));
  const tried: Array<{ ruleId: string; name: string; enabled: boolean; failed: string | null }> =
    [];
  let chosen: {
    rule: (typeof rules)[number];
    matched: Array<{ type: string; detail: string }>;
  } | null = null;
  for (const rule of rules) {
    const verdict = evaluateRule(rule, item);
    if (verdict.matched) {
      chosen = { rule, matched: verdict.conditions };
      break;
    }
    tried.push({ ruleId: rule.id, name: rule.name, enabled: rule.enabled, failed: verdict.failed });
  }
  const tooOld =
    new Date(item.receivedAt).getTime() <= now.getTime() - ROUTING_MAX_AGE_HOURS * 3_600_000;
  return {
    feedbackId,
    rule: chosen ? { id: chosen.rule.id, name: chosen.rule.name, kind: chosen.rule.kind } : null,
    matched: chosen?.matched ?? [],
    tried,
    tooOld,
    caseId: item.caseId,
  };
}

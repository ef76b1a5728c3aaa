import type { Db } from '../../db/client.ts';
import { caseRuleInput, type CaseRuleInput } from '../case-rules/case-rules.schemas.ts';
import { insertRule } from '../case-rules/case-rules.repository.ts';
import { insertCases, type NewCase } from '../cases/cases.repository.ts';
import * as repo from './demo.loops.repository.ts';

/** Cases the demo opens from the last half year's detractors (one per contact). */
const DEMO_CASES = 120;
const DAY = 86_400_000;

function demoRules(ownerId: string): CaseRuleInput[] {
  const owner = { strategy: 'user' as const, userId: ownerId };
  const businessDays = (days: number) => ({ hours: 8 * days, businessHours: true });
  return [
    {
      name: 'Detractors: call back within a business day',
      conditions: [{ type: 'detractor', scoreType: 'nps' }],
      assignment: owner,
      deadlines: { engage: businessDays(1), process: businessDays(5), follow_up: businessDays(3) },
    },
    {
      name: 'Strategic accounts: every complaint',
      conditions: [
        { type: 'account_tier', tiers: ['strategic'] },
        { type: 'sentiment', labels: ['negative'] },
      ],
      assignment: owner,
      deadlines: { engage: { hours: 4, businessHours: true }, process: businessDays(3) },
    },
    {
      name: 'Praise: thank them and pass it on',
      kind: 'thank_you',
      conditions: [{ type: 'positive' }],
      assignment: owner,
      deadlines: { engage: businessDays(2) },
    },
  ].map((rule) => caseRuleInput.parse(rule));
}

/**
 * The closed loop in the demo: three case rules (detractors, strategic complaints, praise) owned
 * by the workspace's owner, and a half year of detractor cases — most closed with an outcome,
 * recent ones still open in each stage — so the Cases page and loop metrics have a story to tell.
 * New feedback is routed by the rules as it is analysed.
 */
export async function seedDemoLoops(db: Db, workspaceId: string, now: Date) {
  const ownerId = await repo.firstOwner(db, workspaceId);
  if (!ownerId) return { caseRules: 0, cases: 0 };
  const rules = demoRules(ownerId);
  for (const [position, rule] of rules.entries())
    await insertRule(db, {
      workspaceId,
      name: rule.name,
      enabled: rule.enabled,
      kind: rule.kind,
      position,
      conditions: rule.conditions,
      assignment: rule.assignment,
      deadlines: rule.deadlines,
      mergeIntoOpen: rule.mergeIntoOpen,
    });
  // Items of the last three days are left to the rules: analysis routes them as it runs.
  const items = await repo.detractorItems(
    db,
    workspaceId,
    new Date(now.getTime() - 182 * DAY),
    new Date(now.getTime() - 3 * DAY),
    DEMO_CASES,
  );
  const planned: NewCase[] = items.map((item) => ({
    kind: 'case',
    title: item.text.trim()
      ? `NPS ${item.score}: ${item.text.trim().slice(0, 70)}`
      : `NPS ${item.score} from ${item.accountName ?? 'a customer'}`,
    contactId: item.contactId,
    accountId: item.accountId,
    ownerId,
    teamId: null,
    ruleId: null,
    dueAt: null,
    deadlines: rules[0]!.deadlines,
    scoreType: 'nps',
    scoreBefore: item.score,
    feedbackIds: [item.id],
    actorId: null,
  }));
  const opened = await insertCases(db, workspaceId, planned);
  await repo.backdateDemoCases(db, workspaceId, now);
  return { caseRules: rules.length, cases: opened.length };
}

import type { Db } from '../../db/client.ts';
import type { CaseKind } from '../../db/schema/index.ts';
import {
  attachFeedback,
  findOpenCasesForContacts,
  insertCases,
  type NewCase,
} from '../cases/cases.repository.ts';
import { calendarOf } from '../cases/business-time.ts';
import { dueAtWith, loadCalendars, needsCalendar } from '../cases/deadlines.ts';
import { assign, teamOf, turnTakers } from './assignment.ts';
import { listEnabledRules } from './case-rules.repository.ts';
import { caseTitle, routeItem, type CaseRule } from './evaluate.ts';
import { parseCaseRules } from './rules.parse.ts';
import * as repo from './routing.repository.ts';

/** Items older than this open no case: importing or re-analysing history is not a customer waiting. */
export const ROUTING_MAX_AGE_HOURS = 72;
/** Items loaded and decided together; one insert of cases per chunk. */
export const ROUTING_CHUNK = 1000;

export interface RoutingOutcome {
  /** Items that were recent, not yet in a case, and looked at by the rules. */
  evaluated: number;
  /** Items a rule matched. */
  matched: number;
  opened: number;
  /** Items that joined a contact's open case. */
  merged: number;
}

interface Group {
  rule: CaseRule;
  items: repo.RoutingItem[];
}

const sinceFor = (now: Date) => new Date(now.getTime() - ROUTING_MAX_AGE_HOURS * 3_600_000);

/**
 * Routes analysed feedback into cases: per item, the first enabled rule by position whose
 * conditions all hold. Items from one contact (per case kind) go into one case, or into the
 * contact's open case when the rule merges. Loads what the rules need in a few set-based queries
 * and opens a chunk's cases with one insert. Idempotent: items already in a case are left alone.
 */
export async function routeFeedback(
  db: Db,
  workspaceId: string,
  feedbackIds: readonly string[],
  now: Date,
): Promise<RoutingOutcome> {
  const outcome: RoutingOutcome = { evaluated: 0, matched: 0, opened: 0, merged: 0 };
  const unique = [...new Set(feedbackIds)];
  if (unique.length === 0) return outcome;
  const rules = parseCaseRules(await listEnabledRules(db, workspaceId));
  if (rules.length === 0) return outcome;
  for (let start = 0; start < unique.length; start += ROUTING_CHUNK) {
    const items = await repo.loadRoutingItems(
      db,
      workspaceId,
      unique.slice(start, start + ROUTING_CHUNK),
      { since: sinceFor(now), onlyUnrouted: true },
    );
    outcome.evaluated += items.length;
    const groups = groupByContact(items, rules);
    outcome.matched += [...groups.values()].reduce((sum, group) => sum + group.items.length, 0);
    const done = await applyGroups(db, workspaceId, [...groups.values()], now);
    outcome.opened += done.opened;
    outcome.merged += done.merged;
  }
  return outcome;
}

/** One group per contact and case kind (the first item's rule decides), one per anonymous item. */
function groupByContact(items: readonly repo.RoutingItem[], rules: readonly CaseRule[]) {
  const groups = new Map<string, Group>();
  for (const item of items) {
    const route = routeItem(rules, item);
    if (!route) continue;
    const key = item.contactId ? `${route.rule.kind}:${item.contactId}` : `item:${item.id}`;
    const group = groups.get(key);
    if (group) group.items.push(item);
    else groups.set(key, { rule: route.rule, items: [item] });
  }
  return groups;
}

async function openCasesByContact(db: Db, workspaceId: string, groups: readonly Group[]) {
  const open = new Map<string, string>();
  for (const kind of ['case', 'thank_you'] as const satisfies readonly CaseKind[]) {
    const contactIds = groups.flatMap((group) =>
      group.rule.kind === kind && group.items[0]?.contactId ? [group.items[0].contactId] : [],
    );
    for (const row of await findOpenCasesForContacts(db, workspaceId, kind, contactIds))
      open.set(`${kind}:${row.contactId}`, row.id);
  }
  return open;
}

const keyOf = (group: Group) => `${group.rule.kind}:${group.items[0]?.contactId ?? ''}`;

/** Links of a group's items into an open case, when its rule merges. */
function mergeLinks(groups: readonly Group[], open: ReadonlyMap<string, string>) {
  return groups.flatMap((group) => {
    const caseId = open.get(keyOf(group));
    if (!caseId || !group.rule.mergeIntoOpen) return [];
    return group.items.map((item) => ({ caseId, feedbackId: item.id, merged: true }));
  });
}

async function applyGroups(db: Db, workspaceId: string, groups: Group[], now: Date) {
  if (groups.length === 0) return { opened: 0, merged: 0 };
  const open = await openCasesByContact(db, workspaceId, groups);
  const links = mergeLinks(groups, open);
  // A contact with an open case of this kind gets no second one (merged above, or left alone).
  const fresh = groups.filter((group) => !open.has(keyOf(group)));
  const planned = await planCases(db, workspaceId, fresh, now);
  const opened = await insertCases(db, workspaceId, planned);
  // A router racing this one may have opened the contact's case meanwhile: merge into it.
  const openedKeys = new Set(opened.map((row) => `${row.kind}:${row.contactId ?? ''}`));
  const raced = fresh.filter((group) => group.items[0]?.contactId && !openedKeys.has(keyOf(group)));
  if (raced.length > 0)
    links.push(...mergeLinks(raced, await openCasesByContact(db, workspaceId, raced)));
  const merged = await attachFeedback(db, workspaceId, links);
  return { opened: opened.length, merged: merged.length };
}

/** New cases for groups: owner and team, round-robin turns taken in one update, engage due time. */
async function planCases(
  db: Db,
  workspaceId: string,
  groups: readonly Group[],
  now: Date,
): Promise<NewCase[]> {
  if (groups.length === 0) return [];
  const teamIds = groups.flatMap(({ rule, items }) => [
    teamOf(rule.assignment, items[0]!),
    rule.assignment.fallbackTeamId,
  ]);
  const teams = new Map(
    (
      await repo.loadTeams(
        db,
        workspaceId,
        [...new Set(teamIds)].filter((id): id is string => id !== null),
      )
    ).map((team) => [team.id, team]),
  );
  const turnCounts = new Map<string, number>();
  for (const { rule, items } of groups)
    if (turnTakers(rule.assignment, items[0]!, teams).length > 0)
      turnCounts.set(rule.id, (turnCounts.get(rule.id) ?? 0) + 1);
  const firstTurn = await repo.takeTurns(
    db,
    workspaceId,
    [...turnCounts].map(([ruleId, count]) => ({ ruleId, count })),
  );
  const assigned = groups.map(({ rule, items }) => {
    const item = items[0]!;
    let turn = 0;
    if (turnTakers(rule.assignment, item, teams).length > 0) {
      turn = firstTurn.get(rule.id) ?? 0;
      firstTurn.set(rule.id, turn + 1);
    }
    return assign(rule.assignment, item, teams, turn);
  });
  // Calendars only when a deadline counts business hours (two more queries).
  const calendars = groups.some((group) => needsCalendar(group.rule.deadlines))
    ? await loadCalendars(
        db,
        workspaceId,
        assigned.map((to) => to.teamId),
      )
    : () => calendarOf(null, 'UTC');
  return groups.map(({ rule, items }, index) => {
    const item = items[0]!;
    const to = assigned[index]!;
    return {
      kind: rule.kind,
      title: caseTitle(item, item.accountName),
      contactId: item.contactId,
      accountId: item.accountId,
      ownerId: to.ownerId,
      teamId: to.teamId,
      ruleId: rule.id,
      dueAt: dueAtWith(rule.deadlines, 'engage', now, calendars(to.teamId)),
      deadlines: rule.deadlines,
      scoreType: item.scoreType,
      scoreBefore: item.score,
      feedbackIds: items.map((entry) => entry.id),
      actorId: null,
    };
  });
}

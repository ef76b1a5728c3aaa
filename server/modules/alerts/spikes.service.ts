import type { Db } from '../../db/client.ts';
import type { SpikeSubjectKind } from '../../db/schema/index.ts';
import { detectSpike, type SpikeDirection, type SpikeSeverity } from '../analysis/spikes.ts';
import { insertAlerts, type FiredAlert } from './alerts.repository.ts';
import { DELIVERY_ATTEMPTS } from './delivery.service.ts';
import { matchesSpikeRule } from './evaluate.ts';
import { parseRules } from './rules.parse.ts';
import { listEnabledRules } from './rules.repository.ts';
import * as repo from './spikes.repository.ts';

/** Whole days from `first` to `last`, both included, as YYYY-MM-DD (calendar arithmetic in UTC). */
export function dayRange(first: string, last: string): string[] {
  const days: string[] = [];
  const end = Date.parse(`${last}T00:00:00Z`);
  for (let at = Date.parse(`${first}T00:00:00Z`); at <= end; at += 86_400_000)
    days.push(new Date(at).toISOString().slice(0, 10));
  return days;
}

function addDays(day: string, offset: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + offset * 86_400_000).toISOString().slice(0, 10);
}

/** The top of the hour: detection judges whole hours, so runs within one hour agree. */
export function hourFloor(at: Date): Date {
  return new Date(Math.floor(at.getTime() / 3_600_000) * 3_600_000);
}

export interface SpikeRun {
  subjects: number;
  spikes: number;
  alerts: number;
}

/**
 * Looks for spikes in one workspace at `end` (the top of an hour): per active theme (all items and
 * negative ones), per competitor and per brand, today so far against the same hours of each of the
 * last 28 days, counting only days since the workspace's first feedback. Stores each spike (one
 * per subject and day, updated by later runs) and fires the enabled spike rules it matches.
 */
export async function detectSpikes(db: Db, workspaceId: string, end: Date): Promise<SpikeRun> {
  const window = await repo.spikeWindow(db, workspaceId, end);
  if (!window?.firstDay) return { subjects: 0, spikes: 0, alerts: 0 };
  const earliest = addDays(window.day, -repo.BASELINE_DAYS);
  const days = dayRange(window.firstDay > earliest ? window.firstDay : earliest, window.day);
  const counts = [
    ...(await repo.themeDailyCounts(db, workspaceId, window, end)),
    ...(await repo.mentionDailyCounts(db, workspaceId, window, end)),
  ];
  const bySubject = new Map<
    string,
    { kind: SpikeSubjectKind; id: string; days: Map<string, number> }
  >();
  for (const row of counts) {
    const key = `${row.kind}:${row.subjectId}`;
    let subject = bySubject.get(key);
    if (!subject)
      bySubject.set(key, (subject = { kind: row.kind, id: row.subjectId, days: new Map() }));
    subject.days.set(row.day, row.count);
  }

  const stored: Array<{
    id: string;
    kind: SpikeSubjectKind;
    direction: SpikeDirection;
    severity: SpikeSeverity;
    sentence: string;
  }> = [];
  for (const subject of bySubject.values()) {
    const series = days.map((day) => subject.days.get(day) ?? 0);
    const result = detectSpike(series.slice(0, -1), series.at(-1) ?? 0);
    if (!result.isSpike || result.severity === null || result.direction === 'flat') continue;
    const id = await repo.upsertSpike(db, workspaceId, {
      subjectKind: subject.kind,
      subjectId: subject.id,
      windowStart: window.windowStart,
      windowEnd: end.toISOString(),
      count: result.current,
      expected: result.expected,
      ratio: result.ratio,
      zScore: result.zScore,
      pValue: result.pValue,
      direction: result.direction,
      severity: result.severity,
      sentence: result.sentence,
      series: { days, counts: series, band: result.band },
    });
    if (id)
      stored.push({
        id,
        kind: subject.kind,
        direction: result.direction,
        severity: result.severity,
        sentence: result.sentence,
      });
  }

  const fired: FiredAlert[] = [];
  if (stored.length > 0) {
    const rules = parseRules(await listEnabledRules(db, workspaceId, 'spike'));
    for (const spike of stored)
      for (const rule of rules) {
        const matched = matchesSpikeRule(rule, { ...spike, subjectKind: spike.kind });
        if (matched) fired.push({ ruleId: rule.id, spikeId: spike.id, matched });
      }
  }
  const alertIds = await insertAlerts(db, workspaceId, fired, DELIVERY_ATTEMPTS);
  return { subjects: bySubject.size, spikes: stored.length, alerts: alertIds.length };
}

export function listSpikes(
  db: Db,
  workspaceId: string,
  filters: { subjectKind?: SpikeSubjectKind | undefined; limit: number },
) {
  return repo.listSpikes(db, workspaceId, filters);
}

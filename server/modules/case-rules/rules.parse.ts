import { assignmentSchema, caseConditionsSchema, deadlinesSchema } from './case-rules.schemas.ts';
import type { CaseRule } from './evaluate.ts';
import type { CaseKind } from '../../db/schema/index.ts';

export interface StoredCaseRule {
  id: string;
  name: string;
  enabled: boolean;
  position: number;
  kind: CaseKind;
  conditions: unknown;
  assignment: unknown;
  deadlines: unknown;
  mergeIntoOpen: boolean;
}

/**
 * Rules as stored, checked again: a rule whose stored JSON no longer validates (written by an
 * older version) is skipped rather than routed half-understood.
 */
export function parseCaseRules(rows: readonly StoredCaseRule[]): CaseRule[] {
  const rules: CaseRule[] = [];
  for (const row of rows) {
    const conditions = caseConditionsSchema.safeParse(row.conditions);
    const assignment = assignmentSchema.safeParse(row.assignment);
    const deadlines = deadlinesSchema.safeParse(row.deadlines);
    if (conditions.success && assignment.success && deadlines.success)
      rules.push({
        id: row.id,
        name: row.name,
        enabled: row.enabled,
        position: row.position,
        kind: row.kind,
        mergeIntoOpen: row.mergeIntoOpen,
        conditions: conditions.data,
        assignment: assignment.data,
        deadlines: deadlines.data,
      });
  }
  return rules;
}

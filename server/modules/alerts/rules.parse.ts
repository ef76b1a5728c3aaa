import { conditionsSchema, type Condition } from './alerts.schemas.ts';

export interface ParsedRule {
  id: string;
  name: string;
  conditions: Condition[];
}

/**
 * Rules as stored, with their conditions checked again: a rule whose stored conditions no longer
 * validate (written by an older version) is skipped rather than evaluated half-understood.
 */
export function parseRules(
  rows: ReadonlyArray<{ id: string; name: string; conditions: unknown }>,
): ParsedRule[] {
  const rules: ParsedRule[] = [];
  for (const row of rows) {
    const parsed = conditionsSchema.safeParse(row.conditions);
    if (parsed.success) rules.push({ id: row.id, name: row.name, conditions: parsed.data });
  }
  return rules;
}

import { describe, expect, it } from 'vitest';
import { draftFromCaseRule, emptyCaseDraft, inputFromDraft } from './draft.ts';
import type { CaseRule } from './types.ts';

const rule: CaseRule = {
  id: 'r1',
  name: 'Detractors',
  enabled: true,
  position: 0,
  kind: 'case',
  conditions: [{ type: 'detractor', scoreType: 'nps' }],
  assignment: {
    strategy: 'user',
    userIds: [],
    userId: 'u1',
    teamId: null,
    fallbackUserId: null,
  },
  deadlines: { engage: { hours: 8, businessHours: true }, winback: { hours: 0 } },
  mergeIntoOpen: true,
  assignedCount: 0,
  createdAt: '2026-11-01T00:00:00Z',
  updatedAt: '2026-11-01T00:00:00Z',
};

describe('case rule draft', () => {
  it('keeps the stage deadlines and the win-back delay through an edit', () => {
    const input = inputFromDraft(draftFromCaseRule(rule));
    expect(input.deadlines).toEqual({
      engage: { hours: 8, businessHours: true },
      winback: { hours: 0 },
    });
  });

  it('leaves the win-back delay to the default when blank', () => {
    const input = inputFromDraft({ ...emptyCaseDraft, name: 'x', strategy: 'user', userId: 'u' });
    expect(input.deadlines.winback).toBeUndefined();
    const typed = inputFromDraft({ ...emptyCaseDraft, name: 'x', winbackHours: '48' });
    expect(typed.deadlines.winback).toEqual({ hours: 48 });
  });
});

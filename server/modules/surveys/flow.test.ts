import { expect, it } from 'vitest';
import { definitionProblems, definitionSchema } from './definition.ts';
import { conditionHolds, nextQuestion, parseAnswer } from './flow.ts';
import { sampleSurveyInput } from './survey.fixture.ts';

const definition = definitionSchema.parse(
  Object.fromEntries(Object.entries(sampleSurveyInput()).filter(([key]) => key !== 'name')),
);

it('finds the sample survey sound', () => {
  expect(definitionProblems(definition)).toEqual([]);
});

it('follows skip rules from the answers alone', () => {
  const next = (answers: Record<string, unknown>) =>
    nextQuestion(definition, answers as never)?.id ?? null;
  expect(next({})).toBe('nps');
  expect(next({ nps: 6 })).toBe('wrong');
  expect(next({ nps: 7 })).toBe('best');
  expect(next({ nps: 9, best: null })).toBe('wrong');
  expect(next({ nps: 9, best: 'speed' })).toBe('consent');
  expect(next({ nps: 9, best: 'speed', consent: false })).toBeNull();
  // An answer off the path (from an old page) does not complete the survey.
  expect(next({ nps: 2, best: 'speed', consent: true })).toBe('wrong');
});

it('reads answers as forms and JSON send them', () => {
  const [nps, best, wrong, , consent] = definition.questions;
  expect(parseAnswer(nps!, '10')).toEqual({ ok: true, value: 10 });
  expect(parseAnswer(nps!, 10)).toEqual({ ok: true, value: 10 });
  expect(parseAnswer(nps!, '11').ok).toBe(false);
  expect(parseAnswer(nps!, '7.5').ok).toBe(false);
  expect(parseAnswer(nps!, '')).toEqual({ ok: false, message: 'an answer is required' });
  expect(parseAnswer(best!, '')).toEqual({ ok: true, value: null });
  expect(parseAnswer(best!, 'cheap').ok).toBe(false);
  expect(parseAnswer(wrong!, '  <b>slow</b>  ')).toEqual({ ok: true, value: '<b>slow</b>' });
  expect(parseAnswer(consent!, 'no')).toEqual({ ok: true, value: false });
  expect(parseAnswer(consent!, 'maybe').ok).toBe(false);
  const multiple = { ...best!, type: 'multiple' as const };
  expect(parseAnswer(multiple, ['people', 'speed', 'people'])).toEqual({
    ok: true,
    value: ['speed', 'people'],
  });
});

it('evaluates each kind of condition', () => {
  expect(conditionHolds({ op: 'lte', value: 6 }, 6)).toBe(true);
  expect(conditionHolds({ op: 'gte', value: 9 }, 8)).toBe(false);
  expect(conditionHolds({ op: 'neq', value: 5 }, null)).toBe(false);
  expect(conditionHolds({ op: 'is', value: 'a' }, 'a')).toBe(true);
  expect(conditionHolds({ op: 'isNot', value: 'a' }, null)).toBe(false);
  expect(conditionHolds({ op: 'includes', value: 'a' }, ['b', 'a'])).toBe(true);
  expect(conditionHolds({ op: 'yes' }, true)).toBe(true);
  expect(conditionHolds({ op: 'skipped' }, null)).toBe(true);
});

import { scaleOf, type Condition, type Question, type SurveyDefinition } from './definition.ts';

/** A stored answer; `null` means the respondent saw the question and left it empty. */
export type Answer = number | string | string[] | boolean | null;
export type Answers = Record<string, Answer>;

const MAX_TEXT_ANSWER = 10_000;

export type Parsed = { ok: true; value: Answer } | { ok: false; message: string };

const isBlank = (raw: unknown) =>
  raw === undefined ||
  raw === null ||
  (typeof raw === 'string' && raw.trim() === '') ||
  (Array.isArray(raw) && raw.length === 0);

function parseValue(question: Question, raw: unknown): Parsed {
  const scale = scaleOf(question);
  if (scale) {
    const value = typeof raw === 'string' && /^-?\d+$/.test(raw.trim()) ? Number(raw) : raw;
    if (
      typeof value !== 'number' ||
      !Number.isInteger(value) ||
      value < scale[0] ||
      value > scale[1]
    )
      return { ok: false, message: `must be a whole number from ${scale[0]} to ${scale[1]}` };
    return { ok: true, value };
  }
  const options = new Set((question.options ?? []).map((option) => option.id));
  switch (question.type) {
    case 'text':
      if (typeof raw !== 'string') return { ok: false, message: 'must be text' };
      if (raw.length > MAX_TEXT_ANSWER)
        return { ok: false, message: `must be at most ${MAX_TEXT_ANSWER} characters` };
      // Stored exactly as typed (trailing spaces trimmed); escaped wherever it is shown.
      return { ok: true, value: raw.trim() };
    case 'single':
      return typeof raw === 'string' && options.has(raw)
        ? { ok: true, value: raw }
        : { ok: false, message: 'must be one of the options' };
    case 'multiple': {
      const values = Array.isArray(raw) ? raw : [raw];
      if (!values.every((value) => typeof value === 'string' && options.has(value)))
        return { ok: false, message: 'must be some of the options' };
      const chosen = new Set(values as string[]);
      // Kept in the survey's order, so the same choice always looks the same.
      return { ok: true, value: [...options].filter((id) => chosen.has(id)) };
    }
    case 'consent':
      if (raw === true || raw === 'yes' || raw === 'true') return { ok: true, value: true };
      if (raw === false || raw === 'no' || raw === 'false') return { ok: true, value: false };
      return { ok: false, message: 'must be yes or no' };
    default:
      return { ok: false, message: 'unknown question type' };
  }
}

/** Reads one answer as a form or JSON sends it; blank answers to required questions are refused. */
export function parseAnswer(question: Question, raw: unknown): Parsed {
  if (isBlank(raw))
    return question.required
      ? { ok: false, message: 'an answer is required' }
      : { ok: true, value: null };
  return parseValue(question, raw);
}

export function conditionHolds(condition: Condition, answer: Answer): boolean {
  switch (condition.op) {
    case 'answered':
      return answer !== null;
    case 'skipped':
      return answer === null;
    case 'yes':
      return answer === true;
    case 'no':
      return answer === false;
    case 'includes':
      return Array.isArray(answer) && answer.includes(condition.value);
    case 'is':
      return answer === condition.value;
    case 'isNot':
      return answer !== null && answer !== condition.value;
    default:
      if (typeof answer !== 'number') return false;
      if (condition.op === 'lte') return answer <= condition.value;
      if (condition.op === 'gte') return answer >= condition.value;
      if (condition.op === 'eq') return answer === condition.value;
      return answer !== condition.value;
  }
}

/** Where to go after a question: the first skip rule that holds, else the next question. */
function after(definition: SurveyDefinition, index: number, answer: Answer): number {
  const question = definition.questions[index]!;
  const rule = question.skip.find((candidate) => conditionHolds(candidate.if, answer));
  if (!rule) return index + 1;
  if (rule.goTo === 'end') return definition.questions.length;
  return definition.questions.findIndex((q) => q.id === rule.goTo);
}

/**
 * The question to ask next, or null when the survey is done. Walks the path from the first
 * question through the given answers and the skip rules, so the state follows from the answers
 * alone, whatever order they came in. Skips only go forward, so the walk always ends.
 */
export function nextQuestion(definition: SurveyDefinition, answers: Answers): Question | null {
  let index = 0;
  while (index >= 0 && index < definition.questions.length) {
    const question = definition.questions[index]!;
    if (!(question.id in answers)) return question;
    index = after(definition, index, answers[question.id] ?? null);
  }
  return null;
}

/** The questions on the respondent's path so far, answered, in order (for position "2 of 5"). */
export function answeredOnPath(definition: SurveyDefinition, answers: Answers): number {
  let index = 0;
  let count = 0;
  while (index >= 0 && index < definition.questions.length) {
    const question = definition.questions[index]!;
    if (!(question.id in answers)) break;
    count += 1;
    index = after(definition, index, answers[question.id] ?? null);
  }
  return count;
}

import { z } from 'zod';
import type { ErrorDetail } from '../../errors.ts';

/** Question types and the scale each one answers on. */
export const QUESTION_TYPES = [
  'nps',
  'csat',
  'ces',
  'rating',
  'text',
  'single',
  'multiple',
  'consent',
] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];
export const SCORE_QUESTION_TYPES = ['nps', 'csat', 'ces'] as const;
const FIXED_SCALES = { nps: [0, 10], csat: [1, 5], ces: [1, 7] } as const;

export const languageCode = z
  .string()
  .regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'must be a language tag such as en or pt-BR');
/** A text in every language of the survey: `{ "en": "...", "fr": "..." }`. */
const localized = z.record(languageCode, z.string().trim().min(1).max(2000));
export type Localized = z.infer<typeof localized>;
const questionId = z
  .string()
  .regex(/^[A-Za-z0-9_-]{1,40}$/, 'letters, digits, _ and - only (at most 40)');

export const conditionSchema = z.discriminatedUnion('op', [
  z.strictObject({ op: z.enum(['lte', 'gte', 'eq', 'neq']), value: z.number().int() }),
  z.strictObject({ op: z.enum(['is', 'isNot']), value: z.string().max(40) }),
  z.strictObject({ op: z.literal('includes'), value: z.string().max(40) }),
  z.strictObject({ op: z.enum(['yes', 'no', 'answered', 'skipped']) }),
]);
export type Condition = z.infer<typeof conditionSchema>;

const skipRule = z.strictObject({
  if: conditionSchema,
  goTo: z.union([questionId, z.literal('end')]).describe('a LATER question id, or "end"'),
});

export const questionSchema = z.strictObject({
  id: questionId,
  type: z.enum(QUESTION_TYPES),
  required: z.boolean().default(false),
  text: localized,
  hint: localized.optional(),
  /** Words under the ends of a scale ("Not likely" ... "Very likely"). */
  lowLabel: localized.optional(),
  highLabel: localized.optional(),
  /** Rating questions: the top of the 1..N scale. */
  scale: z.number().int().min(2).max(10).optional(),
  options: z
    .array(z.strictObject({ id: questionId, label: localized }))
    .max(30)
    .optional(),
  skip: z.array(skipRule).max(20).default([]),
});
export type Question = z.infer<typeof questionSchema>;

/** Events that invite the event's contact: `{ event: "ticket.solved", delayMinutes: 60 }`. */
export const triggersSchema = z
  .array(
    z.strictObject({
      event: z
        .string()
        .regex(/^[A-Za-z0-9_.:-]{1,100}$/)
        .describe('event type, e.g. ticket.solved'),
      delayMinutes: z
        .number()
        .int()
        .min(0)
        .max(60 * 24 * 60)
        .default(0),
    }),
  )
  .max(10);

export const definitionSchema = z.strictObject({
  languages: z.array(languageCode).min(1).max(10),
  defaultLanguage: languageCode,
  title: localized,
  intro: localized.optional(),
  thankYou: localized,
  questions: z.array(questionSchema).min(1).max(50),
  /** The question whose answer is the feedback's score; defaults to the first NPS/CSAT/CES one. */
  scoreQuestionId: questionId.optional(),
  triggers: triggersSchema.default([]),
  /** Invitation email texts; the subject defaults to the title. */
  email: z.strictObject({ subject: localized.optional(), intro: localized.optional() }).optional(),
});
export type SurveyDefinition = z.infer<typeof definitionSchema>;

/** The answer range of a scale question, or undefined for other types. */
export function scaleOf(question: Question): readonly [number, number] | undefined {
  if (question.type === 'rating') return [1, question.scale ?? 5];
  if (question.type === 'nps' || question.type === 'csat' || question.type === 'ces')
    return FIXED_SCALES[question.type];
  return undefined;
}

export function scoreQuestionOf(definition: SurveyDefinition): Question | undefined {
  const isScore = (q: Question) => (SCORE_QUESTION_TYPES as readonly string[]).includes(q.type);
  if (definition.scoreQuestionId)
    return definition.questions.find((q) => q.id === definition.scoreQuestionId);
  return definition.questions.find(isScore);
}

function translationProblems(
  languages: string[],
  text: Localized | undefined,
  path: string,
): ErrorDetail[] {
  if (!text) return [];
  const problems = languages
    .filter((language) => !text[language])
    .map((language) => ({ path: `${path}.${language}`, message: 'missing translation' }));
  for (const language of Object.keys(text))
    if (!languages.includes(language))
      problems.push({ path: `${path}.${language}`, message: 'not one of the survey’s languages' });
  return problems;
}

function conditionProblems(question: Question, condition: Condition, path: string) {
  const scale = scaleOf(question);
  const optionIds = new Set((question.options ?? []).map((option) => option.id));
  const fits = (() => {
    switch (condition.op) {
      case 'lte':
      case 'gte':
      case 'eq':
      case 'neq':
        return scale !== undefined && condition.value >= scale[0] && condition.value <= scale[1];
      case 'is':
      case 'isNot':
        return question.type === 'single' && optionIds.has(condition.value);
      case 'includes':
        return question.type === 'multiple' && optionIds.has(condition.value);
      case 'yes':
      case 'no':
        return question.type === 'consent';
      default:
        return true;
    }
  })();
  return fits ? [] : [{ path, message: `this condition does not fit a ${question.type} question` }];
}

function questionProblems(question: Question, index: number, definition: SurveyDefinition) {
  const path = `body.questions.${index}`;
  const problems: ErrorDetail[] = [];
  for (const field of ['text', 'hint', 'lowLabel', 'highLabel'] as const)
    problems.push(
      ...translationProblems(definition.languages, question[field], `${path}.${field}`),
    );
  const hasOptions = question.type === 'single' || question.type === 'multiple';
  if (hasOptions && (question.options ?? []).length < 2)
    problems.push({ path: `${path}.options`, message: 'give at least two options' });
  if (!hasOptions && question.options)
    problems.push({ path: `${path}.options`, message: `a ${question.type} question has none` });
  if (question.type !== 'rating' && question.scale !== undefined)
    problems.push({ path: `${path}.scale`, message: 'only rating questions take a scale' });
  const optionIds = new Set<string>();
  (question.options ?? []).forEach((option, o) => {
    if (optionIds.has(option.id))
      problems.push({ path: `${path}.options.${o}.id`, message: 'used twice' });
    optionIds.add(option.id);
    problems.push(
      ...translationProblems(definition.languages, option.label, `${path}.options.${o}.label`),
    );
  });
  const later = new Set(definition.questions.slice(index + 1).map((q) => q.id));
  question.skip.forEach((rule, r) => {
    if (rule.goTo !== 'end' && !later.has(rule.goTo))
      problems.push({
        path: `${path}.skip.${r}.goTo`,
        message: `"${rule.goTo}" is not a later question (skips only go forward, or to "end")`,
      });
    problems.push(...conditionProblems(question, rule.if, `${path}.skip.${r}.if`));
  });
  return problems;
}

/**
 * What the Zod schema cannot say: every text in every language, skip rules that point forward
 * to a real question and fit the question they are on, ids used once. Returns problems with the
 * request paths they concern (empty when the survey is sound).
 */
export function definitionProblems(definition: SurveyDefinition): ErrorDetail[] {
  const problems: ErrorDetail[] = [];
  const { languages } = definition;
  if (!languages.includes(definition.defaultLanguage))
    problems.push({ path: 'body.defaultLanguage', message: 'must be one of the languages' });
  if (new Set(languages).size !== languages.length)
    problems.push({ path: 'body.languages', message: 'a language is listed twice' });
  for (const field of ['title', 'intro', 'thankYou'] as const)
    problems.push(...translationProblems(languages, definition[field], `body.${field}`));
  problems.push(
    ...translationProblems(languages, definition.email?.subject, 'body.email.subject'),
    ...translationProblems(languages, definition.email?.intro, 'body.email.intro'),
  );
  const ids = new Set<string>();
  definition.questions.forEach((question, index) => {
    if (ids.has(question.id))
      problems.push({ path: `body.questions.${index}.id`, message: 'used twice' });
    ids.add(question.id);
    problems.push(...questionProblems(question, index, definition));
  });
  if (definition.scoreQuestionId) {
    const score = definition.questions.find((q) => q.id === definition.scoreQuestionId);
    if (!score || !(SCORE_QUESTION_TYPES as readonly string[]).includes(score.type))
      problems.push({
        path: 'body.scoreQuestionId',
        message: 'must be the id of an NPS, CSAT or CES question',
      });
  }
  return problems;
}

/** The text in `language`, falling back to the default language. */
export function pick(text: Localized | undefined, language: string, fallback: string): string {
  return text?.[language] ?? text?.[fallback] ?? '';
}

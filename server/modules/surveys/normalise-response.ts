import { z } from 'zod';
import type { Normaliser } from '../ingest/normalise.ts';
import { reasonsOf } from '../ingest/normalise.ts';
import { QUESTION_TYPES, SCORE_QUESTION_TYPES } from './definition.ts';

const answer = z.union([z.number(), z.string(), z.array(z.string()), z.boolean(), z.null()]);

/**
 * What a survey submission stores as its raw item: what was received, and a snapshot of the
 * whole response after it (with the survey facts needed to read it), so normalising needs
 * nothing but the raw item.
 */
export const storedSubmissionSchema = z.object({
  format: z.literal('survey-response'),
  received: z.object({
    via: z.enum(['form', 'api', 'email']),
    answers: z.record(z.string(), answer),
  }),
  response: z.object({
    id: z.uuid(),
    revision: z.number().int().positive(),
    state: z.enum(['partial', 'complete']),
    language: z.string(),
    startedAt: z.string(),
    invitationId: z.uuid().nullable(),
    contact: z
      .object({
        email: z.string().optional(),
        name: z.string().optional(),
        externalId: z.string().optional(),
      })
      .nullable(),
    answers: z.record(z.string(), answer),
  }),
  survey: z.object({
    id: z.uuid(),
    name: z.string(),
    score: z.object({ questionId: z.string(), type: z.enum(SCORE_QUESTION_TYPES) }).nullable(),
    questions: z.array(
      z.object({ id: z.string(), type: z.enum(QUESTION_TYPES), text: z.string() }),
    ),
  }),
});
export type StoredSubmission = z.infer<typeof storedSubmissionSchema>;

/**
 * A survey submission becomes (or revises) the ONE feedback item of its response: the score
 * question's answer is the score, free-text answers are the text, everything else (other
 * answers, consent to be contacted) is kept in metadata.
 */
export const normaliseSurveyResponse: Normaliser = (raw) => {
  const parsed = storedSubmissionSchema.safeParse(raw.payload);
  if (!parsed.success) throw new Error(`Not a survey submission: ${reasonsOf(parsed.error)}`);
  const { response, survey } = parsed.data;
  const scoreAnswer = survey.score ? response.answers[survey.score.questionId] : undefined;
  const score = typeof scoreAnswer === 'number' ? scoreAnswer : null;
  const texts = survey.questions
    .filter((q) => q.type === 'text')
    .map((q) => response.answers[q.id])
    .filter((value): value is string => typeof value === 'string' && value !== '');
  const consentQuestion = survey.questions.find(
    (q) => q.type === 'consent' && typeof response.answers[q.id] === 'boolean',
  );
  return {
    channel: 'survey',
    touchpointId: raw.postTouchpointId,
    scoreType: score === null ? null : survey.score!.type,
    score,
    text: texts.join('\n\n'),
    receivedAt: response.startedAt,
    contact: response.contact ?? undefined,
    metadata: {
      surveyId: survey.id,
      surveyName: survey.name,
      responseId: response.id,
      state: response.state,
      language: response.language,
      invitationId: response.invitationId,
      consentToContact: consentQuestion ? response.answers[consentQuestion.id] : null,
      answers: survey.questions
        .filter((q) => q.id in response.answers)
        .map((q) => ({
          questionId: q.id,
          type: q.type,
          question: q.text,
          answer: response.answers[q.id],
        })),
    },
    group: { key: `survey-response:${response.id}`, revision: response.revision },
  };
};

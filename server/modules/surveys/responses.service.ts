import { randomBytes, randomUUID } from 'node:crypto';
import type { AppContext } from '../../context.ts';
import type { Db } from '../../db/client.ts';
import { errors, type ErrorDetail } from '../../errors.ts';
import { receiveRawItems } from '../ingest/ingest.repository.ts';
import { markPostsReceived } from '../listening-posts/listening-posts.service.ts';
import { pick, scoreQuestionOf, type SurveyDefinition } from './definition.ts';
import { answeredOnPath, nextQuestion, parseAnswer, type Answers } from './flow.ts';
import * as invitations from './invitations.repository.ts';
import type { StoredSubmission } from './normalise-response.ts';
import * as repo from './surveys.repository.ts';
import { cachedPublicSurvey } from './public-survey-cache.ts';
import { parseStoredDefinition } from './surveys.service.ts';

export interface OpenSurvey {
  workspaceId: string;
  id: string;
  postId: string;
  name: string;
  definition: SurveyDefinition;
}

// Parsed definitions by survey and version: the public pages read one per request.
const parsedCache = new Map<string, SurveyDefinition>();
function cachedDefinition(row: repo.SurveyRow): SurveyDefinition {
  const key = `${row.id}:${row.updatedAt}`;
  let definition = parsedCache.get(key);
  if (!definition) {
    if (parsedCache.size >= 500) parsedCache.clear();
    definition = parseStoredDefinition(row.definition);
    parsedCache.set(key, definition);
  }
  return definition;
}

/** The survey behind a public link; 404 when unknown, 410 when its post is paused. */
export async function openSurvey(ctx: AppContext, token: string): Promise<OpenSurvey> {
  const row = await cachedPublicSurvey(token, () => repo.findSurveyByToken(ctx.db, token));
  if (!row) throw errors.notFound('survey');
  if (row.status !== 'active') throw errors.gone('This survey is closed.');
  return {
    workspaceId: row.workspaceId,
    id: row.id,
    postId: row.postId,
    name: row.name,
    definition: cachedDefinition(row),
  };
}

// When each post was last marked "received" by this process: at hundreds of answers a second,
// one update of the post's row every few seconds says the same as one per answer.
const lastTouched = new Map<string, number>();
const TOUCH_EVERY_MS = 5_000;
async function touchPost(ctx: AppContext, survey: OpenSurvey) {
  const now = Date.now();
  if (now - (lastTouched.get(survey.postId) ?? 0) < TOUCH_EVERY_MS) return;
  lastTouched.set(survey.postId, now);
  if (lastTouched.size > 10_000) lastTouched.clear();
  await markPostsReceived(ctx, survey.workspaceId, [survey.postId]);
}

export const newToken = () => randomBytes(18).toString('base64url');

export function findResponse(ctx: AppContext, survey: OpenSurvey, token: string) {
  return repo.findResponseByToken(ctx.db, survey.workspaceId, survey.id, token);
}

/** The response of an invitation link (made on first use); undefined for an unknown token. */
export async function invitedResponse(
  ctx: AppContext,
  survey: OpenSurvey,
  invitationToken: string,
  language: string,
) {
  const invitation = await invitations.findInvitationByToken(
    ctx.db,
    survey.workspaceId,
    survey.id,
    invitationToken,
  );
  if (!invitation) return undefined;
  return repo.findOrCreateInvitedResponse(ctx.db, survey.workspaceId, {
    surveyId: survey.id,
    invitationId: invitation.id,
    contactId: invitation.contactId,
    token: newToken(),
    language: invitation.language ?? language,
  });
}

/** Checks submitted answers against the survey; problems carry `answers.<questionId>` paths. */
export function parseAnswers(definition: SurveyDefinition, raw: Record<string, unknown>) {
  const answers: Answers = {};
  const problems: ErrorDetail[] = [];
  for (const [id, value] of Object.entries(raw)) {
    const question = definition.questions.find((q) => q.id === id);
    if (!question) {
      problems.push({ path: `answers.${id}`, message: 'no such question' });
      continue;
    }
    const parsed = parseAnswer(question, value);
    if (parsed.ok) answers[id] = parsed.value;
    else problems.push({ path: `answers.${id}`, message: parsed.message });
  }
  return { answers, problems };
}

export interface Submission {
  answers: Answers;
  language: string;
  via: 'form' | 'api' | 'email';
}

export interface SubmitResult {
  response: repo.ResponseRow;
  duplicate: boolean;
}

function snapshot(
  survey: OpenSurvey,
  response: repo.ResponseRow,
  submission: Submission,
  answers: Answers,
  state: 'partial' | 'complete',
): StoredSubmission {
  const { definition } = survey;
  const score = scoreQuestionOf(definition);
  return {
    format: 'survey-response',
    received: { via: submission.via, answers: submission.answers },
    response: {
      id: response.id,
      revision: response.revision + 1,
      state,
      language: submission.language,
      startedAt: new Date(response.createdAt).toISOString(),
      invitationId: response.invitationId,
      contact: response.contact,
      answers,
    },
    survey: {
      id: survey.id,
      name: survey.name,
      score: score ? { questionId: score.id, type: score.type as 'nps' } : null,
      questions: definition.questions.map((q) => ({
        id: q.id,
        type: q.type,
        text: pick(q.text, definition.defaultLanguage, definition.defaultLanguage),
      })),
    },
  };
}

/**
 * What identifies a submission, so receiving it twice is a no-op: the response and the
 * questions it answers (a page). An email click is keyed by the revision it changes, so the
 * same click twice records once while a different later click still counts.
 */
function dedupKeyOf(response: repo.ResponseRow, submission: Submission): string {
  const questions = Object.keys(submission.answers).sort().join(',');
  return submission.via === 'email'
    ? `survey:${response.id}:email:${response.revision}:${questions}`
    : `survey:${response.id}:${questions}`;
}

class StaleResponse extends Error {}

async function attempt(
  ctx: AppContext,
  survey: OpenSurvey,
  response: repo.ResponseRow,
  submission: Submission,
): Promise<SubmitResult> {
  const answers: Answers = { ...(response.answers as Answers), ...submission.answers };
  const state = nextQuestion(survey.definition, answers) ? 'partial' : 'complete';
  const payload = snapshot(survey, response, submission, answers, state);
  const dedupKey = dedupKeyOf(response, submission);
  const stored = await ctx.db.transaction(async (tx) => {
    const db = tx as unknown as Db;
    // Raw first: the submission as received, with the response it makes.
    const rows = await receiveRawItems(db, survey.workspaceId, 'survey', [
      { dedupKey, payload, postId: survey.postId },
    ]);
    if (rows.length === 0) return false;
    const saved = await repo.saveResponse(db, survey.workspaceId, response.id, response.revision, {
      answers,
      state,
      language: submission.language,
    });
    if (!saved) throw new StaleResponse();
    return true;
  });
  if (!stored) return { response, duplicate: true };
  ctx.jobs.notify();
  return {
    response: {
      ...response,
      answers,
      state,
      revision: response.revision + 1,
      language: submission.language,
    },
    duplicate: false,
  };
}

/**
 * Records a page of answers on a response: stored raw (a repeated page is a no-op), merged
 * into the response (earlier answers are kept), normalised into the response's one feedback
 * item in the background. Two submissions racing on one response are applied one after the other.
 */
export async function submit(
  ctx: AppContext,
  survey: OpenSurvey,
  response: repo.ResponseRow,
  submission: Submission,
): Promise<SubmitResult> {
  let current = response;
  for (let tries = 0; ; tries += 1) {
    try {
      const result = await attempt(ctx, survey, current, submission);
      if (!result.duplicate) await markPostsReceived(ctx, survey.workspaceId, [survey.postId]);
      return result;
    } catch (error) {
      if (!(error instanceof StaleResponse) || tries >= 3) throw error;
      const fresh = await repo.findResponseByToken(
        ctx.db,
        survey.workspaceId,
        survey.id,
        current.token,
      );
      if (!fresh) throw error;
      current = fresh;
    }
  }
}

/**
 * A first submission on the public link: the response is made now, together with its raw item,
 * in one statement (the busiest path: every new respondent takes it).
 */
export async function startResponse(
  ctx: AppContext,
  survey: OpenSurvey,
  submission: Submission,
): Promise<SubmitResult> {
  const answers = submission.answers;
  const state = nextQuestion(survey.definition, answers) ? 'partial' : 'complete';
  const response: repo.ResponseRow = {
    id: randomUUID(),
    surveyId: survey.id,
    token: newToken(),
    invitationId: null,
    contactId: null,
    language: submission.language,
    answers: {},
    state: 'partial',
    revision: 0,
    createdAt: new Date().toISOString(),
    contact: null,
  };
  const payload = snapshot(survey, response, submission, answers, state);
  await repo.insertAnsweredResponse(
    ctx.db,
    survey.workspaceId,
    { dedupKey: dedupKeyOf(response, submission), payload, postId: survey.postId },
    { ...response, answers, state },
  );
  ctx.jobs.notify();
  await touchPost(ctx, survey);
  return { response: { ...response, answers, state, revision: 1 }, duplicate: false };
}

/**
 * The score clicked in an invitation email. Mail scanners open every link, so a click only sets
 * the first answer while the respondent has not gone further: the person's own click, which comes
 * after the scanner's, wins, and once they answer the next question no click changes anything.
 */
export async function recordEmailScore(
  ctx: AppContext,
  survey: OpenSurvey,
  response: repo.ResponseRow,
  rawScore: string,
  language: string,
): Promise<SubmitResult> {
  const first = survey.definition.questions[0]!;
  const parsed = parseAnswer({ ...first, required: true }, rawScore);
  const answers = response.answers as Answers;
  if (!parsed.ok || answers[first.id] === parsed.value) return { response, duplicate: true };
  if (answeredOnPath(survey.definition, answers) > 1) return { response, duplicate: true };
  return submit(ctx, survey, response, {
    answers: { [first.id]: parsed.value },
    language,
    via: 'email',
  });
}

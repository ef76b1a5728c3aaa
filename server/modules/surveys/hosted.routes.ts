import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { publicRateLimit } from '../../http/route-helpers.ts';
import { normaliseError } from '../../http/errors.ts';
import { nextQuestion, answeredOnPath, parseAnswer, type Answers } from './flow.ts';
import { chooseLanguage } from './language.ts';
import {
  renderMessage,
  renderQuestion,
  renderThankYou,
  STYLESHEET,
  STYLESHEET_PATH,
} from './page.ts';
import * as responses from './responses.service.ts';
import type { ResponseRow } from './surveys.repository.ts';

const FORM_BODY_LIMIT = 128 * 1024;
const token = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/);
const pageQuery = z.object({
  lang: z.string().max(35).optional(),
  i: z.string().max(64).optional(),
  score: z.string().max(3).optional(),
});

function sendPage(reply: FastifyReply, status: number, body: string) {
  // Pages carry response tokens and answers: never cached, never framed.
  return reply
    .status(status)
    .header('cache-control', 'no-store')
    .type('text/html; charset=utf-8')
    .send(body);
}

function languageOf(request: FastifyRequest) {
  const header = request.headers['accept-language'];
  return (header ?? 'en').split(',')[0]!.split(';')[0]!.trim() || 'en';
}

function responsePath(surveyToken: string, response: ResponseRow, lang?: string) {
  const query = lang ? `?lang=${encodeURIComponent(lang)}` : '';
  return `/s/${surveyToken}/r/${response.token}${query}`;
}

function renderCurrent(
  survey: responses.OpenSurvey,
  surveyToken: string,
  response: ResponseRow | undefined,
  language: string,
  extra: { error?: 'required' | 'invalid'; chosen?: unknown; status?: number } = {},
) {
  const answers = (response?.answers ?? {}) as Answers;
  const question = nextQuestion(survey.definition, answers);
  if (!question) return renderThankYou(survey.definition, language);
  return renderQuestion({
    formAction: `/s/${surveyToken}`,
    definition: survey.definition,
    question,
    language,
    responseToken: response?.token,
    position: {
      n: answeredOnPath(survey.definition, answers) + 1,
      total: survey.definition.questions.length,
    },
    error: extra.error,
    chosen: extra.chosen,
  });
}

/**
 * The hosted survey pages, outside /api: plain HTML forms that work without JavaScript, one
 * question per page, each answer posted and then redirected (POST-redirect-GET) to the
 * response's page, which always shows the next question on the respondent's path.
 */
export function surveyPages(app: FastifyInstance, ctx: AppContext): void {
  void app.register(async (pages) => {
    pages.removeAllContentTypeParsers();
    pages.addContentTypeParser(
      'application/x-www-form-urlencoded',
      { parseAs: 'string', bodyLimit: FORM_BODY_LIMIT },
      (_request, body, done) => done(null, body),
    );
    pages.setErrorHandler((error: FastifyError, request, reply) => {
      const appError = normaliseError(error);
      if (appError.status >= 500) request.log.error({ err: error }, 'survey page failed');
      const kind = appError.status === 410 ? 'closed' : 'notFound';
      if (appError.status === 429) return sendPage(reply, 429, appError.message);
      return sendPage(reply, appError.status, renderMessage(languageOf(request), kind));
    });
    const api = pages.withTypeProvider<ZodTypeProvider>();
    const rateLimit = publicRateLimit(ctx);

    api.get(STYLESHEET_PATH, { config: { rateLimit } }, async (_request, reply) =>
      reply.header('cache-control', 'public, max-age=3600').type('text/css').send(STYLESHEET),
    );

    api.get(
      '/s/:token',
      { config: { rateLimit }, schema: { params: z.object({ token }), querystring: pageQuery } },
      async (request, reply) => {
        const { lang, i, score } = request.query;
        const survey = await responses.openSurvey(ctx, request.params.token);
        const language = chooseLanguage(
          survey.definition,
          request.headers['accept-language'],
          lang,
        );
        if (!i)
          return sendPage(
            reply,
            200,
            renderCurrent(survey, request.params.token, undefined, language),
          );
        const response = await responses.invitedResponse(ctx, survey, i, language);
        if (!response) return sendPage(reply, 404, renderMessage(language, 'notFound'));
        // HEAD is what some link checkers send: it never records anything.
        if (score !== undefined && request.method === 'GET')
          await responses.recordEmailScore(ctx, survey, response, score, response.language);
        return reply.redirect(responsePath(request.params.token, response, lang), 303);
      },
    );

    api.get(
      '/s/:token/r/:responseToken',
      {
        config: { rateLimit },
        schema: { params: z.object({ token, responseToken: token }), querystring: pageQuery },
      },
      async (request, reply) => {
        const survey = await responses.openSurvey(ctx, request.params.token);
        const response = await responses.findResponse(ctx, survey, request.params.responseToken);
        const language = chooseLanguage(
          survey.definition,
          request.headers['accept-language'],
          request.query.lang,
          response?.language,
        );
        if (!response) return sendPage(reply, 404, renderMessage(language, 'notFound'));
        return sendPage(
          reply,
          200,
          renderCurrent(survey, request.params.token, response, language),
        );
      },
    );

    api.post(
      '/s/:token',
      { config: { rateLimit }, schema: { params: z.object({ token }) } },
      async (request, reply) => {
        const form = new URLSearchParams(typeof request.body === 'string' ? request.body : '');
        const survey = await responses.openSurvey(ctx, request.params.token);
        const responseToken = form.get('r');
        const existing = responseToken
          ? await responses.findResponse(ctx, survey, responseToken)
          : undefined;
        const language = chooseLanguage(
          survey.definition,
          request.headers['accept-language'],
          form.get('lang') ?? undefined,
          existing?.language,
        );
        if (responseToken && !existing)
          return sendPage(reply, 404, renderMessage(language, 'notFound'));
        const question = survey.definition.questions.find((q) => q.id === form.get('q'));
        // An unknown question (an old page after the survey changed): show the current one.
        if (!question)
          return sendPage(
            reply,
            400,
            renderCurrent(survey, request.params.token, existing, language),
          );
        const raw = form.has('skip')
          ? undefined
          : question.type === 'multiple'
            ? form.getAll('a')
            : (form.get('a') ?? undefined);
        const parsed = parseAnswer(question, raw);
        if (!parsed.ok) {
          const error = raw === undefined || raw === '' ? 'required' : 'invalid';
          return sendPage(
            reply,
            400,
            renderCurrent(survey, request.params.token, existing, language, { error }),
          );
        }
        const submission = {
          answers: { [question.id]: parsed.value },
          language,
          via: 'form' as const,
        };
        const result = existing
          ? await responses.submit(ctx, survey, existing, submission)
          : await responses.startResponse(ctx, survey, submission);
        return reply.redirect(responsePath(request.params.token, result.response), 303);
      },
    );
  });
}

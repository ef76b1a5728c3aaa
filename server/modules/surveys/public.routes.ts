import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { errors } from '../../errors.ts';
import { publicRateLimit } from '../../http/route-helpers.ts';
import { errorReplies } from '../../http/schemas.ts';
import { definitionSchema } from './definition.ts';
import { nextQuestion, type Answers } from './flow.ts';
import { chooseLanguage } from './language.ts';
import * as responses from './responses.service.ts';
import { answersInput, responseReply } from './surveys.schemas.ts';

const tags = ['surveys (public)'];
const token = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/);
const publicSurvey = definitionSchema
  .omit({ triggers: true, email: true })
  .extend({ name: z.string() });

function answersOrThrow(survey: responses.OpenSurvey, raw: Record<string, unknown>): Answers {
  const { answers, problems } = responses.parseAnswers(survey.definition, raw);
  if (problems.length > 0)
    throw errors.invalid(
      'Some answers are not valid.',
      problems.map((p) => ({ ...p, path: `body.${p.path}` })),
    );
  return answers;
}

function reply(survey: responses.OpenSurvey, result: responses.SubmitResult) {
  const next = nextQuestion(survey.definition, result.response.answers as Answers);
  return {
    responseToken: result.response.token,
    state: next ? ('partial' as const) : ('complete' as const),
    nextQuestionId: next?.id ?? null,
    duplicate: result.duplicate,
  };
}

/**
 * The JSON API for custom survey front-ends: read a survey by its public token, start a
 * response with some answers, add more answers to it. Public, rate-limited, no cookies needed.
 */
export function surveyPublicRoutes(app: FastifyInstance, ctx: AppContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const rateLimit = publicRateLimit(ctx);

  api.get(
    '/s/:token',
    {
      config: { access: 'public', rateLimit },
      schema: {
        tags,
        summary: 'A survey’s questions and texts, by its public token',
        params: z.strictObject({ token }),
        response: { 200: publicSurvey, ...errorReplies, 410: errorReplies[404] },
      },
    },
    async (request) => {
      const survey = await responses.openSurvey(ctx, request.params.token);
      const { triggers: _t, email: _e, ...definition } = survey.definition;
      return { ...definition, name: survey.name };
    },
  );

  api.post(
    '/s/:token/responses',
    {
      config: { access: 'public', rateLimit },
      schema: {
        tags,
        summary: 'Start a response with some answers (an invitation token ties it to the invitee)',
        params: z.strictObject({ token }),
        body: answersInput,
        response: {
          201: responseReply,
          200: responseReply,
          ...errorReplies,
          410: errorReplies[404],
        },
      },
    },
    async (request, reply_) => {
      const survey = await responses.openSurvey(ctx, request.params.token);
      const answers = answersOrThrow(survey, request.body.answers);
      const language = chooseLanguage(
        survey.definition,
        request.headers['accept-language'],
        request.body.language,
      );
      const submission = { answers, language, via: 'api' as const };
      if (request.body.invitation) {
        const invited = await responses.invitedResponse(
          ctx,
          survey,
          request.body.invitation,
          language,
        );
        if (!invited) throw errors.notFound('invitation');
        const result = await responses.submit(ctx, survey, invited, submission);
        return reply_.status(200).send(reply(survey, result));
      }
      const result = await responses.startResponse(ctx, survey, submission);
      return reply_.status(201).send(reply(survey, result));
    },
  );

  api.post(
    '/s/:token/responses/:responseToken',
    {
      config: { access: 'public', rateLimit },
      schema: {
        tags,
        summary: 'Add answers to a response; answers already given for the same questions are kept',
        params: z.strictObject({ token, responseToken: token }),
        body: answersInput.omit({ invitation: true }),
        response: { 200: responseReply, ...errorReplies, 410: errorReplies[404] },
      },
    },
    async (request) => {
      const survey = await responses.openSurvey(ctx, request.params.token);
      const response = await responses.findResponse(ctx, survey, request.params.responseToken);
      if (!response) throw errors.notFound('response');
      const answers = answersOrThrow(survey, request.body.answers);
      const language = chooseLanguage(
        survey.definition,
        request.headers['accept-language'],
        request.body.language,
        response.language,
      );
      return reply(
        survey,
        await responses.submit(ctx, survey, response, { answers, language, via: 'api' }),
      );
    },
  );
}

import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../../context.ts';
import { SESSION_COOKIE } from '../../http/authenticate.ts';
import { clearSessionCookie, publicRateLimit, setSessionCookie } from '../../http/route-helpers.ts';
import { errorReplies, noContent } from '../../http/schemas.ts';
import * as schemas from './auth.schemas.ts';
import * as auth from './auth.service.ts';
import { describeMe, describeSession } from './me.ts';

const tags = ['auth'];

export function authRoutes(app: FastifyInstance, ctx: AppContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const signInLimit = publicRateLimit(ctx, ctx.config.SIGNIN_RATE_LIMIT_PER_MINUTE);

  api.get(
    '/me',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'Who am I: the signed-in person or API key, and their workspaces',
        response: { 200: schemas.meSchema, ...errorReplies },
      },
    },
    async (request) => {
      const principal = request.principal!;
      return describeMe(ctx, principal);
    },
  );

  api.post(
    '/auth/sign-in',
    {
      config: { access: 'public', rateLimit: signInLimit },
      schema: {
        tags,
        summary: 'Sign in with email and password; sets the session cookie',
        body: schemas.signInBody,
        response: { 200: schemas.meSchema, ...errorReplies },
      },
    },
    async (request, reply) => {
      const session = await auth.signIn(ctx, request.body.email, request.body.password, request.ip);
      setSessionCookie(ctx, reply, session);
      return describeSession(ctx, session);
    },
  );

  api.post(
    '/auth/sign-out',
    {
      config: { access: 'authenticated' },
      schema: { tags, summary: 'End this session', response: { 204: noContent, ...errorReplies } },
    },
    async (request, reply) => {
      const token = request.cookies[SESSION_COOKIE];
      if (token) await auth.signOut(ctx, token);
      clearSessionCookie(ctx, reply);
      return reply.status(204).send(null);
    },
  );

  api.get(
    '/setup/status',
    {
      config: { access: 'public', rateLimit: publicRateLimit(ctx) },
      schema: {
        tags,
        summary: 'Whether Hearken still needs its first owner',
        response: { 200: schemas.setupStatusSchema, ...errorReplies },
      },
    },
    async () => ({ needsSetup: await auth.needsSetup(ctx) }),
  );

  api.get(
    '/setup/:token',
    {
      config: { access: 'public', rateLimit: signInLimit },
      schema: {
        tags,
        summary: 'What a one-time link is for',
        params: schemas.tokenParams,
        response: { 200: schemas.tokenInfoSchema, ...errorReplies },
      },
    },
    async (request) => auth.inspectOneTimeToken(ctx, request.params.token),
  );

  api.post(
    '/setup',
    {
      config: { access: 'public', rateLimit: signInLimit },
      schema: {
        tags,
        summary: 'Create the first owner and workspace from the setup link',
        body: schemas.setupBody,
        response: { 201: schemas.meSchema, ...errorReplies },
      },
    },
    async (request, reply) => {
      const { session } = await auth.completeSetup(ctx, request.body, request.ip);
      setSessionCookie(ctx, reply, session);
      const me = await describeSession(ctx, session);
      return reply.status(201).send(me);
    },
  );

  api.post(
    '/auth/set-password',
    {
      config: { access: 'public', rateLimit: signInLimit },
      schema: {
        tags,
        summary: 'Set a password from a one-time link; signs in',
        body: schemas.setPasswordBody,
        response: { 200: schemas.meSchema, ...errorReplies },
      },
    },
    async (request, reply) => {
      const session = await auth.setPasswordWithToken(
        ctx,
        request.body.token,
        request.body.password,
        request.ip,
      );
      setSessionCookie(ctx, reply, session);
      return describeSession(ctx, session);
    },
  );
}

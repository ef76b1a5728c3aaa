import type { FastifyReply, FastifyRequest } from 'fastify';
import type { RateLimitOptions } from '@fastify/rate-limit';
import type { AppContext } from '../context.ts';
import type { Actor } from '../modules/audit/audit.service.ts';
import type { NewSession } from '../modules/auth/auth.service.ts';
import { SESSION_COOKIE } from './authenticate.ts';

/** Per-client-address limit for a public route; `perMinute` defaults to PUBLIC_RATE_LIMIT_PER_MINUTE. */
export function publicRateLimit(
  ctx: AppContext,
  perMinute = ctx.config.PUBLIC_RATE_LIMIT_PER_MINUTE,
): RateLimitOptions {
  return { max: perMinute, timeWindow: 60_000 };
}

/**
 * Limit for signed webhooks: counted per listening post and sender address, with a higher ceiling
 * than other public routes, because a telephony provider posts every call from a few addresses.
 */
export function webhookRateLimit(ctx: AppContext): RateLimitOptions {
  return {
    max: ctx.config.WEBHOOK_RATE_LIMIT_PER_MINUTE,
    timeWindow: 60_000,
    keyGenerator: (request) => {
      const params = request.params as { postId?: string } | undefined;
      return `${params?.postId ?? ''}|${request.ip}`;
    },
  };
}

export function actorOf(request: FastifyRequest): Actor {
  const principal = request.principal;
  return {
    userId: principal?.userId ?? null,
    apiKeyId: principal?.apiKey?.id ?? null,
    apiKeyName: principal?.apiKey?.name ?? null,
    ip: request.ip,
  };
}

export function setSessionCookie(ctx: AppContext, reply: FastifyReply, session: NewSession): void {
  reply.setCookie(SESSION_COOKIE, session.token, {
    httpOnly: true,
    sameSite: 'lax',
    secure: ctx.config.secureCookies,
    path: '/',
    expires: session.expiresAt,
  });
}

export function clearSessionCookie(ctx: AppContext, reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: ctx.config.secureCookies,
  });
}

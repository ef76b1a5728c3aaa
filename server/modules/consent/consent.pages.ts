import type { FastifyError, FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { CONSENT_PURPOSES } from '../../db/schema/index.ts';
import { errors } from '../../errors.ts';
import { publicRateLimit } from '../../http/route-helpers.ts';
import { normaliseError } from '../../http/errors.ts';
import {
  consentQuestionPage,
  consentThanksPage,
  messagePage,
  withdrawPage,
} from './consent.page.ts';
import * as consent from './consent.service.ts';

const FORM_BODY_LIMIT = 8 * 1024;
const TOKEN = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;
const answerInput = z.object({
  purpose: z.enum(CONSENT_PURPOSES),
  answer: z.enum(['yes', 'no']),
});

function parsePath(params: unknown): {
  token: string;
  action: 'withdraw' | 'unsubscribe' | 'consent';
} {
  const rest = String((params as Record<string, unknown>)['*'] ?? '');
  const [token = '', action = '', ...more] = rest.split('/');
  if (more.length > 0 || token.length > 700 || !TOKEN.test(token)) throw errors.notFound('link');
  if (action === '') return { token, action: 'withdraw' };
  if (action === 'unsubscribe' || action === 'consent') return { token, action };
  throw errors.notFound('link');
}

function parseAnswer(input: unknown) {
  const parsed = answerInput.safeParse(input);
  if (!parsed.success) throw errors.invalid('Choose a purpose and an answer.');
  return parsed.data;
}

const allPurposes = CONSENT_PURPOSES.map((purpose) => consent.PURPOSE_LABELS[purpose]);

function sendPage(reply: FastifyReply, status: number, body: string) {
  return reply
    .status(status)
    .header('cache-control', 'no-store')
    .header('referrer-policy', 'no-referrer')
    .type('text/html; charset=utf-8')
    .send(body);
}

/**
 * The personal links in every customer message, outside /api: `/c/<token>` (withdraw consent,
 * one button, POST form), `/c/<token>/unsubscribe` (RFC 8058 one-click POST from the mail
 * client) and `/c/<token>/consent` (answer to "may we contact you again?"). A GET never records
 * anything: link scanners in mail gateways open links, and only a person presses the button.
 */
export function consentPages(app: FastifyInstance, ctx: AppContext): void {
  void app.register(async (pages) => {
    pages.removeAllContentTypeParsers();
    pages.addContentTypeParser(
      ['application/x-www-form-urlencoded', 'multipart/form-data', 'text/plain'],
      { parseAs: 'string', bodyLimit: FORM_BODY_LIMIT },
      (_request, body, done) => done(null, body),
    );
    pages.setErrorHandler((error: FastifyError, request, reply) => {
      const appError = normaliseError(error);
      if (appError.status >= 500) request.log.error({ err: error }, 'consent page failed');
      return sendPage(reply, appError.status, messagePage(appError.status));
    });
    const config = { rateLimit: publicRateLimit(ctx) };
    // One wildcard route per method: tokens are longer than the router's 100-character limit
    // for a path parameter, which a wildcard does not have.
    pages.get('/c/*', { config }, async (request, reply) => {
      const { token, action } = parsePath(request.params);
      const link = await consent.openLink(ctx, token);
      if (action === 'consent') {
        const { purpose, answer } = parseAnswer(request.query);
        const label = consent.PURPOSE_LABELS[purpose];
        const page = consentQuestionPage(
          link.workspace,
          label,
          answer,
          `/c/${token}/consent`,
          purpose,
        );
        return sendPage(reply, 200, page);
      }
      const target = action === 'unsubscribe' ? `/c/${token}/unsubscribe` : `/c/${token}`;
      return sendPage(reply, 200, withdrawPage(link.workspace, allPurposes, target));
    });

    pages.post('/c/*', { config }, async (request, reply) => {
      const { token, action } = parsePath(request.params);
      if (action === 'consent') {
        const form = Object.fromEntries(new URLSearchParams(String(request.body ?? '')));
        const { purpose, answer } = parseAnswer({ ...(request.query as object), ...form });
        const link = await consent.openLink(ctx, token);
        await consent.answerConsent(ctx, link, purpose, answer === 'yes');
        return sendPage(reply, 200, consentThanksPage(link.workspace, answer === 'yes'));
      }
      const link = await consent.openLink(ctx, token);
      if (action === 'unsubscribe') await consent.unsubscribe(ctx, link);
      else await consent.withdrawAll(ctx, link);
      return sendPage(reply, 200, withdrawPage(link.workspace, allPurposes, '', true));
    });
  });
}

import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError, isAppError, type ErrorDetail } from '../errors.ts';

export interface ErrorBody {
  error: { code: string; message: string; details: ErrorDetail[] };
}

/** Fastify's own 4xx errors, renamed to the codes our API documents. */
const fastifyCodes: Record<string, string> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'payload_too_large',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'unsupported_media_type',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'invalid_request',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'invalid_request',
  FST_ERR_CTP_INVALID_JSON_BODY: 'invalid_json',
  FST_ERR_RATE_LIMIT: 'rate_limited',
};

export function toErrorBody(error: AppError): ErrorBody {
  return { error: { code: error.code, message: error.message, details: error.details } };
}

/** Converts anything thrown while handling a request into a documented error body. */
export function normaliseError(error: FastifyError | Error): AppError {
  if (isAppError(error)) return error;
  const fastifyError = error as FastifyError;
  if (hasZodFastifySchemaValidationErrors(fastifyError)) {
    const where = fastifyError.validationContext ?? 'request';
    const details = fastifyError.validation.map((issue) => ({
      path: [where, ...issue.instancePath.split('/').filter(Boolean)].join('.'),
      message: issue.message ?? 'is invalid',
    }));
    return new AppError('invalid_request', 400, `The ${where} is not valid.`, details);
  }
  if (error instanceof SyntaxError || fastifyError.code === 'FST_ERR_CTP_INVALID_JSON_BODY') {
    return new AppError('invalid_json', 400, 'The body is not valid JSON.');
  }
  const status = fastifyError.statusCode ?? 500;
  if (status >= 400 && status < 500) {
    const code = (fastifyError.code && fastifyCodes[fastifyError.code]) ?? 'invalid_request';
    return new AppError(code, status, fastifyError.message);
  }
  return new AppError(
    'internal',
    500,
    'Something went wrong on our side; the request id is in the logs.',
  );
}

export function errorHandler(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  const appError = normaliseError(error);
  if (appError.status >= 500) request.log.error({ err: error }, 'request failed');
  else request.log.info({ code: appError.code, status: appError.status }, appError.message);
  return reply.status(appError.status).send(toErrorBody(appError));
}

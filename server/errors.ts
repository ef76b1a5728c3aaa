/**
 * Application errors carry a stable machine code, an HTTP status and optional details.
 * Services throw them; the HTTP layer turns them into `{ error: { code, message, details } }`.
 */
export interface ErrorDetail {
  path: string;
  message: string;
}

export class AppError extends Error {
  constructor(
    readonly code: string,
    readonly status: number,
    message: string,
    readonly details: ErrorDetail[] = [],
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const errors = {
  invalid: (message: string, details: ErrorDetail[] = []) =>
    new AppError('invalid_request', 400, message, details),
  unauthenticated: (message = 'Sign in or send a valid API key.') =>
    new AppError('unauthenticated', 401, message),
  forbidden: (message = 'Your role does not allow this.') =>
    new AppError('forbidden', 403, message),
  csrf: () =>
    new AppError(
      'csrf_failed',
      403,
      'Missing or wrong X-CSRF-Token header for a cookie-authenticated write.',
    ),
  notFound: (what: string, id?: string | number) =>
    new AppError(
      'not_found',
      404,
      id === undefined ? `No such ${what}.` : `No ${what} with id ${id}.`,
    ),
  conflict: (message: string, details: ErrorDetail[] = []) =>
    new AppError('conflict', 409, message, details),
  gone: (message: string) => new AppError('gone', 410, message),
  tooLarge: (message: string) => new AppError('payload_too_large', 413, message),
  unsupportedMediaType: (message: string) => new AppError('unsupported_media_type', 415, message),
  rateLimited: (retryAfterSeconds: number) =>
    new AppError('rate_limited', 429, `Too many requests; retry in ${retryAfterSeconds} s.`),
};

export function isAppError(value: unknown): value is AppError {
  return value instanceof AppError;
}

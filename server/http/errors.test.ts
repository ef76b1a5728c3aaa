import { expect, it } from 'vitest';
import { errors } from '../errors.ts';
import { normaliseError, toErrorBody } from './errors.ts';

it('keeps application errors as they are', () => {
  const error = errors.notFound('case', '42');
  expect(toErrorBody(normaliseError(error))).toEqual({
    error: { code: 'not_found', message: 'No case with id 42.', details: [] },
  });
});

it('maps Fastify client errors to documented codes and hides server errors', () => {
  const tooLarge = Object.assign(new Error('Request body is too large'), {
    statusCode: 413,
    code: 'FST_ERR_CTP_BODY_TOO_LARGE',
  });
  expect(normaliseError(tooLarge)).toMatchObject({ status: 413, code: 'payload_too_large' });
  const crash = normaliseError(new TypeError('cannot read x of undefined'));
  expect(crash).toMatchObject({ status: 500, code: 'internal' });
  expect(crash.message).not.toContain('undefined');
});

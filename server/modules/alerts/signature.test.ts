import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { newWebhookSecret, signatureHeader, verifySignature } from './signature.ts';

const secret = 'whsec_test-secret';
const body = '{"type":"alert.fired","id":"a1"}';
const now = 1_750_000_000;

describe('webhook signatures', () => {
  it('signs "<timestamp>.<body>" with HMAC-SHA256, as the docs tell receivers', () => {
    const header = signatureHeader(secret, body, now);
    const expected = createHmac('sha256', secret).update(`${now}.${body}`).digest('hex');
    expect(header).toBe(`t=${now},v1=${expected}`);
  });

  it('verifies its own signature within the tolerance', () => {
    const header = signatureHeader(secret, body, now);
    expect(verifySignature(secret, body, header, now + 299)).toEqual({ ok: true });
  });

  it('refuses a changed body, another secret, or a changed timestamp', () => {
    const header = signatureHeader(secret, body, now);
    expect(verifySignature(secret, body.replace('a1', 'a2'), header, now)).toEqual({
      ok: false,
      reason: 'mismatch',
    });
    expect(verifySignature('whsec_other', body, header, now).ok).toBe(false);
    const moved = header.replace(`t=${now}`, `t=${now + 10}`);
    expect(verifySignature(secret, body, moved, now + 10)).toEqual({
      ok: false,
      reason: 'mismatch',
    });
  });

  it('refuses replays outside the tolerance and malformed headers', () => {
    const header = signatureHeader(secret, body, now);
    expect(verifySignature(secret, body, header, now + 301)).toEqual({
      ok: false,
      reason: 'stale',
    });
    expect(verifySignature(secret, body, 'v1=abc', now).ok).toBe(false);
    expect(verifySignature(secret, body, `t=${now}`, now)).toEqual({
      ok: false,
      reason: 'malformed',
    });
  });

  it('accepts any one of several v1 signatures (secret rotation)', () => {
    const header = `${signatureHeader(secret, body, now)},v1=${'0'.repeat(64)}`;
    expect(verifySignature(secret, body, header, now).ok).toBe(true);
  });

  it('makes long, distinct secrets', () => {
    const a = newWebhookSecret();
    expect(a).toMatch(/^whsec_[\w-]{43}$/);
    expect(newWebhookSecret()).not.toBe(a);
  });
});

import { expect, it } from 'vitest';
import type { PendingRawItem } from '../ingest/ingest.repository.ts';
import { MAX_TEXT_LENGTH } from '../ingest/ingest.schemas.ts';
import { normaliseEmail } from './normalise-email.ts';

const raw = (message: Record<string, unknown>): PendingRawItem => ({
  id: 1,
  channel: 'email',
  postId: null,
  postTouchpointId: 'tp-1',
  receivedAt: '2025-03-04T10:00:00.000Z',
  payload: {
    v: 1,
    envelope: { via: 'smtp' },
    threadId: 'thread-1',
    message: {
      messageId: 'm1@example.org',
      inReplyTo: null,
      references: [],
      subject: 'Subject line',
      date: null,
      from: { name: null, address: 'pat@example.org' },
      fromHeader: 'pat@example.org',
      to: [],
      cc: [],
      text: 'Body',
      ...message,
    },
    attachments: [],
  },
});

it('files an email under its touchpoint with the sender as contact', () => {
  expect(normaliseEmail(raw({}))).toMatchObject({
    channel: 'email',
    touchpointId: 'tp-1',
    text: 'Body',
    receivedAt: '2025-03-04T10:00:00.000Z',
    contact: { email: 'pat@example.org' },
    metadata: { subject: 'Subject line', threadId: 'thread-1', messageId: 'm1@example.org' },
  });
});

it('uses the subject when the body is empty, and marks a body cut to the feedback limit', () => {
  expect(normaliseEmail(raw({ text: '' })).text).toBe('Subject line');
  const long = normaliseEmail(raw({ text: 'a'.repeat(MAX_TEXT_LENGTH * 3) }));
  expect(long.text).toHaveLength(MAX_TEXT_LENGTH);
  expect(long.metadata).toMatchObject({ textTruncated: true, bodyLength: MAX_TEXT_LENGTH * 3 });
});

it('refuses a payload that is not a stored email, with the reason', () => {
  expect(() => normaliseEmail({ ...raw({}), payload: { text: 'hi' } })).toThrow(
    /Not a stored email: v:/,
  );
});

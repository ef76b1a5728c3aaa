import { expect, it } from 'vitest';
import { readTranscript, signBody, verifySignature } from './transcript.ts';

it('accepts only the signature made with the post’s secret over the exact body', () => {
  const body = '{"callId":"c1","transcript":"hello"}';
  const signature = signBody('s3cret', body);
  expect(signature).toMatch(/^sha256=[0-9a-f]{64}$/);
  expect(verifySignature('s3cret', body, signature)).toBe(true);
  expect(verifySignature('s3cret', `${body} `, signature)).toBe(false);
  expect(verifySignature('other', body, signature)).toBe(false);
  expect(verifySignature('s3cret', body, undefined)).toBe(false);
  expect(verifySignature('s3cret', body, 'sha256=00')).toBe(false);
});

it('reads the same fields from the JSON and the form-encoded shapes', () => {
  expect(
    readTranscript({
      format: 'json',
      body: { callId: 'c1', kind: 'voicemail', transcript: 'Still waiting', from: '+15550100' },
    }),
  ).toMatchObject({
    callId: 'c1',
    text: 'Still waiting',
    phone: '+15550100',
  });
  expect(
    readTranscript({
      format: 'form',
      body: { CallSid: 'CA1', TranscriptionText: 'No one called back', From: '+15550101' },
    }),
  ).toMatchObject({
    callId: 'CA1',
    text: 'No one called back',
    phone: '+15550101',
  });
});

import { expect, it } from 'vitest';
import { nextPollDelayMs, planFetch } from './imap-poll.ts';

it('fetches only the UIDs after the last one taken, within one UIDVALIDITY', () => {
  const mailbox = { uidValidity: 77, uidNext: 11 };
  expect(planFetch({ uidValidity: null, lastUid: 0 }, mailbox)).toEqual({
    fromUid: 1,
    reset: true,
  });
  expect(planFetch({ uidValidity: 77, lastUid: 4 }, mailbox)).toEqual({ fromUid: 5, reset: false });
  expect(planFetch({ uidValidity: 77, lastUid: 10 }, mailbox)).toBeNull();
  // An empty mailbox has nothing to fetch, even on the first run.
  expect(planFetch({ uidValidity: null, lastUid: 0 }, { uidValidity: 5, uidNext: 1 })).toBeNull();
});

it('starts again from the first UID when the server changes UIDVALIDITY', () => {
  expect(planFetch({ uidValidity: 77, lastUid: 10 }, { uidValidity: 78, uidNext: 3 })).toEqual({
    fromUid: 1,
    reset: true,
  });
});

it('backs off exponentially after failures, up to an hour', () => {
  expect(nextPollDelayMs(0)).toBe(60_000);
  expect(nextPollDelayMs(1)).toBe(120_000);
  expect(nextPollDelayMs(3)).toBe(480_000);
  expect(nextPollDelayMs(20)).toBe(3_600_000);
});

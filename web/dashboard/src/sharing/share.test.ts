import { describe, expect, it } from 'vitest';
import { outcomeText, shareInput, shareProblems } from './share.ts';
import type { ShareFields } from './share.ts';

const TEAM = '7d4a1f0e-55b1-4c1e-9a51-0d4c2b3f9a10';
const fields = (over: Partial<ShareFields>): ShareFields => ({
  kind: 'email',
  teamId: '',
  url: '',
  secret: '',
  note: '',
  ...over,
});

describe('shareProblems', () => {
  it('asks for a team for e-mail, and a web URL for Slack and webhooks', () => {
    expect(shareProblems(fields({}))).toHaveProperty('teamId');
    expect(shareProblems(fields({ teamId: TEAM }))).toEqual({});
    expect(shareProblems(fields({ kind: 'slack' }))).toEqual({ url: 'Give the URL to post to.' });
    expect(shareProblems(fields({ kind: 'webhook', url: 'ftp://example.com/x' }))).toHaveProperty(
      'url',
    );
    expect(
      shareProblems(fields({ kind: 'slack', url: 'https://hooks.slack.com/services/T/B/x' })),
    ).toEqual({});
  });

  it('refuses a short webhook secret but allows none', () => {
    const hook = { kind: 'webhook' as const, url: 'https://example.com/hook' };
    expect(shareProblems(fields({ ...hook, secret: 'short' }))).toHaveProperty('secret');
    expect(shareProblems(fields({ ...hook, secret: '' }))).toEqual({});
    expect(shareProblems(fields({ ...hook, secret: 'a-long-enough-secret' }))).toEqual({});
  });
});

describe('shareInput', () => {
  it('leaves out blanks and sends a secret only with a webhook', () => {
    expect(shareInput(fields({ teamId: TEAM, note: '  ' }))).toEqual({
      teamId: TEAM,
      destination: { kind: 'email' },
    });
    expect(
      shareInput(
        fields({ kind: 'slack', url: ' https://hooks.slack.com/x ', secret: 'x'.repeat(20) }),
      ),
    ).toEqual({ destination: { kind: 'slack', url: 'https://hooks.slack.com/x' } });
    expect(
      shareInput(
        fields({
          kind: 'webhook',
          url: 'https://example.com/h',
          secret: 's'.repeat(16),
          note: 'Look',
        }),
      ),
    ).toEqual({
      destination: { kind: 'webhook', url: 'https://example.com/h', secret: 's'.repeat(16) },
      note: 'Look',
    });
  });
});

describe('outcomeText', () => {
  const base = { shareId: TEAM, recipients: 0, responseStatus: null };
  it('says it arrived, or why not with the HTTP status when there was one', () => {
    expect(
      outcomeText({ ...base, delivered: true, detail: '2 e-mail(s) queued in the outbox' }),
    ).toBe('Shared: 2 e-mail(s) queued in the outbox');
    expect(outcomeText({ ...base, delivered: false, detail: 'refused', responseStatus: 404 })).toBe(
      'Not delivered (HTTP 404): refused',
    );
    expect(outcomeText({ ...base, delivered: false, detail: 'could not connect' })).toBe(
      'Not delivered: could not connect',
    );
  });
});

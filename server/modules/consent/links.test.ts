import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../config/env.ts';
import { consentLinks, consentToken, readConsentToken, serverSecret } from './links.ts';

const ws = '0b7f8f2e-3c1d-4a5b-9e6f-112233445566';
const msg = '5f0c2a9e-1111-4222-8333-444455556666@acme.test';
const config = (secret = 'a'.repeat(40)) =>
  parseConfig({ HEARKEN_SECRET: secret, PUBLIC_URL: 'https://feedback.acme.test' });

describe('consent links', () => {
  it('round-trips the workspace and Message-ID through a signed token', () => {
    const token = consentToken(config(), ws, msg);
    expect(readConsentToken(config(), token)).toEqual({ workspaceId: ws, messageId: msg });
  });

  it('refuses a token signed with another secret, or with another message', () => {
    const token = consentToken(config(), ws, msg);
    expect(readConsentToken(config('b'.repeat(40)), token)).toBeNull();
    const [a, , mac] = token.split('.');
    const other = Buffer.from('other@acme.test').toString('base64url');
    expect(readConsentToken(config(), `${a}.${other}.${mac}`)).toBeNull();
    expect(readConsentToken(config(), 'x.y')).toBeNull();
  });

  it('builds the withdraw, one-click and answer URLs under PUBLIC_URL', () => {
    const links = consentLinks(config(), ws, msg);
    const token = consentToken(config(), ws, msg);
    expect(links.withdraw).toBe(`https://feedback.acme.test/c/${token}`);
    expect(links.unsubscribe).toBe(`https://feedback.acme.test/c/${token}/unsubscribe`);
    expect(links.yes('follow_up')).toBe(
      `https://feedback.acme.test/c/${token}/consent?purpose=follow_up&answer=yes`,
    );
    expect(links.no('surveys')).toContain('purpose=surveys&answer=no');
  });

  it('generates a secret once and keeps it in DATA_DIR when none is configured', () => {
    const dir = mkdtempSync(join(tmpdir(), 'hearken-secret-'));
    const first = serverSecret(parseConfig({ DATA_DIR: dir }));
    const file = join(dir, 'hearken-secret');
    expect(readFileSync(file, 'utf8').trim()).toBe(first.toString('utf8'));
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(first.length).toBeGreaterThanOrEqual(32);
  });
});

import { describe, expect, it } from 'vitest';
import { pickLanguage } from '../../../web/widget/language.ts';
import { normaliseWidgetResponse } from './normalise-widget.ts';
import { createWindowLimit } from './post-rate-limit.ts';
import { userAgentFamily } from './user-agent.ts';
import { widgetSettingsSchema } from './widget.settings.ts';

describe('widget settings', () => {
  it('fill defaults, normalise origins and tags, and refuse paths in origins', () => {
    const settings = widgetSettingsSchema.parse({
      question: { type: 'ces', text: { 'FR-ca': 'Facile ?', en: 'Easy?' } },
      allowedOrigins: ['https://Shop.Example/', 'http://localhost:8080'],
    });
    expect(settings.question.text).toEqual({ 'fr-ca': 'Facile ?', en: 'Easy?' });
    expect(settings.allowedOrigins).toEqual(['https://shop.example', 'http://localhost:8080']);
    expect(settings.position).toBe('bottom-right');
    expect(
      widgetSettingsSchema.safeParse({ allowedOrigins: ['https://a.example/x'] }).success,
    ).toBe(false);
    expect(widgetSettingsSchema.safeParse({ allowedOrigins: ['ftp://a.example'] }).success).toBe(
      false,
    );
  });
});

describe('pickLanguage', () => {
  const available = ['en', 'fr', 'pt-br'];
  it('prefers an exact tag, then the primary language, else the default', () => {
    expect(pickLanguage(available, 'en', ['fr-CA', 'en'])).toBe('fr');
    expect(pickLanguage(available, 'en', ['pt'])).toBe('pt-br');
    expect(pickLanguage(available, 'en', ['de-DE', undefined, 'ja'])).toBe('en');
    expect(pickLanguage(available, 'fr', [])).toBe('fr');
  });
});

describe('userAgentFamily', () => {
  it('names the browser family and device class only', () => {
    expect(
      userAgentFamily(
        'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1',
      ),
    ).toEqual({ browser: 'Safari', device: 'mobile' });
    expect(
      userAgentFamily(
        'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36 Edg/126.0',
      ),
    ).toEqual({ browser: 'Edge', device: 'desktop' });
    expect(userAgentFamily(undefined)).toEqual({ browser: 'unknown', device: 'unknown' });
  });
});

describe('post rate limit', () => {
  it('counts per key in fixed windows', () => {
    let now = 0;
    const limit = createWindowLimit(2, 60_000, () => now);
    limit.hit('a');
    limit.hit('a');
    expect(() => limit.hit('a')).toThrow(/Too many requests/);
    limit.hit('b');
    now = 60_000;
    expect(() => limit.hit('a')).not.toThrow();
  });
});

describe('normaliseWidgetResponse', () => {
  it('explains a raw item that is not a widget response', () => {
    expect(() =>
      normaliseWidgetResponse({
        id: 1,
        channel: 'widget',
        postId: null,
        postTouchpointId: null,
        payload: { body: { score: 3 } },
        receivedAt: new Date().toISOString(),
      }),
    ).toThrow(/Not a widget response/);
  });
});

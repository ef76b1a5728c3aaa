import { describe, expect, it } from 'vitest';
import { extractKeyPhrases } from './key-phrases.ts';

const phrasesOf = (text: string) => extractKeyPhrases(text).map((entry) => entry.phrase);

describe('extractKeyPhrases', () => {
  it('keeps offsets exact after emoji, accents and combining marks', () => {
    const text =
      '😡👍🏽 Le café était froid. My résumé upload failed; the naïve re\u0301sume\u0301 parser too.';
    const phrases = extractKeyPhrases(text);
    expect(phrases.length).toBeGreaterThan(0);
    for (const phrase of phrases) {
      // A span is the words as written: it starts and ends on a letter, with no emoji inside.
      const written = text.slice(phrase.start, phrase.end);
      expect(written).toMatch(/^\p{L}[\p{L}\p{M}\s-]*$/u);
      expect(written.normalize('NFC').toLowerCase().split(/\s+/u).length).toBeLessThanOrEqual(4);
    }
    // Combining accents give the same phrase as precomposed letters.
    expect(phrases.map((entry) => entry.phrase)).toContain('naïve résumé parser');
    const resume = phrases.find((entry) => entry.phrase.startsWith('résumé'));
    expect(resume).toBeDefined();
    expect(text.slice(resume!.start, resume!.start + 6)).toBe('résumé');
  });

  it('gives spans that start and end on the words of the phrase', () => {
    const text = 'Hi 👋🏾 — terrible customer support 😤 and the password reset emails never arrive.';
    const found = extractKeyPhrases(text);
    const spans = found.map((entry) => text.slice(entry.start, entry.end));
    expect(spans).toContain('customer support');
    expect(spans).toContain('password reset emails');
    expect(found.find((entry) => entry.phrase === 'customer support')).toMatchObject({
      start: text.indexOf('customer'),
      end: text.indexOf(' 😤'),
    });
  });

  it('lemmatises and merges plural and singular forms', () => {
    expect(phrasesOf('Deliveries were late.')).toContain('delivery');
    expect(phrasesOf('The delivery was late.')).toContain('delivery');
    expect(phrasesOf('Your apps and e-mails')).toEqual(expect.arrayContaining(['app', 'email']));
    expect(phrasesOf('I love this app')).toContain('app');
  });

  it('keeps domain compounds whole and drops opinion and generic words', () => {
    const phrases = phrasesOf(
      'Terrible customer support, a double charge on my card and a new password reset flow.',
    );
    expect(phrases).toEqual(
      expect.arrayContaining(['customer support', 'double charge', 'card', 'password reset flow']),
    );
    expect(phrases.some((phrase) => phrase.includes('terrible') || phrase.includes('new'))).toBe(
      false,
    );
    expect(phrasesOf('It took days, a lot of time.')).toEqual([]);
  });

  it('names the issue a verb describes', () => {
    expect(phrasesOf('My deliveries were delayed again')).toContain('delivery delay');
    expect(phrasesOf('I was charged twice')).toContain('charge');
    expect(phrasesOf('The app keeps crashing')).toContain('app crash');
    expect(phrasesOf("I can't sign in")).toContain('login');
    expect(phrasesOf('I was double-charged')).toContain('double charge');
    expect(phrasesOf('The waiter was rude')).toContain('staff attitude');
  });

  it('drops handles and contractions from phrases', () => {
    const phrases = phrasesOf("@notely I'm stuck, the log in. Christmas order is lost");
    expect(phrases.some((phrase) => phrase.includes('@') || phrase.includes("'"))).toBe(false);
    expect(phrases.some((phrase) => phrase.includes('.'))).toBe(false);
  });

  it('returns nothing for text without nouns', () => {
    expect(extractKeyPhrases('')).toEqual([]);
    expect(extractKeyPhrases('😀😀 !!!')).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { analyseText } from '../analyse.ts';
import { SENTIMENT_LABELS, type KeyPhrase } from '../types.ts';
import { analyseSentiment } from './index.ts';

const score = (text: string) => analyseSentiment(text).score;
const label = (text: string) => analyseSentiment(text).label;

/** A key phrase for `word`, as `extractKeyPhrases` would give it. */
function phrase(text: string, word: string): KeyPhrase {
  const start = text.indexOf(word);
  if (start < 0) throw new Error(`"${word}" is not in "${text}"`);
  return { phrase: word, start, end: start + word.length };
}

describe('analyseSentiment: reading rules', () => {
  it('negation reverses a feeling and denies what a customer expected', () => {
    expect(label('The food was good.')).toBe('positive');
    expect(label('The food was not good.')).toBe('negative');
    expect(label('Not bad at all.')).toBe('positive');
    expect(label('I would not recommend this airline to anyone.')).toBe('negative');
    expect(label('The parcel never arrived.')).toBe('negative');
    expect(label("The app doesn't work.")).toBe('negative');
    expect(label('No complaints whatsoever.')).toBe('positive');
    // Reach: "a single" does not block the denial; a clause boundary does.
    expect(label("We haven't had a single problem.")).toBe('positive');
    expect(score('Not the cheapest, but great.')).toBeGreaterThan(0);
  });

  it('intensifiers raise and dampeners lower the strength, never the direction', () => {
    expect(score('The food was very good.')).toBeGreaterThan(score('The food was good.'));
    expect(score('Extremely rude staff.')).toBeLessThan(score('Rude staff.'));
    expect(score('The food was slightly good.')).toBeLessThan(score('The food was good.'));
    expect(score('The food was slightly good.')).toBeGreaterThan(0);
    expect(score('It is a bit slow.')).toBeGreaterThan(score('It is slow.'));
    expect(score('It is a bit slow.')).toBeLessThan(0);
  });

  it('contrast gives the clause after "but" the last word', () => {
    expect(score('The room was fine but the staff were rude.')).toBeLessThan(0);
    expect(score('The staff were rude but the room was lovely.')).toBeGreaterThan(0);
    // A featureless side of a contrast means the opposite of the other side.
    expect(label('Good selection, though the checkout queues are long.')).toBe('mixed');
    expect(label('Although the driver was friendly, the sofa arrived torn.')).toBe('mixed');
  });

  it('capitals and exclamation marks add emphasis in the direction of the feeling', () => {
    expect(score('The food was GOOD.')).toBeGreaterThan(score('The food was good.'));
    expect(score('The food was good!!!')).toBeGreaterThan(score('The food was good!'));
    expect(score('The food was good!')).toBeGreaterThan(score('The food was good.'));
    expect(score('The service was terrible!!')).toBeLessThan(score('The service was terrible.'));
  });

  it('reads emoji (with skin tones and joiners) and emoticons', () => {
    expect(label('Arrived today 😍')).toBe('positive');
    expect(label('Arrived today 😡')).toBe('negative');
    expect(label('Great help 👍🏽')).toBe('positive');
    expect(label('Delivery again 👎')).toBe('negative');
    expect(label('Happy camper :)')).toBe('positive');
    expect(label('Order still missing :(')).toBe('negative');
    expect(label('Love it <3')).toBe('positive');
    // A colon in a time is not a face.
    expect(label('The shop opens at 10:30.')).toBe('neutral');
  });

  it('knows the vocabulary of customer service', () => {
    for (const complaint of [
      'I was on hold for an hour.',
      'Still waiting for my refund.',
      'I want to cancel my subscription.',
      'I want a refund.',
      'No one called back.',
      'Nobody called me back after three days.',
      'They charged me twice.',
      'Took three weeks to answer my email.',
      'The app keeps crashing.',
      'Stopped working after a week.',
      'This is the third time I am writing about this.',
      'I was passed around between four departments.',
    ]) {
      expect(label(complaint), complaint).toBe('negative');
    }
    for (const praise of [
      'Got a full refund the next day, no questions asked.',
      'Sorted in minutes.',
      'She went above and beyond.',
      "Couldn't have asked for better.",
      "Can't recommend them enough.",
      'Arrived early and works like a charm.',
    ]) {
      expect(label(praise), praise).toBe('positive');
    }
  });

  it('does not read politeness, greetings, sign-offs or questions as feeling', () => {
    expect(
      label('Hi Ben,\nPlease update the billing address on our account.\nKind regards,\nTom'),
    ).toBe('neutral');
    expect(label('Could you send me a copy of my contract?')).toBe('neutral');
    expect(label('Best,\nRuth')).toBe('neutral');
    // "Best" opening a real sentence still counts.
    expect(label('Hello. Best purchase this year.')).toBe('positive');
  });

  it('labels mixed feedback as mixed, per text and per sentence', () => {
    const result = analyseSentiment('The app is great but support took three days.');
    expect(result.label).toBe('mixed');
    expect(result.sentences[0]?.label).toBe('mixed');
    expect(label('Room was spotless. Breakfast was cold and stale.')).toBe('mixed');
    expect(label('Room was spotless. Breakfast was lovely.')).toBe('positive');
  });

  it('turns short ironic praise against the complaint around it', () => {
    expect(label('Nine days late and the box was crushed. Impressive.')).toBe('negative');
    expect(label('Love the new "simplified" pricing.')).not.toBe('positive');
  });

  it('tells heartfelt "thank you so much for" from sarcastic "so much for"', () => {
    expect(label('Priya Patel, thank you so much for sorting it out!')).toBe('positive');
    expect(label('Thanks so much for fixing it.')).toBe('positive');
    expect(label('So much for express delivery.')).toBe('negative');
    expect(label('Thanks so much for the 5 hour delay.')).toBe('negative');
  });
});

describe('analyseSentiment: aspects, ranges and offsets', () => {
  it('gives each aspect the sentiment of its clause: the app/support example', () => {
    const text = 'The app is great but support took three days.';
    const result = analyseSentiment(text, [phrase(text, 'app'), phrase(text, 'support')]);
    expect(result.aspects).toEqual([
      expect.objectContaining({ aspect: 'app', start: 4, end: 7, label: 'positive' }),
      expect.objectContaining({ aspect: 'support', start: 21, end: 28, label: 'negative' }),
    ]);
    expect(result.aspects[0]!.score).toBeGreaterThan(0);
    expect(result.aspects[1]!.score).toBeLessThan(0);
  });

  it('the facade passes its key phrases as aspects', () => {
    const analysis = analyseText('The app is great but support took three days.');
    const support = analysis.sentiment?.aspects.find((aspect) => aspect.aspect === 'support');
    const app = analysis.sentiment?.aspects.find((aspect) => aspect.start === 4);
    expect(support?.label).toBe('negative');
    expect(app?.label).toBe('positive');
    expect(analysis.sentiment?.aspects).toHaveLength(analysis.keyPhrases.length);
  });

  it('an aspect outside any clause is neutral, and no aspects given means none returned', () => {
    const text = 'Great service.';
    expect(analyseSentiment(text).aspects).toEqual([]);
    const outside = analyseSentiment(text, [{ phrase: 'ghost', start: 200, end: 205 }]);
    expect(outside.aspects[0]).toMatchObject({ aspect: 'ghost', score: 0, label: 'neutral' });
  });

  it('keeps scores in [-1, 1] and labels in the contract, whatever the input', () => {
    const texts = [
      '',
      '   ',
      'GREAT GREAT GREAT!!!!!!!!! 😍😍😍😍😍😍 '.repeat(50),
      'worst worst worst terrible awful 😡😡😡 '.repeat(50),
      'not not not not good',
      '?!?!?!',
      'ok',
    ];
    for (const text of texts) {
      const result = analyseSentiment(text);
      for (const part of [result, ...result.sentences]) {
        expect(part.score).toBeGreaterThanOrEqual(-1);
        expect(part.score).toBeLessThanOrEqual(1);
        expect(SENTIMENT_LABELS).toContain(part.label);
      }
    }
    expect(analyseSentiment('')).toEqual({
      score: 0,
      label: 'neutral',
      sentences: [],
      aspects: [],
    });
  });

  it('gives sentence offsets into the text, trimmed, including closing punctuation', () => {
    const text = '  Great app!  Support was slow…\nThanks, Tom ';
    const sentences = analyseSentiment(text).sentences.map((s) => text.slice(s.start, s.end));
    expect(sentences).toEqual(['Great app!', 'Support was slow…', 'Thanks, Tom']);
  });

  it('keeps offsets right around emoji and surrogate pairs (UTF-16 indices)', () => {
    const text = '😍😍 Lovely staff. 👎 Awful food.';
    const result = analyseSentiment(text, [phrase(text, 'staff'), phrase(text, 'food')]);
    expect(result.sentences.map((s) => text.slice(s.start, s.end))).toEqual([
      '😍😍 Lovely staff.',
      '👎 Awful food.',
    ]);
    expect(text.slice(result.aspects[0]!.start, result.aspects[0]!.end)).toBe('staff');
    expect(result.aspects.map((aspect) => aspect.label)).toEqual(['positive', 'negative']);
  });
});

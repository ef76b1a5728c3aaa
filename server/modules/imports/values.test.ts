import { describe, expect, it } from 'vitest';
import { dateOrderOf, readDate, readDomain, readScore } from './values.ts';

describe('readScore', () => {
  it('reads whole numbers, labelled answers and Zendesk words', () => {
    expect(readScore('9', 'nps')).toBe(9);
    expect(readScore(' 10 - Extremely likely ', 'nps')).toBe(10);
    expect(readScore('4/5', 'csat')).toBe(4);
    expect(readScore('7.0', 'ces')).toBe(7);
    expect(readScore('Good', 'csat')).toBe(5);
    expect(readScore("Bad, I'm unsatisfied", 'csat')).toBe(1);
  });

  it('tells no answer (null) from an unreadable value (undefined)', () => {
    expect(readScore('', 'nps')).toBeNull();
    expect(readScore('Offered', 'csat')).toBeNull();
    expect(readScore('n/a', 'nps')).toBeNull();
    expect(readScore('4.5', 'csat')).toBeUndefined();
    expect(readScore('great', 'nps')).toBeUndefined();
    expect(readScore('good', 'nps')).toBeUndefined();
    expect(readScore('-1', 'nps')).toBeUndefined();
  });
});

describe('readDate', () => {
  it('reads ISO dates with and without a zone (no zone is UTC)', () => {
    expect(readDate('2024-03-05 14:22:10')).toBe('2024-03-05T14:22:10.000Z');
    expect(readDate('2024-03-05T14:22:10-08:00')).toBe('2024-03-05T22:22:10.000Z');
    expect(readDate('2024-03-05 14:22:10 -0800')).toBe('2024-03-05T22:22:10.000Z');
    expect(readDate('2024-03-05T14:22:10.5Z')).toBe('2024-03-05T14:22:10.500Z');
    expect(readDate('2024-03-05')).toBe('2024-03-05T00:00:00.000Z');
  });

  it('reads slashed dates in the given order, dotted dates day first, and timestamps', () => {
    expect(readDate('03/05/2024 02:22:10 PM')).toBe('2024-03-05T14:22:10.000Z');
    expect(readDate('03/05/2024 12:05 AM')).toBe('2024-03-05T00:05:00.000Z');
    expect(readDate('03/05/2024', 'dmy')).toBe('2024-05-03T00:00:00.000Z');
    expect(readDate('05.03.24 14:22')).toBe('2024-03-05T14:22:00.000Z');
    expect(readDate('1709648530')).toBe('2024-03-05T14:22:10.000Z');
    expect(readDate('1709648530000')).toBe('2024-03-05T14:22:10.000Z');
    expect(readDate('March 5, 2024 2:22 PM')).toBe('2024-03-05T14:22:00.000Z');
  });

  it('refuses impossible or unreadable dates, and reads a blank as no date', () => {
    expect(readDate('2024-02-30')).toBeUndefined();
    expect(readDate('13/13/2024')).toBeUndefined();
    expect(readDate('2024-03-05 25:00')).toBeUndefined();
    expect(readDate('yesterday')).toBeUndefined();
    expect(readDate('  ')).toBeNull();
  });

  it('finds the order of slashed dates from a part above 12', () => {
    expect(dateOrderOf(['03/05/2024', '25/05/2024'])).toBe('dmy');
    expect(dateOrderOf(['03/05/2024', '05/25/2024'])).toBe('mdy');
    expect(dateOrderOf(['03/05/2024'])).toBeUndefined();
    expect(dateOrderOf(['05.03.2024'])).toBe('dmy');
  });
});

describe('readDomain', () => {
  it('strips the scheme, www and path', () => {
    expect(readDomain('https://www.Acme.com/about')).toBe('acme.com');
    expect(readDomain('initech.example')).toBe('initech.example');
    expect(readDomain(' ')).toBeUndefined();
  });
});

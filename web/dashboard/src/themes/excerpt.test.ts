import { describe, expect, it } from 'vitest';
import { excerpt } from './excerpt.ts';

const words = (count: number, word = 'word') => Array.from({ length: count }, () => word).join(' ');

describe('excerpt', () => {
  it('keeps a short text whole, with its focus', () => {
    expect(excerpt('Support was slow.', 0, 7)).toEqual({
      text: 'Support was slow.',
      focus: { start: 0, end: 7 },
    });
    expect(excerpt('Support was slow.', null, null).focus).toBeNull();
    expect(excerpt('Support was slow.', 5, 99).focus).toBeNull();
  });

  it('centres a long text on the focus, at word boundaries, and the focus still points at it', () => {
    const key = 'The parcel arrived broken.';
    const text = `${words(100)} ${key} ${words(100)}`;
    const start = text.indexOf(key);
    const cut = excerpt(text, start, start + key.length, 120);
    expect(cut.text.length).toBeLessThanOrEqual(122);
    expect(cut.text.startsWith('…')).toBe(true);
    expect(cut.text.endsWith('…')).toBe(true);
    expect(cut.text.slice(cut.focus!.start, cut.focus!.end)).toBe(key);
    // Cut between words, not inside one.
    expect(cut.text).toMatch(/^…word /);
    expect(cut.text).toMatch(/ word…$/);
  });

  it('starts at the beginning without a focus, and near the end when the focus is there', () => {
    const text = `${words(100)} the end`;
    expect(excerpt(text, null, null, 50).text).toMatch(/^word word.*…$/);
    const tail = excerpt(text, text.length - 3, text.length, 50);
    expect(tail.text).toMatch(/^….*the end$/);
    expect(tail.text.slice(tail.focus!.start, tail.focus!.end)).toBe('end');
  });

  it('keeps the beginning of a focus longer than the limit', () => {
    const text = words(200);
    const cut = excerpt(text, 10, 900, 100);
    // Right after the leading ellipsis, at the focus's first character.
    expect(cut.focus!.start).toBe(1);
    expect(cut.text.slice(1, 5)).toBe(text.slice(10, 14));
    expect(cut.focus!.end).toBe(cut.text.length - 1);
    expect(cut.text.length).toBeLessThanOrEqual(102);
  });

  it('never splits an emoji', () => {
    const text = '😀'.repeat(100);
    const cut = excerpt(text, null, null, 51);
    expect(cut.text.replace('…', '')).toMatch(/^(?:😀)+$/u);
  });
});

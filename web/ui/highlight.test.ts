import { describe, expect, it } from 'vitest';
import { highlightRuns, type Mark } from './highlight.ts';

const text = 'Sam was brilliant. Support took three days.';
const marks: Mark[] = [
  { start: 0, end: 18, kind: 'sentence', label: 'positive', tone: 'positive' },
  { start: 19, end: 43, kind: 'sentence', label: 'negative', tone: 'negative' },
  { start: 0, end: 3, kind: 'mention', label: 'Samantha Reed' },
  { start: 19, end: 26, kind: 'phrase', label: 'support' },
];

describe('highlightRuns', () => {
  it('covers the whole text once, in order', () => {
    const runs = highlightRuns(text, marks);
    expect(runs.map((run) => run.text).join('')).toBe(text);
    for (let index = 1; index < runs.length; index += 1)
      expect(runs[index]!.start).toBe(runs[index - 1]!.end);
  });

  it('layers every mark that covers a run', () => {
    const runs = highlightRuns(text, marks);
    const sam = runs.find((run) => run.text === 'Sam')!;
    expect(sam.marks.map((mark) => mark.kind).sort()).toEqual(['mention', 'sentence']);
    const gap = runs.find((run) => run.start === 18)!;
    expect(gap.marks).toEqual([]);
    const support = runs.find((run) => run.text === 'Support')!;
    expect(support.marks.map((mark) => mark.kind).sort()).toEqual(['phrase', 'sentence']);
  });

  it('ignores spans outside the text and never splits an emoji', () => {
    const emoji = 'ok 😀 fine';
    const runs = highlightRuns(emoji, [
      { start: 4, end: 100, kind: 'x', label: '' },
      { start: -5, end: 2, kind: 'y', label: '' },
      { start: 7, end: 3, kind: 'z', label: '' },
    ]);
    expect(runs.map((run) => run.text).join('')).toBe(emoji);
    expect(runs.some((run) => run.text.includes('\ud83d') && !run.text.includes('😀'))).toBe(false);
  });

  it('returns one plain run without marks', () => {
    expect(highlightRuns('plain', [])).toEqual([{ start: 0, end: 5, text: 'plain', marks: [] }]);
  });
});

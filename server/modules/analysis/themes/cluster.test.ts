import { describe, expect, it } from 'vitest';
import { assignThemes } from './assign.ts';
import { clusterItems } from './cluster.ts';
import { extractKeyPhrases } from './key-phrases.ts';
import { nameThemes } from './naming.ts';
import { labelledItems, THEME_PHRASES } from './themes.fixture.ts';

/** Share of items whose theme's majority label is their own. */
function purityOf(items: Array<{ label: string }>, themes: Array<{ members: number[] }>) {
  let majority = 0;
  for (const theme of themes) {
    const counts = new Map<string, number>();
    for (const member of theme.members) {
      const label = items[member]!.label;
      counts.set(label, (counts.get(label) ?? 0) + 1);
    }
    majority += Math.max(0, ...counts.values());
  }
  return majority / items.length;
}

describe('clusterItems', () => {
  it('finds the labelled themes with high purity and names them from their phrases', () => {
    const items = labelledItems(30);
    const { themes, unassigned } = clusterItems(items);
    expect(themes.length).toBeGreaterThanOrEqual(4);
    expect(themes.length).toBeLessThanOrEqual(8);
    expect(unassigned.length).toBeLessThan(items.length * 0.15);
    expect(purityOf(items, themes)).toBeGreaterThan(0.8);
    const names = themes.map((theme) => theme.name);
    expect(new Set(names).size).toBe(names.length);
    for (const theme of themes) {
      expect(theme.phrases).toContain(
        theme.name
          .split(': ')
          .at(-1)!
          .replace(/ \(.*\)$/, ''),
      );
      const norm = Math.sqrt(Object.values(theme.terms).reduce((sum, w) => sum + w * w, 0));
      expect(norm).toBeCloseTo(1, 2);
    }
  });

  it('clusters real text end to end', () => {
    const texts = [
      ...Array.from(
        { length: 8 },
        (_, i) => `My delivery was late again, order ${i} arrived a week after the date.`,
      ),
      ...Array.from({ length: 8 }, (_, i) => `I got a double charge on my card for invoice ${i}.`),
      ...Array.from(
        { length: 8 },
        () => 'The password reset email never arrives, so no login for me.',
      ),
    ];
    const { themes } = clusterItems(
      texts.map((text, index) => ({
        id: String(index),
        phrases: extractKeyPhrases(text).map((p) => p.phrase),
      })),
      { minClusterSize: 4 },
    );
    expect(themes.length).toBe(3);
    expect(themes.map((theme) => theme.members.length).sort()).toEqual([8, 8, 8]);
  });

  it('leaves items that share nothing with any theme unassigned', () => {
    const items = [
      ...labelledItems(20),
      { id: 'odd-1', label: 'odd', phrases: ['zebra'] },
      { id: 'odd-2', label: 'odd', phrases: ['volcano'] },
    ];
    const { unassigned } = clusterItems(items);
    expect(unassigned).toEqual(expect.arrayContaining([items.length - 2, items.length - 1]));
  });

  it('is deterministic and copes with empty input', () => {
    const items = labelledItems(15);
    expect(clusterItems(items)).toEqual(clusterItems(items));
    expect(clusterItems([])).toEqual({ themes: [], unassigned: [] });
  });
});

describe('nameThemes', () => {
  it('prefers a longer phrase that is nearly as common, and names sub-topics parent: child', () => {
    const totals = new Map([
      ['delivery', 40],
      ['delivery delay', 30],
      ['double charge', 20],
      ['refund', 20],
    ]);
    const [delivery, double, refund] = nameThemes(
      [
        {
          size: 40,
          phraseCounts: new Map([
            ['delivery', 40],
            ['delivery delay', 30],
          ]),
          terms: { delivery: 0.8, 'delivery delay': 0.6 },
        },
        {
          size: 20,
          phraseCounts: new Map([['double charge', 20]]),
          terms: { billing: 0.7, 'double charge': 0.7 },
        },
        { size: 20, phraseCounts: new Map([['refund', 20]]), terms: { billing: 0.8, refund: 0.6 } },
      ],
      totals,
    );
    expect(delivery!.name).toBe('delivery delay');
    expect(double!.name).toBe('billing: double charge');
    expect(refund!.name).toBe('billing: refund');
  });

  it('makes equal names unique', () => {
    const names = nameThemes(
      [
        {
          size: 5,
          phraseCounts: new Map([
            ['app', 5],
            ['crash', 3],
          ]),
          terms: { app: 1 },
        },
        {
          size: 5,
          phraseCounts: new Map([
            ['app', 5],
            ['icon', 3],
          ]),
          terms: { app: 1 },
        },
      ],
      new Map([['app', 10]]),
    ).map((entry) => entry.name);
    expect(new Set(names).size).toBe(2);
  });
});

describe('assignThemes', () => {
  const items = labelledItems(30);
  const { themes } = clusterItems(items);
  const stored = themes.map((theme, index) => ({ id: `t${index}`, terms: theme.terms }));
  const labelOf = (index: number) => items[themes[index]!.members[0]!]!.label;
  const themeOf = (phrase: string) =>
    themes.findIndex((_, index) => THEME_PHRASES[labelOf(index)]!.includes(phrase));

  it('puts a new item in the theme whose centroid it matches', () => {
    const found = assignThemes([{ phrase: 'double charge' }, { phrase: 'card' }], stored);
    expect(found[0]!.themeId).toBe(`t${themeOf('double charge')}`);
    expect(found[0]!.weight).toBeGreaterThan(0.2);
  });

  it('gives an item about two subjects both themes, best first', () => {
    const found = assignThemes(['double charge', 'courier'], stored);
    expect(found.map((entry) => entry.themeId).sort()).toEqual(
      [`t${themeOf('double charge')}`, `t${themeOf('courier')}`].sort(),
    );
    expect(found[0]!.weight).toBeGreaterThanOrEqual(found[1]!.weight);
  });

  it('leaves an unrelated item unassigned and respects the threshold', () => {
    expect(assignThemes(['zebra crossing'], stored)).toEqual([]);
    expect(assignThemes([], stored)).toEqual([]);
    expect(assignThemes(['double charge'], stored, { threshold: 1.01 })).toEqual([]);
  });
});

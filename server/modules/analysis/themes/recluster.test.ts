import { describe, expect, it } from 'vitest';
import { assignThemes } from './assign.ts';
import { clusterItems } from './cluster.ts';
import { mergeShapes, splitShape } from './edits.ts';
import { reclusterThemes, type ExistingTheme } from './recluster.ts';
import { labelledItems } from './themes.fixture.ts';

const items = labelledItems(30);
let counter = 0;
const newId = () => `new-${(counter += 1)}`;

/** The themes as they would be stored after a first clustering. */
function firstRun(): ExistingTheme[] {
  const plan = reclusterThemes(items, [], { newId });
  return plan.themes.map((theme) => ({
    id: theme.id,
    name: theme.name,
    nameLocked: false,
    pinned: false,
    status: 'active',
    mergedInto: null,
    terms: theme.terms,
    staffTerms: { include: [], exclude: [] },
    staffItems: 0,
  }));
}

const themeWith = (themes: ExistingTheme[], term: string) =>
  themes.find((theme) => (theme.terms[term] ?? 0) > 0.2)!;

describe('reclusterThemes', () => {
  it('keeps ids and names where the clusters persist', () => {
    const before = firstRun();
    const after = reclusterThemes(items, before, { newId });
    expect(after.themes.map((theme) => theme.id).sort()).toEqual(before.map((t) => t.id).sort());
    expect(after.themes.every((theme) => !theme.isNew)).toBe(true);
    expect(after.archived).toEqual([]);
    for (const theme of after.themes) {
      expect(theme.name).toBe(before.find((old) => old.id === theme.id)!.name);
    }
  });

  it('keeps a staff name, and a pinned theme with its terms even when nothing matches it', () => {
    const before = firstRun();
    const renamed = themeWith(before, 'courier');
    renamed.name = 'Shipping woes';
    renamed.nameLocked = true;
    const pinned: ExistingTheme = {
      ...renamed,
      id: 'pinned-1',
      name: 'Gift wrapping',
      nameLocked: true,
      pinned: true,
      terms: { 'gift wrap': 1 },
    };
    const after = reclusterThemes(items, [...before, pinned], { newId });
    expect(after.themes.find((theme) => theme.id === renamed.id)!.name).toBe('Shipping woes');
    const kept = after.themes.find((theme) => theme.id === 'pinned-1')!;
    expect(kept).toMatchObject({ name: 'Gift wrapping', terms: { 'gift wrap': 1 }, size: 0 });
  });

  it('keeps merged themes merged: their items land in the theme they were merged into', () => {
    const before = firstRun();
    const billing = themeWith(before, 'card');
    const login = themeWith(before, 'password');
    const merged = mergeShapes({ ...billing, size: 30 }, { ...login, size: 30 });
    Object.assign(login, merged);
    Object.assign(billing, { status: 'merged', mergedInto: login.id });
    const after = reclusterThemes(items, before, { newId });
    expect(after.themes.map((theme) => theme.id)).not.toContain(billing.id);
    expect(after.themes.find((theme) => theme.id === login.id)!.size).toBeGreaterThanOrEqual(55);
    const billingItems = items.filter((item) => item.label === 'billing').map((item) => item.id);
    const targets = new Set(
      after.assignments.filter((a) => billingItems.includes(a.itemId)).map((a) => a.themeId),
    );
    expect([...targets]).toEqual([login.id]);
  });

  it('keeps a split: moved phrases stay out of the old theme and define the new one', () => {
    const before = firstRun();
    const billing = themeWith(before, 'card');
    const split = splitShape(billing, ['double charge', 'duplicate payment']);
    Object.assign(billing, split.remaining);
    const created: ExistingTheme = {
      ...billing,
      id: 'split-1',
      name: 'Duplicate payments',
      nameLocked: true,
      ...split.created,
    };
    const after = reclusterThemes(items, [...before, created], { newId });
    const old = after.themes.find((theme) => theme.id === billing.id)!;
    const made = after.themes.find((theme) => theme.id === 'split-1')!;
    expect(old.terms['double charge']).toBeUndefined();
    expect(old.terms['duplicate payment']).toBeUndefined();
    expect(made.terms['double charge']).toBeGreaterThan(0.3);
    expect(made.name).toBe('Duplicate payments');
    const only = assignThemes(['double charge'], after.themes);
    expect(only[0]!.themeId).toBe('split-1');
  });

  it('archives a theme whose cluster dissolved and gives new clusters new ids', () => {
    const stale: ExistingTheme = {
      id: 'stale',
      name: 'gift wrap',
      nameLocked: false,
      pinned: false,
      status: 'active',
      mergedInto: null,
      terms: { 'gift wrap': 1 },
      staffTerms: { include: [], exclude: [] },
      staffItems: 0,
    };
    const after = reclusterThemes(items, [stale], { newId });
    expect(after.archived).toEqual(['stale']);
    expect(after.themes.every((theme) => theme.isNew)).toBe(true);
    expect(after.themes.length).toBe(clusterItems(items).themes.length);
  });

  it('keeps a theme staff placed items in by hand', () => {
    const kept: ExistingTheme = {
      id: 'hand',
      name: 'Hand picked',
      nameLocked: true,
      pinned: false,
      status: 'active',
      mergedInto: null,
      terms: { 'gift wrap': 1 },
      staffTerms: { include: [], exclude: [] },
      staffItems: 2,
    };
    const after = reclusterThemes(items, [kept], { newId });
    expect(after.archived).toEqual([]);
    expect(after.themes.map((theme) => theme.id)).toContain('hand');
  });

  it('clusters an even sample of a large window and still assigns every item', () => {
    const sampled = reclusterThemes(items, [], { newId, sampleSize: 60, minClusterSize: 5 });
    expect(sampled.themes.length).toBeGreaterThanOrEqual(4);
    const labelOf = new Map(items.map((item) => [item.id, item.label]));
    for (const theme of sampled.themes) {
      const labels = sampled.assignments
        .filter((entry) => entry.themeId === theme.id)
        .map((entry) => labelOf.get(entry.itemId));
      expect(new Set(labels).size).toBe(1);
    }
    const assigned = new Set(sampled.assignments.map((entry) => entry.itemId));
    expect(assigned.size + sampled.unassigned).toBe(items.length);
    expect(sampled.unassigned).toBeLessThan(items.length * 0.1);
  });
});

import { describe, expect, it } from 'vitest';
import { formatAliases, parseAliases } from './aliases.ts';

describe('parseAliases', () => {
  it('splits on commas and new lines, trims, and drops blanks, repeats and the own name', () => {
    expect(parseAliases('Sam,  Sammy\nsam , ,Samantha  Reed', 'Samantha Reed')).toEqual({
      ok: true,
      aliases: ['Sam', 'Sammy'],
    });
    expect(parseAliases('')).toEqual({ ok: true, aliases: [] });
  });

  it('refuses what the server would refuse, saying why', () => {
    const long = parseAliases(`ok, ${'x'.repeat(61)}`);
    expect(long.ok).toBe(false);
    expect(!long.ok && long.error).toMatch(/longer than 60/);
    const many = parseAliases(Array.from({ length: 21 }, (_, i) => `n${i}`).join(','));
    expect(!many.ok && many.error).toMatch(/at most 20 other names \(21 given\)/);
    expect(parseAliases(Array.from({ length: 20 }, (_, i) => `n${i}`).join(',')).ok).toBe(true);
  });

  it('round-trips with formatAliases', () => {
    const aliases = ['the app', 'Hearken Mobile'];
    expect(parseAliases(formatAliases(aliases))).toEqual({ ok: true, aliases });
  });
});

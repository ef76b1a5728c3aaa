import type { ThemeItem } from './corpus.ts';

/**
 * Small labelled sets for the clustering tests: items built from each theme's own phrases plus
 * some shared noise words, so a theme is recognisable but not trivially one phrase.
 */
export const THEME_PHRASES: Record<string, string[]> = {
  delivery: ['delivery delay', 'courier', 'parcel', 'tracking', 'late delivery', 'delivery'],
  billing: ['double charge', 'charge', 'card', 'duplicate payment', 'bank statement'],
  login: ['login', 'password reset', 'password', 'account lockout', 'two factor code'],
  crash: ['app crash', 'crash', 'freeze', 'android app', 'update'],
};
const NOISE = ['app', 'customer', 'order', 'week', 'team', 'website'];

/** `perTheme` items for each theme; deterministic. */
export function labelledItems(
  perTheme: number,
  themes: Record<string, string[]> = THEME_PHRASES,
): Array<ThemeItem & { label: string }> {
  const items: Array<ThemeItem & { label: string }> = [];
  let state = 7;
  // A linear congruential generator: the same "random" phrases on every run.
  const next = (limit: number) => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return (state >>> 16) % limit;
  };
  for (const [label, phrases] of Object.entries(themes)) {
    for (let index = 0; index < perTheme; index += 1) {
      const own = [0, 1, 2].map(() => phrases[next(phrases.length)]!);
      const noise = index % 3 === 0 ? [NOISE[index % NOISE.length]!] : [];
      items.push({ id: `${label}-${index}`, label, phrases: [...own, ...noise] });
    }
  }
  return items;
}

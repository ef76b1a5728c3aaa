/** The server's limits for other names: at most 20, each 1–60 characters. */
export const MAX_ALIASES = 20;
export const MAX_ALIAS_LENGTH = 60;

export type ParsedAliases = { ok: true; aliases: string[] } | { ok: false; error: string };

/**
 * Other names typed as a list separated by commas or new lines: "Sam, Sammy". Blanks and
 * repeats (ignoring case) are dropped, and so is the entry's own name.
 */
export function parseAliases(text: string, ownName = ''): ParsedAliases {
  const seen = new Set([ownName.trim().toLocaleLowerCase()]);
  const aliases: string[] = [];
  for (const part of text.split(/[,\n]/)) {
    const alias = part.trim().replace(/\s+/g, ' ');
    const key = alias.toLocaleLowerCase();
    if (!alias || seen.has(key)) continue;
    if (alias.length > MAX_ALIAS_LENGTH) {
      return {
        ok: false,
        error: `“${alias.slice(0, 20)}…” is longer than ${MAX_ALIAS_LENGTH} characters.`,
      };
    }
    seen.add(key);
    aliases.push(alias);
  }
  if (aliases.length > MAX_ALIASES) {
    return {
      ok: false,
      error: `Give at most ${MAX_ALIASES} other names (${aliases.length} given).`,
    };
  }
  return { ok: true, aliases };
}

export function formatAliases(aliases: readonly string[]): string {
  return aliases.join(', ');
}

const names = new Intl.DisplayNames(undefined, { type: 'language', fallback: 'none' });

/** 'fr' → "French"; `und` (no language, e.g. only emoji) → null, like an unknown code. */
export function languageName(code: string): string | null {
  if (!code || code === 'und') return null;
  try {
    return names.of(code) ?? null;
  } catch {
    return null;
  }
}

/**
 * Languages offered in the inbox filter: those the language detector knows best. A code that
 * arrives in a link and is not here is still kept by the filter.
 */
export const FILTER_LANGUAGES = [
  'en',
  'fr',
  'de',
  'es',
  'it',
  'pt',
  'nl',
  'sv',
  'da',
  'no',
  'fi',
  'pl',
  'cs',
  'ru',
  'uk',
  'tr',
  'ar',
  'he',
  'hi',
  'ja',
  'ko',
  'zh',
] as const;

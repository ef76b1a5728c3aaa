import Negotiator from 'negotiator';
import type { SurveyDefinition } from './definition.ts';

/**
 * The page's language: `?lang=` when the survey has it, else the response's language, else the
 * browser's Accept-Language among the survey's languages, else the survey's default.
 */
export function chooseLanguage(
  definition: SurveyDefinition,
  acceptLanguage: string | undefined,
  override?: string,
  current?: string,
): string {
  const { languages, defaultLanguage } = definition;
  const exact = (code: string | undefined) =>
    code ? languages.find((language) => language.toLowerCase() === code.toLowerCase()) : undefined;
  const chosen = exact(override) ?? exact(current);
  if (chosen) return chosen;
  if (!acceptLanguage) return defaultLanguage;
  // The default first, so a browser that accepts anything ("*") gets it.
  const ordered = [defaultLanguage, ...languages.filter((l) => l !== defaultLanguage)];
  return (
    new Negotiator({ headers: { 'accept-language': acceptLanguage } }).language(ordered) ??
    defaultLanguage
  );
}

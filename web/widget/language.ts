/**
 * The widget's own words (buttons, scale ends), in a few languages; the question, follow-up and
 * thank-you come from the post's settings. Order: close, send, skip, error, region label,
 * then the low and high ends of the NPS, CSAT and CES scales.
 */
const WORDS: Record<string, string[]> = {
  en: [
    'Close',
    'Send',
    'Skip',
    'Could not send. Please try again.',
    'Feedback',
    'Not at all likely',
    'Extremely likely',
    'Very unsatisfied',
    'Very satisfied',
    'Very difficult',
    'Very easy',
  ],
  fr: [
    'Fermer',
    'Envoyer',
    'Passer',
    'Envoi impossible. Veuillez réessayer.',
    'Votre avis',
    'Pas du tout probable',
    'Très probable',
    'Très insatisfait',
    'Très satisfait',
    'Très difficile',
    'Très facile',
  ],
  de: [
    'Schließen',
    'Senden',
    'Überspringen',
    'Senden fehlgeschlagen. Bitte erneut versuchen.',
    'Feedback',
    'Sehr unwahrscheinlich',
    'Sehr wahrscheinlich',
    'Sehr unzufrieden',
    'Sehr zufrieden',
    'Sehr schwierig',
    'Sehr einfach',
  ],
  es: [
    'Cerrar',
    'Enviar',
    'Omitir',
    'No se pudo enviar. Inténtelo de nuevo.',
    'Opinión',
    'Nada probable',
    'Muy probable',
    'Muy insatisfecho',
    'Muy satisfecho',
    'Muy difícil',
    'Muy fácil',
  ],
};

export interface Words {
  close: string;
  send: string;
  skip: string;
  error: string;
  region: string;
  ends: Record<'nps' | 'csat' | 'ces', [string, string]>;
}

export function wordsFor(language: string): Words {
  const w = WORDS[language.split('-')[0] ?? ''] ?? (WORDS['en'] as string[]);
  const at = (index: number) => w[index] ?? '';
  return {
    close: at(0),
    send: at(1),
    skip: at(2),
    error: at(3),
    region: at(4),
    ends: { nps: [at(5), at(6)], csat: [at(7), at(8)], ces: [at(9), at(10)] },
  };
}

/**
 * The post's language that best fits the visitor: the snippet's `data-lang`, then the browser's
 * languages in order of preference, then the page's `lang`; exact tag first, then the same
 * primary language (`fr-CA` → `fr`, `pt` → `pt-br`); else the post's default language.
 */
export function pickLanguage(
  available: string[],
  fallback: string,
  wanted: Array<string | null | undefined>,
): string {
  const have = available.map((tag) => tag.toLowerCase());
  for (const raw of wanted) {
    if (!raw) continue;
    const tag = raw.toLowerCase();
    const primary = tag.split('-')[0];
    const match =
      have.find((h) => h === tag) ??
      have.find((h) => h === primary) ??
      have.find((h) => h.split('-')[0] === primary);
    if (match) return match;
  }
  return fallback;
}

/** A text in the chosen language, else the default language, else any. */
export function textIn(texts: Record<string, string>, language: string, fallback: string) {
  return texts[language] ?? texts[fallback] ?? Object.values(texts)[0] ?? '';
}

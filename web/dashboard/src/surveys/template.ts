/** What a new survey starts from: NPS, a follow-up, and the consent question, in English. */
export const NEW_SURVEY_DEFINITION = {
  languages: ['en'],
  defaultLanguage: 'en',
  title: { en: 'How did we do?' },
  thankYou: { en: 'Thank you for your feedback.' },
  questions: [
    {
      id: 'nps',
      type: 'nps',
      required: true,
      text: { en: 'How likely are you to recommend us to a friend or colleague?' },
      lowLabel: { en: 'Not at all likely' },
      highLabel: { en: 'Extremely likely' },
      skip: [{ if: { op: 'lte', value: 6 }, goTo: 'improve' }],
    },
    {
      id: 'best',
      type: 'text',
      text: { en: 'What do you like most?' },
      skip: [{ if: { op: 'answered' }, goTo: 'consent' }],
    },
    { id: 'improve', type: 'text', text: { en: 'What should we improve?' } },
    {
      id: 'consent',
      type: 'consent',
      required: true,
      text: { en: 'May we contact you about this?' },
    },
  ],
  triggers: [],
};

/** The definition part of a survey (what the JSON editor shows). */
export function definitionOf(survey: Record<string, unknown>): Record<string, unknown> {
  const keys = [
    'languages',
    'defaultLanguage',
    'title',
    'intro',
    'thankYou',
    'questions',
    'scoreQuestionId',
    'triggers',
    'email',
  ];
  return Object.fromEntries(
    keys.filter((key) => survey[key] !== undefined).map((key) => [key, survey[key]]),
  );
}

/** Reads "Name <email>" or "email" lines. */
export function parseInvitees(text: string): Array<{ email: string; name?: string }> {
  return text
    .split(/[\n,;]+/)
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const match = /^(.*)<([^>]+)>$/.exec(line);
      if (!match) return { email: line };
      const name = match[1]!.trim().replace(/^"|"$/g, '');
      return name ? { email: match[2]!.trim(), name } : { email: match[2]!.trim() };
    });
}

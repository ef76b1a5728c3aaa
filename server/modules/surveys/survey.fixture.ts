import type { AppContext } from '../../context.ts';
import type { SurveyInput } from './surveys.schemas.ts';
import { createSurvey } from './surveys.service.ts';

/**
 * A two-language survey for tests: NPS (detractors skip to the "what went wrong" question),
 * a reason choice, two free-text questions, and the consent question.
 */
export function sampleSurveyInput(overrides: Partial<SurveyInput> = {}): SurveyInput {
  return {
    name: 'Support follow-up',
    languages: ['en', 'fr'],
    defaultLanguage: 'en',
    title: { en: 'How did we do?', fr: 'Comment avons-nous fait ?' },
    thankYou: { en: 'Thanks for telling us.', fr: 'Merci de nous l’avoir dit.' },
    questions: [
      {
        id: 'nps',
        type: 'nps',
        required: true,
        text: {
          en: 'How likely are you to recommend us to a friend?',
          fr: 'Quelle est la probabilité que vous nous recommandiez ?',
        },
        lowLabel: { en: 'Not likely', fr: 'Peu probable' },
        highLabel: { en: 'Very likely', fr: 'Très probable' },
        skip: [{ if: { op: 'lte', value: 6 }, goTo: 'wrong' }],
      },
      {
        id: 'best',
        type: 'single',
        required: false,
        text: { en: 'What did you like most?', fr: 'Qu’avez-vous préféré ?' },
        options: [
          { id: 'speed', label: { en: 'Speed', fr: 'La rapidité' } },
          { id: 'people', label: { en: 'The people', fr: 'Les gens' } },
        ],
        skip: [{ if: { op: 'answered' }, goTo: 'consent' }],
      },
      {
        id: 'wrong',
        type: 'text',
        required: false,
        text: { en: 'What went wrong?', fr: 'Qu’est-ce qui n’a pas marché ?' },
        skip: [],
      },
      {
        id: 'comment',
        type: 'text',
        required: false,
        text: { en: 'Anything else?', fr: 'Autre chose ?' },
        skip: [],
      },
      {
        id: 'consent',
        type: 'consent',
        required: true,
        text: {
          en: 'May we contact you about this?',
          fr: 'Pouvons-nous vous contacter à ce sujet ?',
        },
        skip: [],
      },
    ],
    triggers: [],
    ...overrides,
  };
}

export function createSampleSurvey(
  ctx: AppContext,
  workspaceId: string,
  overrides: Partial<SurveyInput> = {},
) {
  return createSurvey(ctx, workspaceId, sampleSurveyInput(overrides));
}

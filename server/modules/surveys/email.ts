import { pick, scaleOf, type SurveyDefinition } from './definition.ts';
import { html } from './html.ts';

export interface InvitationEmailInput {
  definition: SurveyDefinition;
  /** The survey's public URL: https://host/s/<token>. */
  surveyUrl: string;
  invitationToken: string;
  name: string | null;
  language: string;
}

const GREETING: Record<string, string> = { en: 'Hello', fr: 'Bonjour', de: 'Hallo', es: 'Hola' };
const START: Record<string, string> = {
  en: 'Answer the survey',
  fr: 'Répondre à l’enquête',
  de: 'Zur Umfrage',
  es: 'Responder la encuesta',
};

/**
 * The invitation email. When the first question is a scale, its buttons are in the email: each
 * is a link that records that score and opens the rest of the survey. Everything is escaped;
 * a plain-text part carries the same links.
 */
export function invitationEmail(input: InvitationEmailInput) {
  const { definition, language } = input;
  const t = (text: Record<string, string> | undefined) =>
    pick(text, language, definition.defaultLanguage);
  const base = language.split('-')[0]!;
  const link = `${input.surveyUrl}?i=${encodeURIComponent(input.invitationToken)}`;
  const first = definition.questions[0]!;
  const range = scaleOf(first);
  const scores = range
    ? Array.from({ length: range[1] - range[0] + 1 }, (_, i) => range[0] + i)
    : [];
  const subject = t(definition.email?.subject) || t(definition.title);
  const intro = t(definition.email?.intro) || t(definition.intro);
  const greeting = `${GREETING[base] ?? GREETING.en}${input.name ? ` ${input.name}` : ''},`;
  const question = t(first.text);
  const low = t(first.lowLabel);
  const high = t(first.highLabel);
  const button =
    'display:inline-block;min-width:28px;padding:8px 6px;margin:2px;border:1px solid #1f5fbf;border-radius:6px;color:#1f5fbf;text-decoration:none;font:16px sans-serif;text-align:center';
  const body = html`<!doctype html>
    <html lang="${language}">
      <body style="font:16px/1.5 sans-serif;color:#1b1f24">
        <p>${greeting}</p>
        ${intro ? html`<p>${intro}</p>` : ''}
        <p><strong>${question}</strong></p>
        ${
          scores.length > 0
            ? html`<p>
                  ${scores.map((score) => html`<a href="${`${link}&score=${score}`}" style="${button}">${score}</a>`)}
                </p>
                ${low || high ? html`<p style="color:#5b6470;font-size:13px">${low ? html`${scores[0]} = ${low}` : ''}${low && high ? ' · ' : ''}${high ? html`${scores.at(-1)} = ${high}` : ''}</p>` : ''}`
            : html`<p>
                <a href="${link}" style="${button};padding:10px 18px">${START[base] ?? START.en}</a>
              </p>`
        }
      </body>
    </html>`;
  const text = [
    greeting,
    '',
    ...(intro ? [intro, ''] : []),
    question,
    '',
    ...(scores.length > 0
      ? scores.map((score) => `${score}: ${link}&score=${score}`)
      : [`${START[base] ?? START.en}: ${link}`]),
    '',
  ].join('\n');
  return { subject, html: body.value, text };
}

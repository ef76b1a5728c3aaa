import { CONSENT_PURPOSES, type ConsentPurpose } from '../../db/schema/index.ts';
import { html, type Html } from '../surveys/html.ts';
import type { ConsentLinks } from './consent-links.ts';

/** Purposes a reply may ask permission for (a reply itself needs none): the consent purposes. */
export { CONSENT_PURPOSES, type ConsentPurpose };

export const CONSENT_QUESTION = 'May we contact you again about this?';

const PURPOSE_LABELS: Record<ConsentPurpose, string> = {
  follow_up: 'Follow-ups about this',
  surveys: 'Short surveys',
  announcements: 'News about what we changed',
  product_reviews: 'Invitations to product reviews',
};

export interface ReplyEmailInput {
  body: string;
  /** The customer's words the reply answers, quoted below the agent's text. */
  quoted: { text: string; from: string | null; at: string | null } | null;
  consent: { purposes: readonly ConsentPurpose[]; links: ConsentLinks } | null;
}

const paragraphs = (text: string): Html[] =>
  text
    .trim()
    .split(/\n{2,}/)
    .map((block) => {
      const lines = block.split('\n');
      return html`<p>${lines.map((line, i) => (i === 0 ? line : [html`<br />`, line]))}</p>`;
    });

function quotedLine(quoted: NonNullable<ReplyEmailInput['quoted']>): string {
  const who = quoted.from ?? 'You';
  return quoted.at ? `On ${quoted.at.slice(0, 10)}, ${who} wrote:` : `${who} wrote:`;
}

/** The reply as HTML and plain text: the agent's words, a consent request, then the quote. */
export function replyEmail(input: ReplyEmailInput): { html: string; text: string } {
  const { body, quoted, consent } = input;
  const consentHtml =
    consent && consent.purposes.length > 0
      ? html`<p>${CONSENT_QUESTION}</p>
          <ul>
            ${consent.purposes.map(
              (purpose) =>
                html`<li>
                  ${PURPOSE_LABELS[purpose]}: <a href="${consent.links.yes(purpose)}">Yes</a> ·
                  <a href="${consent.links.no(purpose)}">No</a>
                </li>`,
            )}
          </ul>`
      : '';
  const quoteHtml = quoted
    ? html`<p style="color:#555">${quotedLine(quoted)}</p>
        <blockquote style="margin:0 0 0 8px;padding-left:8px;border-left:3px solid #ccc;color:#555">
          ${paragraphs(quoted.text)}
        </blockquote>`
    : '';
  const page = html`<!doctype html>
    <html>
      <body style="font:15px/1.5 sans-serif;color:#222">
        ${paragraphs(body)} ${consentHtml} ${quoteHtml}
      </body>
    </html>`;
  const textParts = [body.trim()];
  if (consent && consent.purposes.length > 0)
    textParts.push(
      [
        CONSENT_QUESTION,
        ...consent.purposes.map(
          (purpose) =>
            `${PURPOSE_LABELS[purpose]}: yes ${consent.links.yes(purpose)} / no ${consent.links.no(purpose)}`,
        ),
      ].join('\n'),
    );
  if (quoted)
    textParts.push(
      [
        quotedLine(quoted),
        ...quoted.text
          .trim()
          .split('\n')
          .map((line) => `> ${line}`),
      ].join('\n'),
    );
  return { html: page.value, text: textParts.join('\n\n') };
}

/** "Re: <their subject>" once, however many times the thread went back and forth. */
export function replySubject(theirSubject: string | null, fallback: string): string {
  const subject = theirSubject?.trim();
  if (!subject) return fallback;
  return /^re:/i.test(subject) ? subject : `Re: ${subject}`;
}

/** Fills `{{first_name}}`, `{{name}}`, `{{email}}`; an unknown or empty placeholder becomes ''. */
export function fillPlaceholders(
  template: string,
  contact: { name: string | null; email: string | null } | null,
): string {
  const name = contact?.name?.trim() ?? '';
  const values: Record<string, string> = {
    first_name: name.split(/\s+/)[0] ?? '',
    name,
    full_name: name,
    email: contact?.email ?? '',
  };
  return template.replace(
    /\{\{\s*([a-z_]+)\s*\}\}/gi,
    (_, key: string) => values[key.toLowerCase()] ?? '',
  );
}

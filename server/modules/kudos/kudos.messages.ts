import { excerpt } from '../alerts/messages.ts';

/** What a kudos e-mail says: who was praised, the customer's words, and a link. Pure. */
export interface KudosMessageInput {
  personName: string | null;
  teamName: string | null;
  quote: string;
  channel: string;
  receivedAt: string;
  link: string;
}

function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

export function kudosEmail(input: KudosMessageInput) {
  const who = input.personName ?? (input.teamName ? `the ${input.teamName} team` : 'your team');
  const subject = excerpt(`A customer praised ${who}`, 180);
  const words = excerpt(input.quote, 1000);
  const when = input.receivedAt.slice(0, 10);
  const text = [
    `A customer praised ${who} (${input.channel}, ${when}):`,
    '',
    `“${words}”`,
    '',
    'Thank you for the care behind these words.',
    '',
    `See it in Hearken: ${input.link}`,
  ].join('\n');
  const html = [
    `<p>A customer praised <strong>${escapeHtml(who)}</strong> (${escapeHtml(input.channel)}, ${escapeHtml(when)}):</p>`,
    `<blockquote>${escapeHtml(words)}</blockquote>`,
    '<p>Thank you for the care behind these words.</p>',
    `<p><a href="${escapeHtml(input.link)}">See it in Hearken</a></p>`,
  ].join('\n');
  return { subject, text, html };
}

import { excerpt } from '../alerts/messages.ts';
import type { SharedQuote } from './sharing.repository.ts';

/**
 * What a share says, for e-mail, Slack and a signed webhook. Pure: the service loads the facts
 * (the customer's words already redacted when the workspace hides personal data).
 */
export interface ShareNotice {
  type: 'case.shared' | 'theme.shared';
  shareId: string;
  workspaceId: string;
  sharedAt: string;
  sharedBy: string | null;
  team: { id: string; name: string } | null;
  note: string | null;
  /** One line: "Case 482: Refund never arrived" or "Theme: delivery delay". */
  title: string;
  facts: Array<[string, string]>;
  quotes: SharedQuote[];
  subject: { kind: 'case' | 'theme'; id: string };
  link: string;
}

const QUOTE_CHARS = 600;

function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

function slackEscape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function heading(notice: ShareNotice): string {
  const by = notice.sharedBy ? `${notice.sharedBy} shared` : 'Shared';
  return `${by}${notice.team ? ` with ${notice.team.name}` : ''}: ${notice.title}`;
}

export function shareEmail(notice: ShareNotice) {
  const quotes = notice.quotes.map((q) => excerpt(q.text, QUOTE_CHARS));
  const text = [
    heading(notice),
    ...(notice.note ? ['', notice.note] : []),
    '',
    ...notice.facts.map(([label, value]) => `${label}: ${value}`),
    ...quotes.flatMap((quote) => ['', `“${quote}”`]),
    '',
    `Open in Hearken: ${notice.link}`,
  ].join('\n');
  const html = [
    `<p><strong>${escapeHtml(heading(notice))}</strong></p>`,
    notice.note ? `<p>${escapeHtml(notice.note)}</p>` : '',
    `<table>${notice.facts.map(([l, v]) => `<tr><th align="left">${escapeHtml(l)}</th><td>${escapeHtml(v)}</td></tr>`).join('')}</table>`,
    ...quotes.map((quote) => `<blockquote>${escapeHtml(quote)}</blockquote>`),
    `<p><a href="${escapeHtml(notice.link)}">Open in Hearken</a></p>`,
  ].join('\n');
  return { subject: excerpt(heading(notice), 180), text, html };
}

export function shareSlack(notice: ShareNotice) {
  const blocks: unknown[] = [
    { type: 'header', text: { type: 'plain_text', text: excerpt(heading(notice), 140) } },
  ];
  if (notice.note)
    blocks.push({ type: 'section', text: { type: 'mrkdwn', text: slackEscape(notice.note) } });
  if (notice.facts.length > 0)
    blocks.push({
      type: 'section',
      fields: notice.facts.map(([label, value]) => ({
        type: 'mrkdwn',
        text: `*${label}*\n${slackEscape(value)}`,
      })),
    });
  for (const quote of notice.quotes)
    blocks.push({
      type: 'section',
      text: {
        type: 'mrkdwn',
        text: slackEscape(excerpt(quote.text, QUOTE_CHARS)).replace(/^/gm, '> '),
      },
    });
  blocks.push({
    type: 'actions',
    elements: [
      { type: 'button', text: { type: 'plain_text', text: 'Open in Hearken' }, url: notice.link },
    ],
  });
  return { text: heading(notice), blocks };
}

export function shareWebhookBody(notice: ShareNotice) {
  return {
    type: notice.type,
    id: notice.shareId,
    workspaceId: notice.workspaceId,
    createdAt: notice.sharedAt,
    sharedBy: notice.sharedBy,
    team: notice.team,
    note: notice.note,
    subject: { ...notice.subject, title: notice.title },
    facts: Object.fromEntries(notice.facts),
    quotes: notice.quotes,
    url: notice.link,
  };
}

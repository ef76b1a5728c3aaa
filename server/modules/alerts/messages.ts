/**
 * What a fired alert says, for each kind of destination: an email, a Slack message (Block Kit)
 * and the JSON body of a signed webhook. Pure: the delivery service loads the facts (with the
 * customer's words already redacted when the workspace hides personal data) and sends the result.
 */
export interface AlertNotice {
  type: 'alert.fired' | 'alert.test';
  alertId: string;
  workspaceId: string;
  createdAt: string;
  rule: { id: string; name: string };
  matched: Array<{ type: string; detail: string }>;
  feedback: {
    id: string;
    channel: string;
    scoreType: string | null;
    score: number | null;
    sentimentLabel: string | null;
    sentimentScore: number | null;
    text: string;
    receivedAt: string;
    accountName: string | null;
    accountTier: string | null;
  } | null;
  spike: {
    subjectKind: string;
    subjectName: string | null;
    count: number;
    expected: number;
    ratio: number;
    pValue: number;
    direction: string;
    severity: string;
    sentence: string;
    windowStart: string;
  } | null;
  /** The alert in the dashboard (PUBLIC_URL). */
  link: string;
}

export const EXCERPT_CHARS = 600;
const SCORE_NAMES: Record<string, string> = { nps: 'NPS', csat: 'CSAT', ces: 'CES' };
const SUBJECT_NAMES: Record<string, string> = {
  theme: 'Theme',
  theme_negative: 'Negative feedback on theme',
  competitor: 'Competitor mentions',
  brand: 'Brand mentions',
};

/** The start of a text, cut at a word boundary, white space folded. */
export function excerpt(text: string, max = EXCERPT_CHARS): string {
  const folded = text.replace(/\s+/g, ' ').trim();
  if (folded.length <= max) return folded;
  const cut = folded.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

function scoreText(feedback: NonNullable<AlertNotice['feedback']>): string {
  if (feedback.score === null || feedback.scoreType === null) return 'no score';
  return `${SCORE_NAMES[feedback.scoreType] ?? feedback.scoreType} ${feedback.score}`;
}

function subjectText(spike: NonNullable<AlertNotice['spike']>): string {
  const kind = SUBJECT_NAMES[spike.subjectKind] ?? spike.subjectKind;
  return spike.subjectName ? `${kind}: ${spike.subjectName}` : kind;
}

/** One line that says what happened, for subjects, fallbacks and previews. */
export function summary(notice: AlertNotice): string {
  const prefix = notice.type === 'alert.test' ? '[Test] ' : '';
  if (notice.spike)
    return `${prefix}${notice.rule.name}: ${subjectText(notice.spike)} — ${notice.spike.sentence}`;
  if (notice.feedback) {
    const sentiment = notice.feedback.sentimentLabel ? `, ${notice.feedback.sentimentLabel}` : '';
    return `${prefix}${notice.rule.name}: ${scoreText(notice.feedback)}${sentiment} (${notice.feedback.channel})`;
  }
  return `${prefix}${notice.rule.name}`;
}

/** The facts as label/value pairs, shared by the email and Slack layouts. */
function facts(notice: AlertNotice): Array<[string, string]> {
  if (notice.spike) {
    const spike = notice.spike;
    return [
      ['Subject', subjectText(spike)],
      ['Volume', `${spike.count} in the window, usually about ${spike.expected.toFixed(1)}`],
      ['How unusual', `${spike.severity} ${spike.direction}: ${spike.sentence}`],
    ];
  }
  if (!notice.feedback) return [];
  const feedback = notice.feedback;
  const account = feedback.accountName
    ? `${feedback.accountName}${feedback.accountTier ? ` (${feedback.accountTier})` : ''}`
    : '—';
  return [
    ['Score', scoreText(feedback)],
    ['Sentiment', feedback.sentimentLabel ?? 'not analysed'],
    ['Channel', feedback.channel],
    ['Account', account],
  ];
}

function matchedText(notice: AlertNotice): string {
  return notice.matched.map((condition) => condition.detail).join(' · ');
}

export function webhookBody(notice: AlertNotice, deliveryId: string) {
  return {
    type: notice.type,
    id: notice.alertId,
    deliveryId,
    createdAt: notice.createdAt,
    workspaceId: notice.workspaceId,
    rule: notice.rule,
    matched: notice.matched,
    feedback: notice.feedback,
    spike: notice.spike,
    url: notice.link,
  };
}

/** Slack's mrkdwn treats these three as control characters; everything else is literal. */
function slackEscape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function slackMessage(notice: AlertNotice) {
  const blocks: unknown[] = [
    {
      type: 'header',
      text: { type: 'plain_text', text: excerpt(`🔔 ${summary(notice)}`, 140), emoji: true },
    },
    {
      type: 'section',
      fields: facts(notice).map(([label, value]) => ({
        type: 'mrkdwn',
        text: `*${label}*\n${slackEscape(value)}`,
      })),
    },
  ];
  if (notice.feedback?.text) {
    const quoted = slackEscape(excerpt(notice.feedback.text)).replace(/^/gm, '> ');
    blocks.push({ type: 'section', text: { type: 'mrkdwn', text: quoted } });
  }
  if (notice.matched.length > 0) {
    blocks.push({
      type: 'context',
      elements: [
        { type: 'mrkdwn', text: slackEscape(excerpt(`Matched: ${matchedText(notice)}`, 300)) },
      ],
    });
  }
  blocks.push({
    type: 'actions',
    elements: [
      { type: 'button', text: { type: 'plain_text', text: 'Open in Hearken' }, url: notice.link },
    ],
  });
  return { text: summary(notice), blocks };
}

function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

export function emailMessage(notice: AlertNotice) {
  const rows = facts(notice);
  const words = notice.feedback?.text ? excerpt(notice.feedback.text, 2000) : null;
  const text = [
    summary(notice),
    '',
    ...rows.map(([label, value]) => `${label}: ${value}`),
    ...(words ? ['', `“${words}”`] : []),
    ...(notice.matched.length ? ['', `Matched: ${matchedText(notice)}`] : []),
    '',
    `Open in Hearken: ${notice.link}`,
  ].join('\n');
  const html = [
    `<p><strong>${escapeHtml(summary(notice))}</strong></p>`,
    `<table>${rows.map(([label, value]) => `<tr><th align="left">${escapeHtml(label)}</th><td>${escapeHtml(value)}</td></tr>`).join('')}</table>`,
    words ? `<blockquote>${escapeHtml(words)}</blockquote>` : '',
    notice.matched.length ? `<p>Matched: ${escapeHtml(matchedText(notice))}</p>` : '',
    `<p><a href="${escapeHtml(notice.link)}">Open in Hearken</a></p>`,
  ].join('\n');
  return { subject: excerpt(summary(notice), 180), text, html };
}

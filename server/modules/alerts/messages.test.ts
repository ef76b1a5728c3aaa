import { describe, expect, it } from 'vitest';
import {
  emailMessage,
  excerpt,
  slackMessage,
  summary,
  webhookBody,
  type AlertNotice,
} from './messages.ts';

const notice: AlertNotice = {
  type: 'alert.fired',
  alertId: 'a1',
  workspaceId: 'w1',
  createdAt: '2025-06-20T10:00:00.000Z',
  rule: { id: 'r1', name: 'Detractors <script>' },
  matched: [{ type: 'score_at_most', detail: 'NPS 2 ≤ 6' }],
  feedback: {
    id: 'f1',
    channel: 'survey',
    scoreType: 'nps',
    score: 2,
    sentimentLabel: 'negative',
    sentimentScore: -0.7,
    text: 'Checkout <b>broke</b> & I lost my order.\nTwice.',
    receivedAt: '2025-06-20T09:59:00.000Z',
    accountName: 'Initech',
    accountTier: 'strategic',
  },
  spike: null,
  link: 'https://hearken.example.test/w/w1/alerts?alert=a1',
};

describe('alert messages', () => {
  it('cuts long text at a word boundary and folds white space', () => {
    expect(excerpt('a  b\n\nc')).toBe('a b c');
    const long = excerpt('word '.repeat(200), 50);
    expect(long.length).toBeLessThanOrEqual(51);
    expect(long.endsWith('word…')).toBe(true);
  });

  it('escapes the customer’s words and names in e-mail HTML', () => {
    const mail = emailMessage(notice);
    expect(mail.subject).toBe('Detractors <script>: NPS 2, negative (survey)');
    expect(mail.html).toContain('Checkout &lt;b&gt;broke&lt;/b&gt; &amp; I lost my order. Twice.');
    expect(mail.html).toContain('Detractors &lt;script&gt;');
    expect(mail.html).not.toContain('<script>');
    expect(mail.text).toContain('Account: Initech (strategic)');
    expect(mail.text).toContain(`Open in Hearken: ${notice.link}`);
  });

  it('escapes Slack control characters and quotes the words', () => {
    const slack = slackMessage(notice);
    const section = JSON.stringify(slack.blocks[2]);
    expect(section).toContain('> Checkout &lt;b&gt;broke&lt;/b&gt; &amp; I lost my order. Twice.');
    expect(JSON.stringify(slack.blocks[1])).toContain('*Account*\\nInitech (strategic)');
    expect(slack.text).toBe(summary(notice));
  });

  it('describes a spike instead of an item', () => {
    const spiky: AlertNotice = {
      ...notice,
      rule: { id: 'r2', name: 'Spikes' },
      feedback: null,
      spike: {
        subjectKind: 'competitor',
        subjectName: 'RivalCo',
        count: 12,
        expected: 2.1,
        ratio: 5.7,
        pValue: 0.00001,
        direction: 'rise',
        severity: 'extreme',
        sentence: '5.7× the usual volume (p < 0.001)',
        windowStart: '2025-06-19T22:00:00.000Z',
      },
    };
    expect(summary(spiky)).toBe(
      'Spikes: Competitor mentions: RivalCo — 5.7× the usual volume (p < 0.001)',
    );
    expect(emailMessage(spiky).text).toContain('Volume: 12 in the window, usually about 2.1');
    expect(slackMessage(spiky).blocks).toHaveLength(4);
    expect(webhookBody(spiky, 'd1')).toMatchObject({
      type: 'alert.fired',
      deliveryId: 'd1',
      feedback: null,
    });
  });
});

import { randomUUID } from 'node:crypto';
import type { AlertNotice } from './messages.ts';

/** The sample a "send test" delivers: made-up feedback, or a made-up spike for a spike rule. */
export function testNotice(
  publicUrl: string,
  workspaceId: string,
  rule: { id: string; name: string; kind: string },
): AlertNotice {
  const now = new Date().toISOString();
  return {
    type: 'alert.test',
    alertId: randomUUID(),
    workspaceId,
    createdAt: now,
    rule: { id: rule.id, name: rule.name },
    matched: [{ type: 'test', detail: 'a test sent from the alerts page' }],
    feedback:
      rule.kind === 'spike'
        ? null
        : {
            id: randomUUID(),
            channel: 'survey',
            scoreType: 'nps',
            score: 3,
            sentimentLabel: 'negative',
            sentimentScore: -0.6,
            text: 'This is a test alert. The customer’s words appear here.',
            receivedAt: now,
            accountName: 'Example account',
            accountTier: 'strategic',
          },
    spike:
      rule.kind === 'spike'
        ? {
            subjectKind: 'theme',
            subjectName: 'Example theme',
            count: 17,
            expected: 5,
            ratio: 3.4,
            pValue: 0.0004,
            direction: 'rise',
            severity: 'high',
            sentence: '3.4× the usual volume (p < 0.001)',
            windowStart: now,
          }
        : null,
    link: `${publicUrl}/w/${workspaceId}/alerts`,
  };
}

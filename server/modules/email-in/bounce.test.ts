import { describe, expect, it } from 'vitest';
import { postfixBounce } from './bounce.fixture.ts';
import { isPermanent, parseDeliveryReport } from './bounce.ts';

describe('parseDeliveryReport', () => {
  it('reads status, recipient, diagnostic and the original ids from a Postfix bounce', () => {
    const report = parseDeliveryReport(
      postfixBounce({
        to: 'gone@example.org',
        messageId: 'abc-123@acme.test',
        hearkenId: '7d1f5f0e-8b7e-4c59-9b56-2f1d3e1a0c11',
      }),
    );
    expect(report).toEqual({
      status: '5.1.1',
      action: 'failed',
      recipient: 'gone@example.org',
      diagnostic: 'smtp; 550 5.1.1 <gone@example.org>: Recipient address rejected: User unknown',
      originalMessageId: 'abc-123@acme.test',
      hearkenMessage: '7d1f5f0e-8b7e-4c59-9b56-2f1d3e1a0c11',
    });
    expect(isPermanent(report!)).toBe(true);
  });

  it('tells temporary failures from permanent ones', () => {
    const report = parseDeliveryReport(
      postfixBounce({ to: 'full@example.org', messageId: 'x@acme.test', status: '4.2.2' }),
    );
    expect(report?.status).toBe('4.2.2');
    expect(isPermanent(report!)).toBe(false);
  });

  it('ignores ordinary mail and other reports', () => {
    expect(
      parseDeliveryReport('From: a@b.test\r\nContent-Type: text/plain\r\n\r\nMy DSN is 5.1.1'),
    ).toBeNull();
    expect(
      parseDeliveryReport(
        'Content-Type: multipart/report; report-type=disposition-notification; boundary=x\r\n\r\n--x--',
      ),
    ).toBeNull();
  });
});

/** A delivery status notification as Postfix writes it, for the message `messageId` to `to`. */
export function postfixBounce(opts: {
  to: string;
  messageId: string;
  hearkenId?: string;
  status?: string;
  action?: string;
}): string {
  const status = opts.status ?? '5.1.1';
  const action = opts.action ?? 'failed';
  return [
    'Return-Path: <>',
    'Received: by mx.example.net (Postfix) id 4B2C81A0; Tue, 10 Mar 2026 12:00:05 +0000 (UTC)',
    'Date: Tue, 10 Mar 2026 12:00:05 +0000 (UTC)',
    'From: MAILER-DAEMON@mx.example.net (Mail Delivery System)',
    'Subject: Undelivered Mail Returned to Sender',
    'To: feedback@acme.test',
    'Auto-Submitted: auto-replied',
    'MIME-Version: 1.0',
    'Content-Type: multipart/report; report-type=delivery-status;',
    '\tboundary="4B2C81A0.1773144005/mx.example.net"',
    'Message-Id: <20260310120005.4B2C81A0@mx.example.net>',
    '',
    'This is a MIME-encapsulated message.',
    '',
    '--4B2C81A0.1773144005/mx.example.net',
    'Content-Description: Notification',
    'Content-Type: text/plain; charset=us-ascii',
    '',
    'This is the mail system at host mx.example.net.',
    '',
    "I'm sorry to have to inform you that your message could not",
    'be delivered to one or more recipients.',
    '',
    `<${opts.to}>: host mail.example.org[203.0.113.5] said: 550 5.1.1`,
    `    <${opts.to}>: Recipient address rejected: User unknown`,
    '',
    '--4B2C81A0.1773144005/mx.example.net',
    'Content-Description: Delivery report',
    'Content-Type: message/delivery-status',
    '',
    'Reporting-MTA: dns; mx.example.net',
    'X-Postfix-Queue-ID: 4B2C81A0',
    'Arrival-Date: Tue, 10 Mar 2026 12:00:01 +0000 (UTC)',
    '',
    `Final-Recipient: rfc822; ${opts.to}`,
    `Original-Recipient: rfc822;${opts.to}`,
    `Action: ${action}`,
    `Status: ${status}`,
    'Remote-MTA: dns; mail.example.org',
    `Diagnostic-Code: smtp; 550 ${status} <${opts.to}>: Recipient address`,
    '    rejected: User unknown',
    '',
    '--4B2C81A0.1773144005/mx.example.net',
    'Content-Description: Undelivered Message Headers',
    'Content-Type: text/rfc822-headers',
    '',
    'From: Acme Feedback <feedback@acme.test>',
    `To: ${opts.to}`,
    'Subject: How did we do?',
    `Message-ID: <${opts.messageId}>`,
    ...(opts.hearkenId ? [`X-Hearken-Message: ${opts.hearkenId}`] : []),
    'Date: Tue, 10 Mar 2026 12:00:00 +0000',
    '',
    '--4B2C81A0.1773144005/mx.example.net--',
    '',
  ].join('\r\n');
}

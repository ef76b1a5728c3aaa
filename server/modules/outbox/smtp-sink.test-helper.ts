import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface SmtpSink {
  port: number;
  received: ParsedMail[];
  close(): Promise<void>;
}

/**
 * A real SMTP server on a free local port that keeps what it receives. Addresses starting with
 * `bounce@` are refused (550).
 */
export function startSmtpSink(): Promise<SmtpSink> {
  const received: ParsedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onRcptTo(address, _session, callback) {
      if (address.address.startsWith('bounce@'))
        return callback(new Error('550 no such mailbox here'));
      callback();
    },
    onData(stream, _session, callback) {
      simpleParser(stream, { skipHtmlToText: true, skipTextToHtml: true })
        .then((mail) => {
          received.push(mail);
          callback();
        })
        .catch(callback);
    },
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () =>
      resolve({
        port: (server.server.address() as AddressInfo).port,
        received,
        close: () => new Promise((done) => server.close(() => done())),
      }),
    );
  });
}

/** Received mail grouped by Message-ID: what a mailbox that collapses duplicates would keep. */
export function byMessageId(mails: ParsedMail[]): Map<string, ParsedMail[]> {
  const groups = new Map<string, ParsedMail[]>();
  for (const mail of mails) {
    const id = mail.messageId ?? '';
    groups.set(id, [...(groups.get(id) ?? []), mail]);
  }
  return groups;
}

/** A header's value as sent (mailparser turns List-* headers into objects). */
export function rawHeader(mail: ParsedMail, name: string): string | undefined {
  const line = mail.headerLines.find((header) => header.key === name.toLowerCase())?.line;
  return line?.slice(line.indexOf(':') + 1).trim();
}

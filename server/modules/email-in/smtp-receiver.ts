import type { AddressInfo } from 'node:net';
import type { Logger } from 'pino';
import { SMTPServer, type SMTPServerDataStream, type SMTPServerSession } from 'smtp-server';
import type { AppContext } from '../../context.ts';
import { acceptEmail, mailboxFor, type InboundDeps } from './email-in.service.ts';

export interface SmtpReceiver {
  port: number;
  /** Stops taking connections, lets open sessions finish (up to `graceMs`) and waits for messages being stored. */
  close(): Promise<void>;
}

export interface SmtpReceiverOptions {
  port: number;
  host: string;
  maxMessageBytes: number;
  /** How long open sessions may go on after close() before they are cut with 421. */
  graceMs?: number;
}

const MAX_RECIPIENTS = 100;

/** An SMTP reply: smtp-server sends `responseCode` and the message to the client. */
function smtpError(responseCode: number, message: string): Error {
  return Object.assign(new Error(message), { responseCode });
}

/** Reads the DATA stream to its end, keeping nothing once it is over the limit (so 30 MB cannot fill memory twice). */
function readMessage(stream: SMTPServerDataStream, limit: number): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    stream.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) chunks.push(chunk);
      else chunks.length = 0;
    });
    stream.on('end', () =>
      resolve(stream.sizeExceeded || size > limit ? null : Buffer.concat(chunks)),
    );
    stream.on('error', reject);
  });
}

/**
 * The inbound SMTP server: accepts mail only for addresses of email listening posts (others get
 * 550 at RCPT TO, so nothing is accepted that would then be dropped), refuses oversize messages
 * with 552, and answers 250 only after the message is stored. A storage failure answers 451,
 * so the sending server keeps the message and tries again: nothing is lost either way.
 */
export async function startSmtpReceiver(
  ctx: Pick<AppContext, 'db' | 'config' | 'log' | 'jobs'>,
  options: SmtpReceiverOptions,
): Promise<SmtpReceiver> {
  const deps: InboundDeps = { db: ctx.db, config: ctx.config };
  const log: Logger = ctx.log.child({ role: 'smtp' });
  const storing = new Set<Promise<unknown>>();

  const resolveRecipients = async (session: SMTPServerSession) => {
    const found = await Promise.all(
      session.envelope.rcptTo.map((rcpt) => mailboxFor(deps, rcpt.address)),
    );
    return found.filter(
      (mailbox): mailbox is NonNullable<typeof mailbox> =>
        mailbox !== undefined && mailbox.status !== 'paused',
    );
  };

  const server = new SMTPServer({
    name: ctx.config.INBOUND_EMAIL_DOMAIN,
    banner: 'Hearken inbound mail',
    size: options.maxMessageBytes,
    authOptional: true,
    // No TLS certificate is configured here: put a TLS-terminating relay in front for encryption.
    disabledCommands: ['AUTH', 'STARTTLS'],
    logger: false,
    maxClients: 100,
    socketTimeout: 60_000,
    closeTimeout: options.graceMs ?? 5_000,
    onRcptTo(address, session, callback) {
      // Each recipient costs a lookup; no feedback message needs more (RFC 5321 asks servers to take at least 100).
      if (session.envelope.rcptTo.length >= MAX_RECIPIENTS)
        return callback(smtpError(452, '4.5.3 Too many recipients'));
      mailboxFor(deps, address.address)
        .then((mailbox) => {
          if (!mailbox) return callback(smtpError(550, '5.1.1 No such mailbox here'));
          // A paused post asks the sender to try later instead of bouncing the mail.
          if (mailbox.status === 'paused')
            return callback(smtpError(450, '4.2.1 Mailbox paused, try again later'));
          callback();
        })
        .catch((error: unknown) => {
          log.error({ err: error }, 'recipient lookup failed');
          callback(smtpError(451, '4.3.0 Temporary failure, try again later'));
        });
    },
    onData(stream, session, callback) {
      const work = (async () => {
        const source = await readMessage(stream, options.maxMessageBytes);
        if (!source)
          return callback(
            smtpError(552, `5.3.4 Message too big: the limit is ${options.maxMessageBytes} bytes`),
          );
        const mailboxes = await resolveRecipients(session);
        if (mailboxes.length === 0) return callback(smtpError(550, '5.1.1 No such mailbox here'));
        const mailFrom = session.envelope.mailFrom;
        const results = await acceptEmail(deps, mailboxes, source, {
          via: 'smtp',
          mailFrom: mailFrom ? mailFrom.address : null,
          rcptTo: session.envelope.rcptTo.map((rcpt) => rcpt.address),
          remoteAddress: session.remoteAddress ?? null,
        });
        // Wake this process's worker for the queued normalisation.
        if (results.some((result) => !result.duplicate)) ctx.jobs.notify();
        log.info(
          { bytes: source.length, stored: results.filter((r) => !r.duplicate).length },
          'email received',
        );
        callback();
      })().catch((error: unknown) => {
        log.error({ err: error }, 'storing an inbound email failed');
        callback(smtpError(451, '4.3.0 Could not store the message, try again later'));
      });
      storing.add(work);
      void work.finally(() => storing.delete(work));
    },
  });
  server.on('error', (error) => log.error({ err: error }, 'smtp server error'));

  await new Promise<void>((resolve, reject) => {
    server.server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.server.off('error', reject);
      resolve();
    });
  });
  const port = (server.server.address() as AddressInfo).port;
  log.info({ port, host: options.host }, 'inbound SMTP listening');

  return {
    port,
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await Promise.allSettled([...storing]);
    },
  };
}

import { ImapFlow } from 'imapflow';
import type { Logger } from 'pino';
import { recordPostHealth } from '../listening-posts/listening-posts.service.ts';
import { acceptEmail, type InboundDeps } from './email-in.service.ts';
import { readEmailSettings, type ImapSettings } from './email-settings.ts';
import * as repo from './imap.repository.ts';

/** Messages taken per run, so one huge mailbox cannot hold a worker for long; the rest come next minute. */
export const MAX_MESSAGES_PER_RUN = 200;

/**
 * Which UIDs to fetch. UIDs only mean something within one UIDVALIDITY: when the server changes
 * it (the mailbox was rebuilt), we start again from the first message; Message-ID deduplication
 * makes the messages we had already a no-op.
 */
export function planFetch(
  state: { uidValidity: number | null; lastUid: number },
  mailbox: { uidValidity: number; uidNext: number },
): { fromUid: number; reset: boolean } | null {
  const reset = state.uidValidity !== mailbox.uidValidity;
  const fromUid = reset ? 1 : state.lastUid + 1;
  return fromUid < mailbox.uidNext ? { fromUid, reset } : null;
}

/** Polls every minute; after n failures in a row, waits 2^n minutes (at most 1 hour). */
export function nextPollDelayMs(failures: number): number {
  return Math.min(60_000 * 2 ** failures, 3_600_000);
}

/** The part of an IMAP client polling needs; the real one is ImapFlow, tests can drive the bookkeeping with another. */
export interface MailboxReader {
  open(): Promise<{ uidValidity: number; uidNext: number }>;
  messagesFrom(uid: number): AsyncIterable<{ uid: number; source: Buffer; size: number }>;
  close(): Promise<void>;
}

export function imapReader(settings: ImapSettings, password: string, log: Logger): MailboxReader {
  const client = new ImapFlow({
    host: settings.host,
    port: settings.port,
    secure: settings.secure,
    auth: { user: settings.user, pass: password },
    logger: false,
    connectionTimeout: 20_000,
    socketTimeout: 120_000,
  });
  client.on('error', (error: Error) => log.warn({ err: error }, 'imap connection error'));
  return {
    async open() {
      await client.connect();
      const mailbox = await client.mailboxOpen(settings.mailbox, { readOnly: true });
      return { uidValidity: Number(mailbox.uidValidity), uidNext: mailbox.uidNext };
    },
    async *messagesFrom(uid) {
      for await (const message of client.fetch(
        `${uid}:*`,
        { uid: true, source: true, size: true },
        { uid: true },
      )) {
        // `n:*` always returns the last message, even below n; skip what we already have.
        if (message.uid >= uid && message.source)
          yield {
            uid: message.uid,
            source: message.source,
            size: message.size ?? message.source.length,
          };
      }
    },
    async close() {
      await client.logout().catch(() => client.close());
    },
  };
}

export interface PollResult {
  fetched: number;
  stored: number;
  skippedTooLarge: number;
}

/**
 * One poll of one post's mailbox: takes the messages after the last UID, stores each through the
 * same path as SMTP, and records the UID after each. Errors go to the post's status and last
 * error, and push the next poll back.
 */
export async function pollMailbox(
  deps: InboundDeps & { maxMessageBytes: number },
  target: repo.ImapPollTarget,
  reader: MailboxReader,
  log: Logger,
): Promise<PollResult> {
  const { workspaceId, postId } = target;
  const state = await repo.readImapState(deps.db, workspaceId, postId);
  const result: PollResult = { fetched: 0, stored: 0, skippedTooLarge: 0 };
  try {
    const mailbox = await reader.open();
    const plan = planFetch(state, mailbox);
    if (plan?.reset && state.uidValidity !== null)
      log.warn(
        { postId, uidValidity: mailbox.uidValidity },
        'UIDVALIDITY changed: reading the mailbox again',
      );
    for await (const message of plan ? reader.messagesFrom(plan.fromUid) : []) {
      if (result.fetched >= MAX_MESSAGES_PER_RUN) break;
      result.fetched++;
      if (message.size > deps.maxMessageBytes) result.skippedTooLarge++;
      else {
        const [stored] = await acceptEmail(deps, [{ workspaceId, postId }], message.source, {
          via: 'imap',
          mailFrom: null,
          rcptTo: [],
          remoteAddress: null,
        });
        if (stored && !stored.duplicate) result.stored++;
      }
      await repo.saveImapProgress(deps.db, workspaceId, postId, {
        uidValidity: mailbox.uidValidity,
        lastUid: message.uid,
      });
    }
    if (plan?.reset && result.fetched === 0)
      await repo.saveImapProgress(deps.db, workspaceId, postId, {
        uidValidity: mailbox.uidValidity,
        lastUid: 0,
      });
    await repo.finishImapRun(deps.db, workspaceId, postId, {
      failed: false,
      nextPollAt: new Date(Date.now() + nextPollDelayMs(0)),
    });
    await recordPostHealth(deps, workspaceId, postId, null);
    if (result.skippedTooLarge > 0)
      await recordPostHealth(
        deps,
        workspaceId,
        postId,
        `${result.skippedTooLarge} message(s) over ${deps.maxMessageBytes} bytes were left in the mailbox`,
      );
    return result;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    await repo.finishImapRun(deps.db, workspaceId, postId, {
      failed: true,
      nextPollAt: new Date(Date.now() + nextPollDelayMs(state.failures + 1)),
    });
    await recordPostHealth(deps, workspaceId, postId, `IMAP: ${message}`);
    throw error;
  } finally {
    await reader.close().catch(() => undefined);
  }
}

/** The reader for a post's configured mailbox, or why it cannot be polled. */
export function readerFor(target: repo.ImapPollTarget, log: Logger): MailboxReader | string {
  const settings = readEmailSettings(
    (target.config['settings'] as Record<string, unknown> | undefined) ?? {},
  ).imap;
  const password = target.config['imapPassword'];
  if (!settings) return 'no IMAP settings';
  if (typeof password !== 'string') return 'IMAP password not set';
  return imapReader(settings, password, log);
}

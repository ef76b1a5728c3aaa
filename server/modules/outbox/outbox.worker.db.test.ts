import { sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { parseConfig } from '../../config/env.ts';
import { queryRows } from '../../db/client.ts';
import { createRegistry, defineJob } from '../../jobs/job.ts';
import { Worker } from '../../jobs/worker.ts';
import { createLogger } from '../../logger.ts';
import { describeEachEngine } from '../../test/engines.ts';
import { createTestWorkspace } from '../../test/fixtures.ts';
import { sendMessageJob } from './outbox.jobs.ts';
import { deliverMessage, enqueueMessages, SEND_ATTEMPTS } from './outbox.service.ts';
import { byMessageId, startSmtpSink, type SmtpSink } from './smtp-sink.test-helper.ts';

const log = createLogger({ LOG_LEVEL: 'silent' });
const workers: Worker[] = [];
afterEach(async () => {
  await Promise.all(workers.splice(0).map((worker) => worker.stop(200)));
});

async function waitFor(probe: () => Promise<boolean>, timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await probe())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describeEachEngine(
  'outbox send job with real workers',
  ({ ctx }) => {
    let smtp: SmtpSink;
    beforeAll(async () => {
      smtp = await startSmtpSink();
    });
    afterAll(() => smtp.close());

    const config = () =>
      parseConfig({
        LOG_LEVEL: 'silent',
        DATA_DIR: '.tmp/test-data',
        SMTP_URL: `smtp://127.0.0.1:${smtp.port}`,
        MAIL_FROM: 'Acme <feedback@acme.test>',
      });
    /** The real send job, with this test's SMTP server and an optional crash after handoff. */
    function startWorker(crashOnce?: Set<string>) {
      const job = defineJob({
        ...sendMessageJob,
        backoffMs: () => 100,
        async handler({ messageId }, { db, workspaceId, attempt }) {
          await deliverMessage(
            db,
            config(),
            workspaceId!,
            messageId,
            { number: attempt, max: SEND_ATTEMPTS },
            {
              staleMs: 300,
              afterHandoff: () => {
                // This worker "dies" here: it never records the send and never returns.
                if (crashOnce?.delete(messageId)) return new Promise<void>(() => {});
              },
            },
          );
        },
      });
      const worker = new Worker(ctx().db, createRegistry([job]), {
        concurrency: 4,
        pollMs: 20,
        leaseMs: 60_000,
        log,
      });
      workers.push(worker);
      worker.start();
      return worker;
    }
    const sentCount = async (workspaceId: string) => {
      const [row] = await queryRows<{ n: number }>(
        ctx().db,
        sql`SELECT count(*)::int AS n FROM outbox_messages
            WHERE workspace_id = ${workspaceId} AND state = 'sent'`,
      );
      return row!.n;
    };
    const messages = (count: number, prefix: string) =>
      Array.from({ length: count }, (_, i) => ({
        dedupKey: `${prefix}-${i}`,
        to: `person${i}@example.test`,
        subject: `Message ${i}`,
        html: '<p>Hi</p>',
        text: 'Hi',
      }));

    it('sends each message once with two workers, and not again when the jobs run again', async () => {
      const workspace = await createTestWorkspace(ctx());
      const context = { ...ctx(), config: config() };
      const written = await enqueueMessages(context, workspace.id, messages(40, 'two'));
      startWorker();
      startWorker();
      await waitFor(async () => (await sentCount(workspace.id)) === 40);
      // Every send job runs a second time (a retry, a restart replaying the queue).
      await queryRows(
        ctx().db,
        sql`UPDATE jobs SET state = 'queued', run_at = now(), attempts = 0
            WHERE workspace_id = ${workspace.id} AND name = 'outbox.send'`,
      );
      startWorker();
      await waitFor(async () => {
        const [row] = await queryRows<{ n: number }>(
          ctx().db,
          sql`SELECT count(*)::int AS n FROM jobs WHERE workspace_id = ${workspace.id}
              AND name = 'outbox.send' AND state <> 'done'`,
        );
        return row!.n === 0;
      });
      const ids = new Set(written.map((w) => `<${w.messageId}>`));
      const mine = smtp.received.filter((mail) => ids.has(mail.messageId ?? ''));
      expect(mine).toHaveLength(40);
      expect(byMessageId(mine).size).toBe(40);
    });

    it('after a worker dies between SMTP and commit, another resends with the same Message-ID', async () => {
      const workspace = await createTestWorkspace(ctx());
      const context = { ...ctx(), config: config() };
      const written = await enqueueMessages(context, workspace.id, messages(10, 'crash'));
      const victim = written[0]!;
      const first = startWorker(new Set([victim.id]));
      await waitFor(async () => (await sentCount(workspace.id)) === 9);
      // Stop the stuck worker abruptly: its job goes back to the queue, the row stays `sending`.
      await first.stop(50);
      workers.splice(workers.indexOf(first), 1);
      startWorker();
      await waitFor(async () => (await sentCount(workspace.id)) === 10);
      const copies = smtp.received.filter((mail) => mail.messageId === `<${victim.messageId}>`);
      expect(copies).toHaveLength(2);
      const ids = new Set(written.map((w) => `<${w.messageId}>`));
      const mine = smtp.received.filter((mail) => ids.has(mail.messageId ?? ''));
      expect(mine).toHaveLength(11);
      // A mailbox that collapses duplicate Message-IDs holds exactly one copy of each.
      expect(byMessageId(mine).size).toBe(10);
    });
  },
  {},
  { emptyDatabase: true },
);

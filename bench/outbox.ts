import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { sql } from 'drizzle-orm';
import { SMTPServer } from 'smtp-server';
import { parseConfig, type Config } from '../server/config/env.ts';
import { createContext } from '../server/context.ts';
import { openDatabase, queryRows, type Database } from '../server/db/client.ts';
import { createRegistry, defineJob } from '../server/jobs/job.ts';
import { Worker } from '../server/jobs/worker.ts';
import { createLogger } from '../server/logger.ts';
import { SYSTEM_ACTOR } from '../server/modules/audit/audit.service.ts';
import { insertUser } from '../server/modules/auth/auth.repository.ts';
import { sendMessageJob } from '../server/modules/outbox/outbox.jobs.ts';
import {
  deliverMessage,
  enqueueMessages,
  SEND_ATTEMPTS,
} from '../server/modules/outbox/outbox.service.ts';
import { createWorkspaceWithOwner } from '../server/modules/workspaces/workspaces.service.ts';
import { createBenchDatabase } from './lib/postgres.ts';
import {
  intArg,
  noteMachine,
  perSecond,
  printFigures,
  printTable,
  progress,
} from './lib/report.ts';

export const description =
  'Outbox: messages/s through the real send job to a local SMTP server; duplicates and losses across a forced worker restart (--messages=N)';

const log = createLogger({ LOG_LEVEL: 'silent' });

/** A local SMTP server that only counts Message-IDs (parsing whole messages would be the bottleneck). */
async function startSink() {
  const ids: string[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, _session, callback) {
      let head = '';
      stream.on('data', (chunk: Buffer) => {
        if (head.length < 8192) head += chunk.toString('latin1');
      });
      stream.on('end', () => {
        const match = /^Message-ID:\s*(<[^>]+>)/im.exec(head);
        ids.push(match?.[1] ?? '');
        callback();
      });
    },
  });
  const port = await new Promise<number>((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve((server.server.address() as AddressInfo).port)),
  );
  return { ids, port, close: () => new Promise<void>((done) => server.close(() => done())) };
}

interface Crash {
  /** After the kill, this worker's in-flight sends hang after SMTP accepted them (never committed). */
  killed: boolean;
  inWindow: Set<string>;
}

function startWorker(database: Database, config: Config, crash?: Crash) {
  const job = defineJob({
    ...sendMessageJob,
    backoffMs: () => 200,
    async handler({ messageId }, { db, workspaceId, attempt }) {
      await deliverMessage(
        db,
        config,
        workspaceId!,
        messageId,
        { number: attempt, max: SEND_ATTEMPTS },
        {
          staleMs: 1000,
          afterHandoff: () => {
            if (!crash?.killed) return;
            crash.inWindow.add(messageId);
            return new Promise<void>(() => {});
          },
        },
      );
    },
  });
  const worker = new Worker(database.db, createRegistry([job]), {
    concurrency: 8,
    pollMs: 20,
    leaseMs: 30_000,
    log,
  });
  worker.start();
  return worker;
}

async function countSent(database: Database, workspaceId: string) {
  const [row] = await queryRows<{ n: number }>(
    database.db,
    sql`SELECT count(*)::int AS n FROM outbox_messages WHERE workspace_id = ${workspaceId} AND state = 'sent'`,
  );
  return row!.n;
}

async function waitSent(
  database: Database,
  workspaceId: string,
  target: number,
  timeoutMs: number,
) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const sent = await countSent(database, workspaceId);
    if (sent >= target) return true;
    if (Date.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

async function benchEngine(engine: 'pglite' | 'postgres', url: string | undefined, n: number) {
  const database = await openDatabase(url ? { databaseUrl: url } : {});
  await database.migrate();
  const sink = await startSink();
  const config = parseConfig({
    LOG_LEVEL: 'silent',
    DATA_DIR: '.tmp/bench-data',
    SMTP_URL: `smtp://127.0.0.1:${sink.port}`,
    MAIL_FROM: 'Bench <bench@acme.test>',
  });
  const ctx = createContext(database.db, database.engine, config, log);
  const user = await insertUser(database.db, {
    email: `bench-${Date.now()}@example.test`,
    name: 'Bench',
    passwordHash: null,
  });
  const enqueue = async (workspaceId: string, prefix: string) => {
    const written: string[] = [];
    for (let start = 0; start < n; start += 500) {
      const batch = Array.from({ length: Math.min(500, n - start) }, (_, i) => ({
        dedupKey: `${prefix}-${start + i}`,
        to: `person${start + i}@example.test`,
        subject: 'How did we do?',
        html: '<p>Hello</p>',
        text: 'Hello',
      }));
      const rows = await enqueueMessages(ctx, workspaceId, batch);
      written.push(...rows.map((row) => `<${row.messageId}>`));
    }
    return written;
  };

  // 1. Throughput: N messages through one worker (8 concurrent sends, pooled SMTP).
  progress(`${engine}: sending ${n} messages`);
  const a = await createWorkspaceWithOwner(database.db, 'Bench A', user.id, SYSTEM_ACTOR);
  const idsA = await enqueue(a.id, 'a');
  const started = performance.now();
  const w1 = startWorker(database, config);
  await waitSent(database, a.id, n, 300_000);
  const ms = performance.now() - started;
  await w1.stop(1000);

  // 2. Forced restart: kill the worker a third of the way in, start another.
  progress(`${engine}: forced restart`);
  const b = await createWorkspaceWithOwner(database.db, 'Bench B', user.id, SYSTEM_ACTOR);
  const idsB = await enqueue(b.id, 'b');
  const crash: Crash = { killed: false, inWindow: new Set() };
  const w2 = startWorker(database, config, crash);
  await waitSent(database, b.id, Math.floor(n / 3), 300_000);
  crash.killed = true;
  await new Promise((resolve) => setTimeout(resolve, 100));
  // Abrupt stop: in-flight jobs are handed back as a lease expiry would; rows stay `sending`.
  await w2.stop(0);
  const w3 = startWorker(database, config);
  const finished = await waitSent(database, b.id, n, 300_000);
  await w3.stop(1000);

  const count = (expected: string[]) => {
    const wanted = new Set(expected);
    const got = sink.ids.filter((id) => wanted.has(id));
    const unique = new Set(got);
    return {
      received: got.length,
      duplicates: got.length - unique.size,
      lost: wanted.size - unique.size,
    };
  };
  const runA = count(idsA);
  const runB = count(idsB);
  await sink.close();
  await database.close();
  return {
    engine,
    perSecond: perSecond(n, ms),
    ms,
    runA,
    runB,
    inWindow: crash.inWindow.size,
    finished,
  };
}

export async function main(args: string[]): Promise<void> {
  const n = intArg(args, 'messages', 2000);
  noteMachine();
  const results = [await benchEngine('pglite', undefined, n)];
  const postgres = await createBenchDatabase();
  if (postgres.ok) {
    try {
      results.push(await benchEngine('postgres', postgres.database.url, n));
    } finally {
      await postgres.database.drop();
    }
  }
  printTable(
    `Outbox: ${n} messages to a local SMTP server, then ${n} more with a forced worker restart`,
    [
      'engine',
      'msgs/s',
      'dup (run 1)',
      'lost (run 1)',
      'in crash window',
      'dup (restart)',
      'dup outside window',
      'lost (restart)',
    ],
    results.map((r) => [
      r.engine,
      Math.round(r.perSecond),
      r.runA.duplicates,
      r.runA.lost,
      r.inWindow,
      r.runB.duplicates,
      r.runB.duplicates - r.inWindow,
      r.runB.lost,
    ]),
  );
  const figures: Record<string, number> = { messages: n };
  for (const r of results) {
    figures[`${r.engine}_msgs_per_s`] = Math.round(r.perSecond);
    figures[`${r.engine}_dup_run1`] = r.runA.duplicates;
    figures[`${r.engine}_lost_run1`] = r.runA.lost;
    figures[`${r.engine}_crash_window`] = r.inWindow;
    figures[`${r.engine}_dup_outside_window`] = r.runB.duplicates - r.inWindow;
    figures[`${r.engine}_lost_restart`] = r.runB.lost;
  }
  printFigures(figures);
}

import type { Logger } from 'pino';
import type { Config } from './config/env.ts';
import { createContext, type AppContext } from './context.ts';
import { openDatabase } from './db/client.ts';
import { buildApp } from './http/app.ts';
import { createRegistry, type JobDefinition } from './jobs/job.ts';
import { allJobs, allSchedules } from './jobs/registry.ts';
import { Scheduler } from './jobs/scheduler.ts';
import { Worker } from './jobs/worker.ts';
import { createSetupLink } from './modules/auth/auth.service.ts';
import { startSmtpReceiver } from './modules/email-in/smtp-receiver.ts';

export interface RunningHearken {
  ctx: AppContext;
  url: string | undefined;
  /** The inbound SMTP port, when SMTP_INBOUND_PORT is set on an API process. */
  smtpPort: number | undefined;
  stop(): Promise<void>;
}

/**
 * Opens the database, migrates, and starts the roles this process runs. On embedded PGlite the
 * database lives inside this process, so every role runs here and other processes cannot join.
 */
export interface StartOptions {
  /** More job types for this process's worker, beside the built-in ones (used by e2e fixtures). */
  extraJobs?: ReadonlyArray<JobDefinition<unknown>>;
}

export async function startHearken(
  config: Config,
  log: Logger,
  options: StartOptions = {},
): Promise<RunningHearken> {
  const started = Date.now();
  const database = await openDatabase({
    databaseUrl: config.DATABASE_URL,
    dataDir: config.DATA_DIR,
    poolMax: config.DATABASE_POOL_MAX,
  });
  await database.migrate();
  const ctx = createContext(database.db, database.engine, config, log);
  const roles = new Set(config.HEARKEN_ROLES);
  if (database.engine === 'pglite' && roles.size < 3) {
    log.warn(
      'Embedded PGlite serves one process only: running every role here. Set DATABASE_URL to split roles across processes.',
    );
    ['api', 'worker', 'scheduler'].forEach((role) => roles.add(role as 'api'));
  }

  let ready = false;
  const worker = roles.has('worker')
    ? new Worker(ctx.db, createRegistry([...allJobs, ...(options.extraJobs ?? [])]), {
        concurrency: config.WORKER_CONCURRENCY,
        pollMs: config.JOB_POLL_MS,
        leaseMs: config.JOB_LEASE_MS,
        log: log.child({ role: 'worker' }),
      })
    : undefined;
  const unsubscribe = worker ? ctx.jobs.onEnqueue(() => worker.nudge()) : undefined;
  const scheduler = roles.has('scheduler')
    ? new Scheduler(ctx.db, allSchedules, log.child({ role: 'scheduler' }))
    : undefined;
  const app = roles.has('api')
    ? await buildApp(ctx, { serveWeb: true, isReady: () => ready })
    : undefined;

  worker?.start();
  await scheduler?.start();
  const url = app ? await app.listen({ port: config.PORT, host: config.HOST }) : undefined;
  // Inbound mail is a front door like the HTTP API, so it runs with the api role.
  const smtp =
    app && config.SMTP_INBOUND_PORT !== undefined
      ? await startSmtpReceiver(ctx, {
          port: config.SMTP_INBOUND_PORT,
          host: config.SMTP_INBOUND_HOST,
          maxMessageBytes: config.EMAIL_MAX_MESSAGE_BYTES,
          graceMs: config.SHUTDOWN_TIMEOUT_MS,
        })
      : undefined;
  ready = true;
  log.info(
    { roles: [...roles], engine: database.engine, url, ms: Date.now() - started },
    'Hearken is running',
  );

  const setupLink = app ? await createSetupLink(ctx) : undefined;
  if (setupLink) {
    // Printed plainly (not only as a log line) so the person who just ran `npm start` sees it.
    process.stdout.write(
      `\n  Welcome to Hearken. Open this one-time link to create the first owner:\n\n    ${setupLink}\n\n`,
    );
  }

  return {
    ctx,
    url,
    smtpPort: smtp?.port,
    async stop() {
      ready = false;
      await Promise.all([app?.close(), smtp?.close()]);
      await scheduler?.stop();
      await worker?.stop(config.SHUTDOWN_TIMEOUT_MS);
      unsubscribe?.();
      await database.close();
    },
  };
}

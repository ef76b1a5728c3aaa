import ipaddr from 'ipaddr.js';
import { z } from 'zod';

/**
 * Every setting Hearken reads, parsed once. Nothing else in the server reads process.env,
 * so this file is the single list the README's configuration table is written from.
 */
const roleSchema = z.enum(['api', 'worker', 'scheduler']);
export type ProcessRole = z.infer<typeof roleSchema>;

const booleanFromString = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((value) => value === 'true' || value === '1' || value === 'yes');

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  PUBLIC_URL: z.url().optional(),
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z.string().min(1).optional(),
  DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(200).default(10),
  HEARKEN_ROLES: z
    .string()
    .default('api,worker,scheduler')
    .transform((value) =>
      value
        .split(',')
        .map((part) => part.trim())
        .filter(Boolean),
    )
    .pipe(z.array(roleSchema).min(1)),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  TRUST_PROXY: booleanFromString.default(false),
  SECURE_COOKIES: z.enum(['auto', 'true', 'false']).default('auto'),
  BODY_LIMIT_BYTES: z.coerce.number().int().min(1024).default(1_048_576),
  SESSION_TTL_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .default(24 * 14),
  SIGNIN_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(10),
  PUBLIC_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(120),
  /** Signed deliveries per listening post and sender address: providers post bursts from few addresses. */
  WEBHOOK_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(1200),
  WIDGET_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(30),
  WIDGET_POST_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(600),
  WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(4),
  JOB_POLL_MS: z.coerce.number().int().min(10).default(250),
  JOB_LEASE_MS: z.coerce.number().int().min(500).default(60_000),
  SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(0).default(10_000),
  // Outbound fetches (feeds, social APIs) refuse private, loopback and link-local addresses
  // unless the operator allows all of them or lists the ranges to allow (comma-separated CIDRs).
  OUTBOUND_ALLOW_PRIVATE: booleanFromString.default(false),
  OUTBOUND_ALLOW_CIDRS: z
    .string()
    .default('')
    .transform((value) =>
      value
        .split(',')
        .map((part) => part.trim())
        .filter(Boolean),
    )
    .pipe(
      z.array(
        z.string().refine(ipaddr.isValidCIDR, 'must be a CIDR such as 10.1.0.0/16 or fd00::/8'),
      ),
    ),
  /** Outgoing mail server (smtp:// or smtps://, credentials in the URL); unset: mail stays local. */
  SMTP_URL: z.url({ protocol: /^smtps?$/ }).optional(),
  MAIL_FROM: z.string().min(3).max(320).default('Hearken <hearken@localhost>'),
  /**
   * Signs the personal links in outgoing mail (withdraw consent, one-click unsubscribe). Unset: a
   * random secret is generated once and kept in DATA_DIR/hearken-secret (set it when several
   * machines send mail, so each accepts the others' links).
   */
  HEARKEN_SECRET: z.string().min(32).optional(),
  /** Case deadlines: the owner is reminded when this share of a stage's time is left (0–1). */
  CASE_REMINDER_SHARE: z.coerce.number().min(0).max(1).default(0.25),
  /** Inbound email (server/modules/email-in): the SMTP receiver runs only when a port is set; 0 picks a free port. */
  SMTP_INBOUND_PORT: z.coerce.number().int().min(0).max(65535).optional(),
  SMTP_INBOUND_HOST: z.string().min(1).default('127.0.0.1'),
  INBOUND_EMAIL_DOMAIN: z
    .string()
    .regex(/^[a-z0-9.-]+\.[a-z]{2,}$/i)
    .transform((domain) => domain.toLowerCase())
    .optional(),
  EMAIL_MAX_MESSAGE_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(25 * 1024 * 1024),
  EMAIL_MAX_ATTACHMENT_BYTES: z.coerce
    .number()
    .int()
    .min(0)
    .default(10 * 1024 * 1024),
  EMAIL_RAW_SOURCE_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(0)
    .default(2 * 1024 * 1024),
  /** Largest file accepted by the dashboard's import upload (default 2 GiB). */
  IMPORT_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(2 * 1024 ** 3),
  /** Where uploaded import files wait for their import job (default DATA_DIR/imports). */
  IMPORT_DIR: z.string().min(1).optional(),
});

export type Env = z.infer<typeof envSchema>;

export interface Config extends Omit<Env, 'PUBLIC_URL'> {
  PUBLIC_URL: string;
  secureCookies: boolean;
}

export function parseConfig(source: Record<string, string | undefined>): Config {
  // An empty variable (`DATABASE_URL=`) means "not set", as in most shells' configuration files.
  const present = Object.fromEntries(Object.entries(source).filter(([, value]) => value !== ''));
  const parsed = envSchema.safeParse(present);
  if (!parsed.success) {
    const problems = parsed.error.issues.map(
      (issue) => `${issue.path.join('.')}: ${issue.message}`,
    );
    throw new Error(`Invalid configuration:\n  ${problems.join('\n  ')}`);
  }
  const env = parsed.data;
  const publicUrl = (env.PUBLIC_URL ?? `http://localhost:${env.PORT}`).replace(/\/+$/, '');
  const secureCookies =
    env.SECURE_COOKIES === 'auto'
      ? publicUrl.startsWith('https://')
      : env.SECURE_COOKIES === 'true';
  return { ...env, PUBLIC_URL: publicUrl, secureCookies };
}

/** The configuration of this process, from its environment. */
export function loadConfig(overrides: Record<string, string | undefined> = {}): Config {
  return parseConfig({ ...process.env, ...overrides });
}

let processWide: Config | undefined;
/** This process's configuration, parsed once: for job handlers, whose context carries none. */
export function processConfig(): Config {
  return (processWide ??= loadConfig());
}

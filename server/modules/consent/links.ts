import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Config } from '../../config/env.ts';
import type { ConsentPurpose } from '../../db/schema/index.ts';

/**
 * Personal links in outgoing mail: `/c/<token>` (withdraw consent), `/c/<token>/unsubscribe`
 * (RFC 8058 one-click) and `/c/<token>/consent?purpose=…&answer=yes|no`. The token names the
 * workspace and the message's RFC 5322 Message-ID and carries an HMAC over both with the server
 * secret, so nobody can forge a link for another message, and nothing needs storing to check it.
 */
export interface ConsentLinks {
  withdraw: string;
  unsubscribe: string;
  yes(purpose: ConsentPurpose): string;
  no(purpose: ConsentPurpose): string;
}

const secrets = new Map<string, Buffer>();

/** HEARKEN_SECRET, or a random one generated once and kept in DATA_DIR/hearken-secret. */
export function serverSecret(config: Config): Buffer {
  if (config.HEARKEN_SECRET) return Buffer.from(config.HEARKEN_SECRET, 'utf8');
  const cached = secrets.get(config.DATA_DIR);
  if (cached) return cached;
  const file = join(config.DATA_DIR, 'hearken-secret');
  let secret: string;
  try {
    secret = readFileSync(file, 'utf8').trim();
  } catch {
    mkdirSync(config.DATA_DIR, { recursive: true });
    const generated = randomBytes(32).toString('base64url');
    try {
      // `wx`: two processes starting together keep whichever secret was written first.
      writeFileSync(file, `${generated}\n`, { flag: 'wx', mode: 0o600 });
      chmodSync(file, 0o600);
    } catch {
      /* written by another process meanwhile */
    }
    secret = readFileSync(file, 'utf8').trim();
  }
  const buffer = Buffer.from(secret, 'utf8');
  secrets.set(config.DATA_DIR, buffer);
  return buffer;
}

function mac(config: Config, workspaceId: string, messageId: string): string {
  return createHmac('sha256', serverSecret(config))
    .update(`consent:${workspaceId}:${messageId}`)
    .digest()
    .subarray(0, 16)
    .toString('base64url');
}

export function consentToken(config: Config, workspaceId: string, messageId: string): string {
  const ws = Buffer.from(workspaceId.replace(/-/g, ''), 'hex').toString('base64url');
  const msg = Buffer.from(messageId, 'utf8').toString('base64url');
  return `${ws}.${msg}.${mac(config, workspaceId, messageId)}`;
}

/** The workspace and Message-ID a token names, or null when it is malformed or forged. */
export function readConsentToken(
  config: Config,
  token: string,
): { workspaceId: string; messageId: string } | null {
  const parts = token.split('.');
  if (parts.length !== 3) return null;
  const [ws, msg, signature] = parts as [string, string, string];
  const hex = Buffer.from(ws, 'base64url').toString('hex');
  if (hex.length !== 32) return null;
  const workspaceId = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  const messageId = Buffer.from(msg, 'base64url').toString('utf8');
  if (!messageId || messageId.length > 300) return null;
  const expected = Buffer.from(mac(config, workspaceId, messageId), 'utf8');
  const given = Buffer.from(signature, 'utf8');
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  return { workspaceId, messageId };
}

/**
 * The links to put in a message before writing it to the outbox. Pass the message's Message-ID
 * (from `newMessageId`, then give the same `messageId` to `enqueueMessages`).
 */
export function consentLinks(config: Config, workspaceId: string, messageId: string): ConsentLinks {
  const base = `${config.PUBLIC_URL}/c/${consentToken(config, workspaceId, messageId)}`;
  const answer = (purpose: ConsentPurpose, value: 'yes' | 'no') =>
    `${base}/consent?purpose=${purpose}&answer=${value}`;
  return {
    withdraw: base,
    unsubscribe: `${base}/unsubscribe`,
    yes: (purpose) => answer(purpose, 'yes'),
    no: (purpose) => answer(purpose, 'no'),
  };
}

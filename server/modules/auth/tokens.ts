import { createHash, randomBytes } from 'node:crypto';

/** A URL-safe random secret with 256 bits of entropy. */
export function newToken(prefix = ''): string {
  return prefix + randomBytes(32).toString('base64url');
}

/**
 * Secrets we hand out (session cookies, API keys, links) are random, so a fast hash is enough to
 * keep the stored value useless to someone who reads the database.
 */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}

import type { Config } from '../../config/env.ts';

/**
 * ADAPTER: the mail helper's `consentLinks(config, workspaceId, messageId)` in
 * `server/modules/consent/` makes the signed Yes/No links that record consent. It was being built
 * in parallel when this module was written; the integrator points this file at it (same
 * signature), e.g. `export { consentLinks } from '../consent/consent.service.ts';`.
 * Until then the links name the message and purpose under PUBLIC_URL and record nothing.
 */
export interface ConsentLinks {
  yes(purpose: string): string;
  no(purpose: string): string;
}

export function consentLinks(
  config: Pick<Config, 'PUBLIC_URL'>,
  workspaceId: string,
  messageId: string,
): ConsentLinks {
  const link = (purpose: string, answer: 'yes' | 'no') =>
    `${config.PUBLIC_URL}/consent/${encodeURIComponent(workspaceId)}/${encodeURIComponent(
      messageId,
    )}?purpose=${encodeURIComponent(purpose)}&answer=${answer}`;
  return { yes: (purpose) => link(purpose, 'yes'), no: (purpose) => link(purpose, 'no') };
}

import type { OutboxState, StockCheck } from './types.ts';

/** What happened to a message, said honestly: `local` means nothing left this machine. */
export const SEND_STATE_LABELS: Record<OutboxState, string> = {
  local: 'Kept in the local outbox — no mail server is configured, nothing was sent',
  queued: 'Queued to send',
  sending: 'Sending…',
  sent: 'Sent',
  held: 'Held — waiting for a contact limit or an open case',
  blocked: 'Blocked — no consent, or the address is suppressed',
  bounced: 'Bounced — the address did not accept it',
  failed: 'Failed to send',
};

export const SEND_STATE_TONES: Record<OutboxState, 'info' | 'success' | 'warning' | 'danger'> = {
  local: 'info',
  queued: 'info',
  sending: 'info',
  sent: 'success',
  held: 'warning',
  blocked: 'danger',
  bounced: 'danger',
  failed: 'danger',
};

/** States that may still change, so the composer keeps looking. */
export function isSettling(state: OutboxState): boolean {
  return state === 'queued' || state === 'sending' || state === 'held';
}

export function stockWarning(check: StockCheck): string {
  if (check.others > 0)
    return `This reads like a stock reply sent to ${check.others} ${
      check.others === 1 ? 'other' : 'others'
    } — make it personal.`;
  if (check.snippet)
    return `This is the snippet “${check.snippet.name}” as it stands — make it personal.`;
  return 'This reads like a stock reply — make it personal.';
}

import { describe, expect, it } from 'vitest';
import { describeEvent } from './labels.ts';

describe('describeEvent', () => {
  it('reads stage moves, closings and shipped actions as sentences', () => {
    expect(describeEvent('stage_changed', { from: 'engage', to: 'follow_up' })).toBe(
      'moved it from Engage to Follow up',
    );
    expect(describeEvent('closed', { outcome: 'won_back', resolution: 'Refunded' })).toBe(
      'closed it: Won back — Refunded',
    );
    expect(describeEvent('action_shipped', { title: 'Faster export' })).toBe(
      '“Faster export” shipped: tell the customer',
    );
    expect(describeEvent('opened', { ruleId: null })).toBe('opened the case');
  });

  it('falls back to the event type for events it does not know', () => {
    expect(describeEvent('winback_sent', {})).toBe('winback sent');
  });
});

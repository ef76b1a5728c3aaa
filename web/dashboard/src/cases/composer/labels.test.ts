import { describe, expect, it } from 'vitest';
import { isSettling, SEND_STATE_LABELS, stockWarning } from './labels.ts';

describe('composer labels', () => {
  it('warns with the number of others, or the snippet', () => {
    expect(stockWarning({ stock: true, others: 3, similarity: 0.9, snippet: null })).toBe(
      'This reads like a stock reply sent to 3 others — make it personal.',
    );
    expect(stockWarning({ stock: true, others: 1, similarity: 0.9, snippet: null })).toContain(
      'sent to 1 other —',
    );
    expect(
      stockWarning({ stock: true, others: 0, similarity: 1, snippet: { id: 's', name: 'Sorry' } }),
    ).toBe('This is the snippet “Sorry” as it stands — make it personal.');
  });

  it('says that a local message was not sent', () => {
    expect(SEND_STATE_LABELS.local).toContain('nothing was sent');
    expect(isSettling('queued')).toBe(true);
    expect(isSettling('local')).toBe(false);
  });
});

import { expect, it } from 'vitest';
import type { PendingRawItem } from '../ingest/ingest.repository.ts';
import { normaliseMention } from './normalise-mention.ts';

const raw = (payload: unknown, channel: 'feed' | 'social' = 'social'): PendingRawItem => ({
  id: 1,
  channel,
  postId: null,
  postTouchpointId: 'tp-1',
  payload,
  receivedAt: '2025-03-05T00:00:00.000Z',
});
const source = {
  key: 'k',
  type: 'mastodon-hashtag',
  label: '#acme',
  url: 'https://mastodon.social/api',
};
const matches = { brands: ['Acme'], competitors: [], keywords: [] };

it('turns a stored status into social feedback with the author as a contact and the names in metadata', () => {
  const item = normaliseMention(
    raw({
      format: 'mastodon',
      source,
      matches,
      entry: {
        id: '1',
        uri: 'https://mastodon.social/users/oli/statuses/1',
        url: 'https://mastodon.social/@oli/1',
        created_at: '2025-03-04T09:01:40.000Z',
        content: '<p>Loving <b>Acme</b></p>',
        account: { acct: 'oli', display_name: 'Oli' },
      },
    }),
  );
  expect(item).toMatchObject({
    channel: 'social',
    touchpointId: 'tp-1',
    text: 'Loving Acme',
    receivedAt: '2025-03-04T09:01:40.000Z',
    contact: { socialHandle: '@oli@mastodon.social', name: 'Oli' },
    metadata: {
      url: 'https://mastodon.social/@oli/1',
      author: { handle: '@oli@mastodon.social', name: 'Oli' },
      brands: ['Acme'],
      competitors: [],
      keptBecause: 'match',
    },
  });
});

it('keeps a wordless entry by its link, and explains a payload that is not a mention', () => {
  const item = normaliseMention(
    raw(
      {
        format: 'jsonfeed',
        source: { ...source, type: 'feed', url: 'https://community.acme.example/latest.json' },
        matches: { brands: [], competitors: [], keywords: [] },
        keptBecause: 'keep-all',
        entry: { id: 'p9', url: '/t/9' },
      },
      'feed',
    ),
  );
  expect(item).toMatchObject({
    channel: 'feed',
    text: 'https://community.acme.example/t/9',
    receivedAt: '2025-03-05T00:00:00.000Z',
    contact: undefined,
  });
  expect(() => normaliseMention(raw({ format: 'myspace', entry: {} }))).toThrow(
    /Not a stored mention/,
  );
});

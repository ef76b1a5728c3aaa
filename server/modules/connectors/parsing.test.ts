import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { connectorSettings } from './connectors.settings.ts';
import { htmlToText } from './html-text.ts';
import { compileTerms, matchTerms } from './matching.ts';
import { NotAFeedError, parseFeed } from './parse-feed.ts';
import { readEntry } from './read-entry.ts';
import { parseSocialResponse, socialRequestUrl } from './social.ts';

const fixture = (name: string) =>
  readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');

const terms = compileTerms({
  brands: [{ name: 'Acme Analytics', aliases: ['Acme', 'AcmeCloud'] }],
  competitors: [{ name: 'Globex', aliases: ['Globex Corp'] }],
  keywords: ['customer portal'],
});

describe('html to text', () => {
  it('drops tags, scripts and comments, keeps paragraphs and decodes references', () => {
    expect(
      htmlToText(
        '<p>Fast &amp; <b>friendly</b></p><script>alert("x<p>")</script><!-- c --><p>a &lt; b&#8230; &#x1F600; &nbsp;ok</p><br/>end',
      ),
    ).toBe('Fast & friendly\na < b… 😀 ok\nend');
    expect(htmlToText('<a href="x>y" title=\'>\'>link</a> 3 < 4 &unknown; &')).toBe(
      'link 3 < 4 &unknown; &',
    );
  });

  it('stays linear on hostile markup', () => {
    const hostile = `${'<'.repeat(50_000)}${'<a '.repeat(50_000)}${'&#'.repeat(50_000)}<script>${'<'.repeat(50_000)}`;
    const started = performance.now();
    htmlToText(hostile);
    expect(performance.now() - started).toBeLessThan(500);
  });
});

describe('matching', () => {
  it('finds brands and competitors through their aliases, case-insensitively, on word boundaries', () => {
    expect(matchTerms(terms, 'moved from GLOBEX CORP to acmecloud')).toEqual({
      brands: ['Acme Analytics'],
      competitors: ['Globex'],
      keywords: [],
    });
    expect(matchTerms(terms, "Acme's onboarding, our Customer\n portal")).toMatchObject({
      brands: ['Acme Analytics'],
      keywords: ['customer portal'],
    });
    expect(matchTerms(terms, 'Acmetric and globexx and #acmetnt')).toEqual({
      brands: [],
      competitors: [],
      keywords: [],
    });
  });

  it('treats names as text, never as patterns', () => {
    const odd = compileTerms({
      brands: [{ name: 'C++ (beta)' }],
      competitors: [],
      keywords: ['a.b'],
    });
    expect(matchTerms(odd, 'we use C++ (beta) daily').brands).toEqual(['C++ (beta)']);
    expect(matchTerms(odd, 'axb').keywords).toEqual([]);
  });
});

describe('feeds', () => {
  it('reads RSS 2.0 with content:encoded, creators, guids and dates', () => {
    const feed = parseFeed(fixture('blog-rss.xml'));
    expect(feed).toMatchObject({ format: 'rss', title: 'The Ops Ledger' });
    expect(feed.entries).toHaveLength(4);
    const first = readEntry('rss', feed.entries[0], 'https://opsledger.example/feed/');
    expect(first).toMatchObject({
      id: 'https://opsledger.example/?p=1841',
      url: 'https://opsledger.example/2025/03/moving-to-acmecloud/',
      title: 'Why we moved our dashboards to AcmeCloud',
      authorName: 'Priya Raman',
      handle: 'opsledger.example:Priya Raman',
      publishedAt: '2025-03-04T09:00:00.000Z',
    });
    expect(first.text).toContain('The import took an afternoon & the support team');
    expect(first.text).not.toContain('alert');
    const last = readEntry('rss', feed.entries[3], 'https://opsledger.example/feed/');
    expect(last).toMatchObject({
      authorName: 'Sam Ortiz',
      url: 'https://opsledger.example/2025/01/portal/',
    });
  });

  it('reads Atom (relative links, escaped HTML summaries) and JSON Feed', () => {
    const atom = parseFeed(fixture('news-atom.xml'));
    const entry = readEntry('atom', atom.entries[0], 'https://productwire.example/atom.xml');
    expect(entry).toMatchObject({
      id: 'tag:productwire.example,2025-03-03:/acme-eu-residency',
      url: 'https://productwire.example/2025/03/acme-eu-residency',
      title: 'Acme Analytics ships EU data residency',
      handle: 'productwire.example:Lena Vogt',
    });
    expect(entry.text).toBe(
      'Acme Analytics customers can now keep data in Frankfurt. Rival Globex offers the same since 2023.',
    );
    const json = parseFeed(fixture('community-jsonfeed.json'));
    expect(json.format).toBe('jsonfeed');
    expect(
      readEntry('jsonfeed', json.entries[1], 'https://community.acme.example/latest.json'),
    ).toMatchObject({
      id: 'topic-5519',
      text: 'Dark mode finally! Thanks team.',
      handle: 'community.acme.example:jo_b',
    });
  });

  it('refuses HTML pages and garbage with a reason', () => {
    expect(() => parseFeed(fixture('not-a-feed.html'))).toThrow(/HTML page, not a feed/);
    expect(() => parseFeed('\u0000\u0001garbage')).toThrow(NotAFeedError);
    expect(() => parseFeed('<rss><channel><item><title>unclosed')).toThrow(NotAFeedError);
    expect(() => parseFeed('<svg xmlns="http://www.w3.org/2000/svg"/>')).toThrow(
      /root element is <svg>/,
    );
    expect(() => parseFeed('{"version":"1","items":[]}')).toThrow(/not a JSON Feed/);
    expect(() => parseFeed('')).toThrow(/empty/);
    const bomb = `<?xml version="1.0"?><!DOCTYPE r [${Array.from({ length: 30 }, (_, i) => `<!ENTITY e${i} "x">`).join('')}]><rss><channel/></rss>`;
    expect(() => parseFeed(bomb)).toThrow(NotAFeedError);
  });
});

describe('social APIs', () => {
  const social = connectorSettings('social', {
    sources: [
      { type: 'mastodon-hashtag', hashtag: '#acme' },
      { type: 'mastodon-search', instance: 'https://fosstodon.example', query: 'acme analytics' },
      { type: 'reddit', query: 'acme analytics', subreddit: 'analytics' },
      { type: 'hackernews', query: 'acme' },
    ],
    brands: [{ name: 'Acme' }],
  });

  it('asks the documented public endpoints, only for what is new when a cursor is known', () => {
    const [tag, search, reddit, hn] = social!.specs;
    expect(socialRequestUrl(tag as never, null)).toBe(
      'https://mastodon.social/api/v1/timelines/tag/acme?limit=40',
    );
    expect(socialRequestUrl(search as never, '1139')).toBe(
      'https://fosstodon.example/api/v2/search?q=acme+analytics&type=statuses&resolve=false&limit=40&min_id=1139',
    );
    expect(socialRequestUrl(reddit as never, null)).toBe(
      'https://www.reddit.com/r/analytics/search.json?q=acme+analytics&sort=new&limit=100&raw_json=1&restrict_sr=on',
    );
    expect(socialRequestUrl(hn as never, '1741086153')).toBe(
      'https://hn.algolia.com/api/v1/search_by_date?query=acme&tags=%28story%2Ccomment%29&hitsPerPage=100&numericFilters=created_at_i%3E%3D1741086153',
    );
  });

  it('reads statuses, Reddit posts and HN hits with their handles, and moves the cursor', () => {
    const [tag, , reddit, hn] = social!.specs;
    const page = parseSocialResponse(tag as never, fixture('mastodon-tag.json'), null);
    expect(page.cursor).toBe('113987654321000002');
    const local = readEntry(
      'mastodon',
      page.entries[1],
      'https://mastodon.social/api/v1/timelines/tag/acme',
    );
    expect(local).toMatchObject({ handle: '@dev_oli@mastodon.social', authorName: 'Oli' });
    expect(local.text).toBe(
      'Anyone compared #acme with Globex for product analytics?\nNeed to pick one this week.',
    );
    expect(readEntry('mastodon', page.entries[0], 'https://mastodon.social/').handle).toBe(
      '@kira@fosstodon.example',
    );
    const posts = parseSocialResponse(reddit as never, fixture('reddit-search.json'), null);
    expect(readEntry('reddit', posts.entries[0], 'https://www.reddit.com/')).toMatchObject({
      id: 't3_1j3k4ab',
      handle: 'reddit:u/data_dani',
      url: 'https://www.reddit.com/r/analytics/comments/1j3k4ab/acme_analytics_vs_globex_for_a_small_team/',
      publishedAt: '2025-03-04T09:20:00.000Z',
    });
    expect(readEntry('reddit', posts.entries[1], 'https://www.reddit.com/').handle).toBeUndefined();
    const hits = parseSocialResponse(hn as never, fixture('hn-search.json'), null);
    expect(hits.cursor).toBe('1741086153');
    expect(readEntry('hackernews', hits.entries[0], 'https://hn.algolia.com/')).toMatchObject({
      handle: 'hn:tptacek',
      url: 'https://news.ycombinator.com/item?id=43251234',
      title: 'Show HN: An open-source alternative to Globex',
    });
    expect(() => parseSocialResponse(reddit as never, '<html>blocked</html>', null)).toThrow(
      /HTML/,
    );
  });
});

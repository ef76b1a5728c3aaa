import { describe, expect, it } from 'vitest';
import { apiQuery, filtersToParams, hasFilters, parseFilters } from './filters.ts';

const ENTITY = '3f1c2b9e-7d4a-4c1e-9a6b-2f8e5d7c1a90';
const THEME = '9a6b2f8e-5d7c-4a90-8f1c-2b9e7d4a4c1e';

describe('inbox filters from the address', () => {
  it('reads the analysis filters', () => {
    const filters = parseFilters(
      new URLSearchParams({
        sentiment: 'negative',
        mention: ENTITY,
        language: 'fr',
        themeId: THEME,
      }),
    );
    expect(filters).toEqual({
      sentiment: 'negative',
      mention: ENTITY,
      language: 'fr',
      themeId: THEME,
    });
    expect(hasFilters(filters)).toBe(true);
  });

  it('leaves out values the API would refuse, so a mistyped link still opens the inbox', () => {
    const filters = parseFilters(
      new URLSearchParams({
        sentiment: 'angry',
        mention: 'sam',
        language: 'French',
        themeId: 'delivery',
      }),
    );
    expect(filters).toEqual({});
    expect(hasFilters(filters)).toBe(false);
  });

  it('round-trips through the address in a stable order', () => {
    const params = filtersToParams({ language: 'de', sentiment: 'mixed', q: 'refund' });
    expect(params.toString()).toBe('q=refund&sentiment=mixed&language=de');
    expect(parseFilters(params)).toEqual({ q: 'refund', sentiment: 'mixed', language: 'de' });
  });
});

describe('apiQuery', () => {
  it('passes the analysis filters under the API names', () => {
    expect(
      apiQuery({ sentiment: 'positive', mention: ENTITY, language: 'und', themeId: THEME }, 'UTC'),
    ).toEqual({ sentiment: 'positive', entityId: ENTITY, language: 'und', themeId: THEME });
  });
});

import { describe, expect, it } from 'vitest';
import { analyseText } from '../analyse.ts';
import type { Directory, Sentiment } from '../types.ts';
import { oneEditApart } from './fuzzy.ts';
import { compileDirectory, findMentions, type FindMentionsOptions } from './index.ts';
import { NICKNAMES } from './nicknames.ts';

const directory: Directory = {
  people: [
    { id: 'samantha', name: 'Samantha Reed', nicknames: [], teamId: 'billing' },
    { id: 'samuel', name: 'Samuel Ortiz', nicknames: [], teamId: 'support' },
    { id: 'william', name: 'William Grant', nicknames: [] },
    { id: 'priya', name: 'Priya Patel', nicknames: ['Pri'] },
    { id: 'elizabeth', name: 'Elizabeth Moore', nicknames: [] },
    { id: 'may', name: 'May Chen', nicknames: [] },
    { id: 'jose', name: 'José Álvarez', nicknames: ['Big Joe'] },
  ],
  teams: [
    { id: 'billing', name: 'Billing', aliases: ['accounts'] },
    { id: 'support', name: 'Support', aliases: ['customer service', 'help desk'] },
  ],
  entities: [
    { id: 'acme', kind: 'brand', name: 'Acme', aliases: ['Acme Corp'] },
    { id: 'globex', kind: 'competitor', name: 'Globex', aliases: ['Globex Corporation', 'GBX'] },
    { id: 'pay', kind: 'product', name: 'Acme Pay', aliases: ['AcmePay'] },
    { id: 'export', kind: 'feature', name: 'CSV export', aliases: ['export to CSV'] },
    { id: 'att', kind: 'competitor', name: 'AT&T', aliases: [] },
  ],
};
const matcher = compileDirectory(directory);
const neutral = (): Sentiment => ({ score: 0, label: 'neutral' });

function found(text: string, options?: FindMentionsOptions) {
  return findMentions(text, matcher, neutral, options).map((mention) => ({
    id: mention.entityId,
    text: mention.text,
    ...(mention.candidates ? { candidates: mention.candidates.map((c) => c.entityId) } : {}),
  }));
}
const ids = (text: string, options?: FindMentionsOptions) =>
  found(text, options).map((mention) => mention.id);

describe('people', () => {
  it('finds a first name or common nickname in person context and credits the right person', () => {
    expect(found('Priya at the front desk was brilliant')).toEqual([
      { id: 'priya', text: 'Priya' },
    ]);
    expect(ids('Thanks to Liz for sorting it')).toEqual(['elizabeth']);
    expect(ids('Ask for Will, he knows everything')).toEqual(['william']);
    expect(ids('I spoke to Pri yesterday')).toEqual(['priya']);
    expect(ids('Priya really helped me')).toEqual(['priya']);
    expect(ids('Priya from the warehouse called')).toEqual(['priya']);
    expect(ids('Honestly Priya is a star')).toEqual(['priya']);
    expect(ids('I met Priya, who knew the answer')).toEqual(['priya']);
  });

  it('does not take ordinary words that are also names for people without a cue', () => {
    expect(ids('Will you fix the bill? It came in May and the grant ran out.')).toEqual([]);
    expect(ids('May was a busy month')).toEqual([]);
    expect(ids('will helped')).toEqual([]); // not capitalised
    expect(ids('Priya')).toEqual([]); // no context at all
    expect(ids('A cheque from May')).toEqual([]); // a weak cue is not enough for a word-name
    expect(ids('A call from Priya')).toEqual(['priya']);
    expect(ids('Bill helped me with my bill')).toEqual(['william']);
  });

  it('takes a full name, a nickname with the surname, and a surname after an honorific', () => {
    expect(ids('samantha reed phoned')).toEqual(['samantha']);
    expect(ids('Sam Ortiz was here')).toEqual(['samuel']);
    expect(ids('Mrs Patel was lovely')).toEqual(['priya']);
    expect(ids('Dr. Patel. Ms. Patel')).toEqual(['priya', 'priya']);
    expect(ids('The Patel family')).toEqual([]);
    expect(found('Big Joe is the best')).toEqual([{ id: 'jose', text: 'Big Joe' }]);
    expect(ids('Jose Alvarez and José helped')).toEqual(['jose', 'jose']);
  });

  it('corrects small typos of longer names, only in person context', () => {
    expect(found('Samanta helped me')).toEqual([{ id: 'samantha', text: 'Samanta' }]);
    expect(ids('Elizbeth was lovely')).toEqual(['elizabeth']);
    expect(ids('Elizbeth')).toEqual([]);
    expect(oneEditApart('samnatha', 'samantha')).toBe(true);
    expect(oneEditApart('samanthaaa', 'samantha')).toBe(false);
    expect(oneEditApart('smanth', 'samantha')).toBe(false);
  });

  it('tells two Sams apart by a team cue or a full name elsewhere, else leaves the name out', () => {
    expect(ids('Sam in billing was brilliant')).toEqual(['samantha', 'billing']);
    expect(ids('Sam from support was brilliant')).toEqual(['samuel', 'support']);
    expect(ids('Sam on the help desk was brilliant')).toEqual(['samuel', 'support']);
    expect(ids('Samuel Ortiz called. Later Sam was great.')).toEqual(['samuel', 'samuel']);
    expect(ids('Sam was brilliant')).toEqual([]);
    expect(found('Sam was brilliant', { ambiguous: 'report' })).toEqual([
      { id: 'samantha', text: 'Sam', candidates: ['samantha', 'samuel'] },
    ]);
  });

  it('keeps a cue inside its sentence', () => {
    expect(ids('I said thanks. Priya')).toEqual([]);
  });
});

describe('teams, brand, products and competitors', () => {
  it('matches names and aliases case-insensitively on word boundaries, longest first', () => {
    expect(found('I moved from GLOBEX CORPORATION to acme corp')).toEqual([
      { id: 'globex', text: 'GLOBEX CORPORATION' },
      { id: 'acme', text: 'acme corp' },
    ]);
    expect(ids('Acmeish gbxy billings')).toEqual([]);
    expect(found('Acme Pay beats AT&T')).toEqual([
      { id: 'pay', text: 'Acme Pay' },
      { id: 'att', text: 'AT&T' },
    ]);
    expect(ids('I tried to export to CSV. The CSV export failed')).toEqual(['export', 'export']);
  });

  it('reads possessives, hashtags and handles, but not words inside e-mail addresses', () => {
    expect(found("Acme's app is fine #acme @AcmeSupport #acmepay")).toEqual([
      { id: 'acme', text: 'Acme' },
      { id: 'acme', text: '#acme' },
      { id: 'acme', text: '@AcmeSupport' },
      { id: 'pay', text: '#acmepay' },
    ]);
    expect(ids('write to support@acme.com or billing@globex.io')).toEqual([]);
  });

  it('takes "team" or "department" after a team name into the mention', () => {
    expect(found('the Billing team and customer service department')).toEqual([
      { id: 'billing', text: 'Billing team' },
      { id: 'support', text: 'customer service department' },
    ]);
  });

  it('does not join names across sentence punctuation', () => {
    expect(ids('I love Acme. Pay later.')).toEqual(['acme']);
  });
});

describe('sentiment and offsets', () => {
  it('gives each mention the sentiment the caller reports for its span, with exact offsets', () => {
    const text = 'Globex is awful. Thanks to Priya!';
    const calls: Array<[number, number]> = [];
    const mentions = findMentions(text, matcher, (start, end) => {
      calls.push([start, end]);
      return start < 16 ? { score: -0.8, label: 'negative' } : { score: 0.7, label: 'positive' };
    });
    expect(mentions.map((m) => [m.entityId, m.sentiment.label])).toEqual([
      ['globex', 'negative'],
      ['priya', 'positive'],
    ]);
    for (const mention of mentions)
      expect(text.slice(mention.start, mention.end)).toBe(mention.text);
    expect(calls).toEqual([
      [0, 6],
      [27, 32],
    ]);
  });

  it('compiles names without words and large directories quickly', () => {
    const odd = compileDirectory({
      people: [
        { id: 'emoji', name: '😀', nicknames: ['', '  '] },
        ...Array.from({ length: 5_000 }, (_, index) => ({
          id: `p${index}`,
          name: `Person${index} Surname${index}`,
          nicknames: [],
        })),
      ],
      teams: [{ id: 'blank', name: ' ', aliases: ['!!!'] }],
      entities: [],
    });
    expect(findMentions('😀 !!! thanks to Person42', odd, neutral).map((m) => m.entityId)).toEqual([
      'p42',
    ]);
  });

  it('finds nothing with an empty directory', () => {
    const empty = compileDirectory({ people: [], teams: [], entities: [] });
    expect(findMentions('Thanks to Sam at Acme', empty, neutral)).toEqual([]);
  });
});

describe('through analyseText', () => {
  it('gives each mention the sentiment of its own sentence', () => {
    const result = analyseText('Globex was awful and slow. Thanks to Priya, she was brilliant!', {
      mentions: matcher,
    });
    expect(result.mentions.map((m) => [m.entityId, m.sentiment.label])).toEqual([
      ['globex', 'negative'],
      ['priya', 'positive'],
    ]);
  });

  it('gives a mention the feeling of its clause, not of a sentence that praises something else', () => {
    const labels = (text: string) =>
      analyseText(text, { mentions: matcher }).mentions.map((m) => [m.entityId, m.sentiment.label]);
    expect(labels('Acme Pay is great but customer service took three days.')).toEqual([
      ['pay', 'positive'],
      ['support', 'negative'],
    ]);
    // No feeling of its own in the clause: not praise, however glad the rest of the sentence is.
    expect(labels('The product is great; getting hold of the help desk is the hard part.')).toEqual(
      [['support', 'neutral']],
    );
    // Spoken to: the sentence is about them.
    expect(labels('Priya Patel, you were brilliant!')).toEqual([['priya', 'positive']]);
  });
});

describe('nickname table', () => {
  it('has a few hundred pairs, lower case', () => {
    const pairs = [...NICKNAMES.values()].reduce((sum, list) => sum + list.length, 0);
    expect(pairs).toBeGreaterThan(300);
    expect(NICKNAMES.get('robert')).toContain('bob');
    expect(NICKNAMES.get('elizabeth')).toContain('liz');
    for (const [formal, nicknames] of NICKNAMES)
      for (const name of [formal, ...nicknames]) expect(name).toMatch(/^[a-z]+$/);
  });
});

import type { Mention, Sentiment } from '../types.ts';
import { compileDirectory, type MentionMatcher, type Target, type TrieNode } from './compile.ts';
import { personCue, HONORIFICS } from './cues.ts';
import { deletionKeys, FUZZY_MIN_LENGTH, oneEditApart } from './fuzzy.ts';
import { NAMES_THAT_ARE_WORDS } from './nicknames.ts';
import { tagOf, tagParts, tokenize, type Token } from './tokens.ts';

export { compileDirectory, type MentionMatcher };

export interface FindMentionsOptions {
  /**
   * A first name that several people share, with no team named beside it and neither named in
   * full elsewhere in the text: `skip` (the default) leaves it out, so praise is never credited
   * to the wrong person; `report` keeps it, naming the first candidate and listing all of them
   * in `candidates` for a person to decide.
   */
  ambiguous?: 'skip' | 'report';
}

/** A run of words that names something in the directory, before its context is judged. */
interface Hit {
  first: number;
  last: number;
  start: number;
  end: number;
  /** People it may name, all reached the same (strongest) way. */
  people: Target[];
  /** Teams and entities it names. */
  others: Target[];
}

/** Words after a team's name that belong to the mention: "the billing team". */
const TEAM_WORDS = new Set(['team', 'department', 'dept', 'desk', 'crew', 'staff']);
const LONGEST_FUZZY_WORD = 40;

/**
 * Mentions of the directory's people, teams, brand, products, features and competitors, in text
 * order and without overlaps (the longest name wins), each with the sentiment `sentimentAt` gives
 * for its span. Linear in the text: one pass over its words, each looked up in the compiled trie.
 */
export function findMentions(
  text: string,
  matcher: MentionMatcher,
  sentimentAt: (start: number, end: number) => Sentiment,
  options: FindMentionsOptions = {},
): Mention[] {
  if (matcher.size === 0) return [];
  const tokens = tokenize(text);
  const hits: Hit[] = [];
  for (let index = 0; index < tokens.length;) {
    const hit = hitAt(text, tokens, index, matcher);
    if (hit) hits.push(hit);
    index = hit ? hit.last + 1 : index + 1;
  }
  const teamsAt = new Map<number, Hit>();
  const teamsBySentence = new Map<number, Set<string>>();
  for (const hit of hits) {
    const teams = hit.others.filter(isTeam);
    if (teams.length === 0) continue;
    teamsAt.set(hit.first, hit);
    const sentence = tokens[hit.first]!.sentence;
    const ids = teamsBySentence.get(sentence) ?? new Set<string>();
    for (const team of teams) ids.add(team.entityId);
    teamsBySentence.set(sentence, ids);
  }
  const namedInFull = new Set<string>();
  for (const hit of hits)
    if (hit.people[0]?.via === 'full')
      for (const person of hit.people) namedInFull.add(person.entityId);
  const mentions: Mention[] = [];
  for (const hit of hits) {
    const chosen = choose(tokens, hit, teamsAt, teamsBySentence, namedInFull);
    if (chosen.length === 0 || (chosen.length > 1 && options.ambiguous !== 'report')) continue;
    const [target] = chosen as [Target, ...Target[]];
    const mention: Mention = {
      kind: target.kind,
      entityId: target.entityId,
      name: target.name,
      text: text.slice(hit.start, hit.end),
      start: hit.start,
      end: hit.end,
      sentiment: sentimentAt(hit.start, hit.end),
    };
    if (chosen.length > 1)
      mention.candidates = chosen.map(({ entityId, name }) => ({ entityId, name }));
    mentions.push(mention);
  }
  return mentions;
}

const isTeam = (target: Target) => target.kind === 'team';
const NONE: Target[] = [];

/** The longest directory name starting at `index`, or a near miss of a long first name. */
function hitAt(
  text: string,
  tokens: readonly Token[],
  index: number,
  matcher: MentionMatcher,
): Hit | null {
  const token = tokens[index]!;
  const tag = tagOf(text, token);
  if (tag === 'email') return null;
  if (tag === 'tag') {
    const direct = matcher.tags.get(token.key);
    const viaWords = direct
      ? undefined
      : longestPrefix(matcher.root, tagParts(text.slice(token.start, token.end)));
    const others = (direct ?? viaWords ?? NONE).filter((target) => target.kind !== 'person');
    return others.length > 0
      ? { first: index, last: index, start: token.start - 1, end: token.end, people: NONE, others }
      : null;
  }
  let node = matcher.root;
  let best: { last: number; node: TrieNode } | null = null;
  for (let next = index; next < tokens.length; next++) {
    if (next > index && (!tokens[next]!.joined || tagOf(text, tokens[next]!) !== 'plain')) break;
    const child = node.next.get(tokens[next]!.key);
    if (!child) break;
    node = child;
    if (node.targets.length > 0) best = { last: next, node };
  }
  if (best) {
    let last = best.last;
    const following = tokens[last + 1];
    const { people, others } = best.node;
    if (others.some(isTeam) && following?.joined && TEAM_WORDS.has(following.key)) last += 1;
    return { first: index, last, start: token.start, end: tokens[last]!.end, people, others };
  }
  const fuzzy = fuzzyTargets(matcher, token);
  if (fuzzy.length === 0) return null;
  return {
    first: index,
    last: index,
    start: token.start,
    end: token.end,
    people: fuzzy,
    others: NONE,
  };
}

function longestPrefix(root: TrieNode, parts: readonly string[]): Target[] | undefined {
  let node = root;
  let found: Target[] | undefined;
  for (const part of parts) {
    const child = node.next.get(part);
    if (!child) break;
    node = child;
    if (node.targets.length > 0) found = node.targets;
  }
  return found;
}

function fuzzyTargets(matcher: MentionMatcher, token: Token): Target[] {
  const length = token.key.length;
  if (!token.capitalised || length < FUZZY_MIN_LENGTH - 1 || length > LONGEST_FUZZY_WORD) return [];
  const found: Target[] = [];
  for (const key of deletionKeys(token.key))
    for (const target of matcher.fuzzy.get(key) ?? [])
      if (
        !found.includes(target) &&
        target.form !== undefined &&
        oneEditApart(token.key, target.form)
      )
        found.push(target);
  return found;
}

/**
 * Who or what a hit names, judged by its context: teams and entities stand alone; a person's
 * first name needs capitals and a person cue; a surname needs an honorific. Several people left
 * are narrowed by a team named in the same sentence, then by who is named in full elsewhere.
 */
function choose(
  tokens: readonly Token[],
  hit: Hit,
  teamsAt: ReadonlyMap<number, Hit>,
  teamsBySentence: ReadonlyMap<number, ReadonlySet<string>>,
  namedInFull: ReadonlySet<string>,
): Target[] {
  const { people, others } = hit;
  const accepted = people.length > 0 && personAccepted(tokens, hit, people[0]!, teamsAt);
  if (!accepted) return others.length > 1 ? others.slice(0, 1) : others;
  if (people.length === 1) return people;
  const teamIds = teamsBySentence.get(tokens[hit.first]!.sentence);
  const inTeam = teamIds
    ? people.filter((target) => target.teamId !== undefined && teamIds.has(target.teamId))
    : NONE;
  const narrowed = inTeam.length > 0 ? inTeam : people;
  if (narrowed.length === 1) return narrowed;
  const named = narrowed.filter((target) => namedInFull.has(target.entityId));
  return named.length > 0 ? named : narrowed;
}

function personAccepted(
  tokens: readonly Token[],
  hit: Hit,
  target: Target,
  teamsAt: ReadonlyMap<number, Hit>,
): boolean {
  if (target.via === 'full') return true;
  const first = tokens[hit.first]!;
  const before = tokens[hit.first - 1];
  if (target.via === 'surname')
    return before !== undefined && before.sentence === first.sentence && HONORIFICS.has(before.key);
  if (!first.capitalised) return false;
  const cue = personCue(tokens, hit.first, hit.last, (index) => teamsAt.has(index));
  if (cue === 'strong') return true;
  return cue === 'weak' && !NAMES_THAT_ARE_WORDS.has(first.key) && target.via !== 'fuzzy';
}

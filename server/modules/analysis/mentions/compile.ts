import type { Directory, MentionKind } from '../types.ts';
import { deletionKeys, FUZZY_MIN_LENGTH } from './fuzzy.ts';
import { NICKNAMES } from './nicknames.ts';
import { nameKeys } from './tokens.ts';

/**
 * How a directory name was reached, strongest first: a full name or alias stands alone; a first
 * name, nickname or fuzzy first name needs a person cue; a surname needs an honorific.
 */
export const VIA_ORDER = [
  'alias',
  'full',
  'first',
  'nickname',
  'common',
  'fuzzy',
  'surname',
] as const;
export type Via = (typeof VIA_ORDER)[number];

export interface Target {
  kind: MentionKind;
  entityId: string;
  name: string;
  via: Via;
  /** A person's team, for "Sam in billing". */
  teamId?: string | undefined;
  /** The key a fuzzy entry was made from, to confirm a near miss. */
  form?: string;
}

export interface TrieNode {
  next: Map<string, TrieNode>;
  targets: Target[];
  /** The people among `targets` reached the strongest way (see `strongestPeople`). */
  people: Target[];
  /** The teams and entities among `targets`. */
  others: Target[];
}

/** A directory compiled once for many texts: one trie over word keys for every name and alias. */
export interface MentionMatcher {
  root: TrieNode;
  /** Tags (#acmesupport) by every team and entity alias with its spaces removed. */
  tags: Map<string, Target[]>;
  /** One-deletion forms of longer first names, for typos. */
  fuzzy: Map<string, Target[]>;
  size: number;
}

const newNode = (): TrieNode => ({ next: new Map(), targets: [], people: [], others: [] });

function pushUnique(list: Target[], target: Target): void {
  const same = list.find(
    (existing) => existing.entityId === target.entityId && existing.kind === target.kind,
  );
  if (!same) list.push(target);
  else if (VIA_ORDER.indexOf(target.via) < VIA_ORDER.indexOf(same.via)) Object.assign(same, target);
}

function insert(matcher: MentionMatcher, keys: readonly string[], target: Target): void {
  if (keys.length === 0) return;
  let node = matcher.root;
  for (const key of keys) {
    let child = node.next.get(key);
    if (!child) node.next.set(key, (child = newNode()));
    node = child;
  }
  pushUnique(node.targets, target);
  matcher.size += 1;
}

function addToMap(map: Map<string, Target[]>, key: string, target: Target): void {
  const list = map.get(key) ?? [];
  pushUnique(list, target);
  map.set(key, list);
}

/**
 * Compiles a directory for `findMentions`: people by full name, first name, their own nicknames,
 * common nicknames of their first name (Samantha → Sam, Sammy), nickname + surname, and surname
 * (after an honorific); teams and entities by name and aliases, also as #tags and @handles.
 */
export function compileDirectory(directory: Directory): MentionMatcher {
  const matcher: MentionMatcher = {
    root: newNode(),
    tags: new Map(),
    fuzzy: new Map(),
    size: 0,
  };
  for (const person of directory.people) addPerson(matcher, person);
  for (const team of directory.teams) {
    for (const alias of [team.name, ...team.aliases]) {
      const keys = nameKeys(alias);
      const target: Target = { kind: 'team', entityId: team.id, name: team.name, via: 'alias' };
      insert(matcher, keys, target);
      if (keys.length > 0) addToMap(matcher.tags, keys.join(''), target);
    }
  }
  for (const entity of directory.entities)
    for (const alias of [entity.name, ...entity.aliases]) {
      const keys = nameKeys(alias);
      const target: Target = {
        kind: entity.kind,
        entityId: entity.id,
        name: entity.name,
        via: 'alias',
      };
      insert(matcher, keys, target);
      if (keys.length > 0) addToMap(matcher.tags, keys.join(''), target);
    }
  splitTargets(matcher.root);
  return matcher;
}

/** The people a name reaches the strongest way: an exact first name beats a common nickname. */
export function strongestPeople(targets: readonly Target[]): Target[] {
  const people = targets.filter((target) => target.kind === 'person');
  const rank = (target: Target) => VIA_ORDER.indexOf(target.via);
  const best = Math.min(...people.map(rank));
  return people.filter((target) => rank(target) === best);
}

/** Done once here so that matching allocates nothing per word. */
function splitTargets(root: TrieNode): void {
  const pending = [root];
  for (let node = pending.pop(); node; node = pending.pop()) {
    node.people = strongestPeople(node.targets);
    node.others = node.targets.filter((target) => target.kind !== 'person');
    pending.push(...node.next.values());
  }
}

function addPerson(matcher: MentionMatcher, person: Directory['people'][number]): void {
  const keys = nameKeys(person.name);
  if (keys.length === 0) return;
  const base = { kind: 'person' as const, entityId: person.id, name: person.name };
  const teamId = person.teamId ?? undefined;
  const target = (via: Via, form?: string): Target =>
    form === undefined ? { ...base, via, teamId } : { ...base, via, teamId, form };
  const first = keys[0]!;
  const surname = keys.length > 1 ? keys.slice(1) : [];
  insert(matcher, keys, target(keys.length > 1 ? 'full' : 'first'));
  if (keys.length > 1) insert(matcher, [first], target('first'));
  if (surname.length > 0) insert(matcher, surname, target('surname'));
  const own = person.nicknames.map(nameKeys).filter((nickname) => nickname.length > 0);
  const common = (NICKNAMES.get(first) ?? []).map((nickname) => [nickname]);
  for (const [nicknames, via] of [
    [own, 'nickname'],
    [common, 'common'],
  ] as const)
    for (const nickname of nicknames) {
      // A nickname of several words ("Big Sam") stands alone, as a full name does.
      insert(matcher, nickname, target(nickname.length > 1 ? 'full' : via));
      if (nickname.length === 1 && surname.length > 0)
        insert(matcher, [...nickname, ...surname], target('full'));
    }
  for (const form of [first, ...own.filter((nickname) => nickname.length === 1).map(([n]) => n!)])
    if (form.length >= FUZZY_MIN_LENGTH)
      for (const key of deletionKeys(form)) addToMap(matcher.fuzzy, key, target('fuzzy', form));
}

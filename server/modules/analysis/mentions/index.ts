import type { Directory, Mention, MentionKind, Sentiment } from '../types.ts';

interface Alias {
  pattern: RegExp;
  kind: MentionKind;
  entityId: string;
  name: string;
}

export interface MentionMatcher {
  aliases: Alias[];
}

const escape = (value: string) => value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * First version: every name, nickname and alias matched case-insensitively on word boundaries.
 * Compiled once per directory so each text costs one pass per alias.
 */
export function compileDirectory(directory: Directory): MentionMatcher {
  const aliases: Alias[] = [];
  const add = (kind: MentionKind, entityId: string, name: string, words: readonly string[]) => {
    for (const word of new Set([name, ...words].map((value) => value.trim()).filter(Boolean)))
      aliases.push({
        pattern: new RegExp(`(?<![\\p{L}\\p{N}])${escape(word)}(?![\\p{L}\\p{N}])`, 'giu'),
        kind,
        entityId,
        name,
      });
  };
  for (const person of directory.people) add('person', person.id, person.name, person.nicknames);
  for (const team of directory.teams) add('team', team.id, team.name, team.aliases);
  for (const entity of directory.entities) add(entity.kind, entity.id, entity.name, entity.aliases);
  return { aliases };
}

/** Mentions of directory entries, longest first where two overlap, each with its sentence's mood. */
export function findMentions(
  text: string,
  matcher: MentionMatcher,
  sentimentAt: (start: number, end: number) => Sentiment,
): Mention[] {
  const found: Mention[] = [];
  for (const alias of matcher.aliases) {
    for (const match of text.matchAll(alias.pattern)) {
      const start = match.index;
      const end = start + match[0].length;
      found.push({
        kind: alias.kind,
        entityId: alias.entityId,
        name: alias.name,
        text: match[0],
        start,
        end,
        sentiment: sentimentAt(start, end),
      });
    }
  }
  found.sort((a, b) => a.start - b.start || b.end - b.start - (a.end - a.start));
  return found.filter((mention, index) => index === 0 || mention.start >= found[index - 1]!.end);
}

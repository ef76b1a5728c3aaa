import { z } from 'zod';
import { MAX_TEXT_LENGTH } from '../ingest/ingest.schemas.ts';
import { reasonsOf, type Normaliser } from '../ingest/normalise.ts';
import { ENTRY_FORMATS, readEntry } from './read-entry.ts';

const names = z.array(z.string()).default([]);
const storedMentionSchema = z.object({
  format: z.enum(ENTRY_FORMATS),
  source: z.object({ key: z.string(), type: z.string(), label: z.string(), url: z.string() }),
  entry: z.unknown(),
  matches: z.object({ brands: names, competitors: names, keywords: names }),
  keptBecause: z.enum(['match', 'keep-all']).default('match'),
});

/**
 * A mention stored by a feed or social poller becomes feedback: the entry's title and text, its
 * author as a contact (by social handle), and in metadata the source, URL, title, publication time
 * and which brand, competitor and keyword names it mentions.
 */
export const normaliseMention: Normaliser = (raw) => {
  const parsed = storedMentionSchema.safeParse(raw.payload);
  if (!parsed.success) throw new Error(`Not a stored mention: ${reasonsOf(parsed.error)}`);
  const { format, source, entry, matches, keptBecause } = parsed.data;
  const mention = readEntry(format, entry, source.url);
  // An entry with no words (a picture-only status kept from the brand's own feed) still counts,
  // shown by its link, rather than being dead-lettered as unreadable.
  const full =
    [mention.title, mention.text].filter(Boolean).join('\n\n') || mention.url || '(no text)';
  const truncated = full.length > MAX_TEXT_LENGTH;
  const text = truncated ? `${full.slice(0, MAX_TEXT_LENGTH - 1)}…` : full;
  return {
    channel: raw.channel === 'social' ? 'social' : 'feed',
    touchpointId: raw.postTouchpointId,
    scoreType: null,
    score: null,
    text,
    receivedAt: mention.publishedAt ?? new Date(raw.receivedAt).toISOString(),
    contact: mention.handle
      ? { socialHandle: mention.handle, name: mention.authorName }
      : undefined,
    metadata: {
      source: { type: source.type, label: source.label, url: source.url, format },
      entryId: mention.id,
      url: mention.url ?? null,
      title: mention.title ?? null,
      author: { handle: mention.handle ?? null, name: mention.authorName ?? null },
      publishedAt: mention.publishedAt ?? null,
      brands: matches.brands,
      competitors: matches.competitors,
      keywords: matches.keywords,
      keptBecause,
      ...(truncated ? { truncated: true } : {}),
    },
  };
};

import type { Db } from '../../db/client.ts';
import type { Role } from '../../db/schema/index.ts';
import { findPersonalData, redact } from '../analysis/redact.ts';
import type { AnalysisView } from './feedback-analysis.schemas.ts';
import { offsetMapper, overlaps, personalDataSpans } from './redaction.ts';
import * as repo from './views.repository.ts';

function view(stored: repo.StoredAnalysis, mentions: repo.StoredMention[]): AnalysisView {
  return {
    version: stored.version,
    language: stored.language,
    languageConfidence: stored.languageConfidence,
    notAnalysed: stored.notAnalysed,
    truncated: stored.truncated,
    sentiment:
      stored.sentimentLabel === null
        ? null
        : {
            score: stored.sentimentScore ?? 0,
            label: stored.sentimentLabel,
            corrected: stored.sentimentCorrected,
          },
    sentences: stored.sentences,
    aspects: stored.aspects,
    keyPhrases: stored.keyPhrases,
    mentions: mentions.map((mention) => ({
      kind: mention.kind,
      entityId: mention.entityId,
      name: mention.name,
      text: mention.text,
      start: mention.start,
      end: mention.end,
      sentiment: { score: mention.sentimentScore, label: mention.sentimentLabel },
    })),
    duplicateOf: stored.duplicateOf,
    analysedAt: new Date(stored.analysedAt),
  };
}

/** Whether a member with this role sees personal data redacted in this workspace. */
export async function redactsFor(db: Db, workspaceId: string, role: Role): Promise<boolean> {
  return role === 'viewer' && (await repo.redactsPersonalData(db, workspaceId));
}

interface Presentable {
  id: string;
  text: string;
  metadata: Record<string, unknown>;
  contactName: string | null;
}

/** Redacts string values of channel metadata (an e-mail's sender, a subject line with a phone…). */
function redactMetadata(metadata: Record<string, unknown>): Record<string, unknown> {
  const walk = (value: unknown): unknown => {
    if (typeof value === 'string') return redact(value, findPersonalData(value));
    if (Array.isArray(value)) return value.map(walk);
    if (value && typeof value === 'object')
      return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, walk(inner)]));
    return value;
  };
  return walk(metadata) as Record<string, unknown>;
}

/** Text and analysis as a viewer sees them: personal data replaced, every offset moved to match. */
function redactItem<T extends Presentable>(
  item: T,
  stored: repo.StoredAnalysis | undefined,
  analysis: AnalysisView | null,
): T & { analysis: AnalysisView | null } {
  const spans = personalDataSpans(stored ?? null, item.text);
  const move = offsetMapper(spans);
  const shift = <S extends { start: number; end: number }>(span: S): S => ({
    ...span,
    start: move(span.start),
    end: move(span.end),
  });
  return {
    ...item,
    text: redact(item.text, spans),
    metadata: redactMetadata(item.metadata),
    contactName:
      item.contactName === null
        ? null
        : redact(item.contactName, findPersonalData(item.contactName)),
    analysis: analysis && {
      ...analysis,
      sentences: analysis.sentences.map(shift),
      aspects: analysis.aspects.filter((aspect) => !overlaps(aspect, spans)).map(shift),
      keyPhrases: analysis.keyPhrases.filter((phrase) => !overlaps(phrase, spans)).map(shift),
      mentions: analysis.mentions.filter((mention) => !overlaps(mention, spans)).map(shift),
    },
  };
}

/**
 * Feedback items with their analysis (null until analysed), as this role may see them: viewers
 * of a workspace that redacts personal data get it replaced, in the text and in the analysis.
 */
export async function withAnalysis<T extends Presentable>(
  db: Db,
  workspaceId: string,
  role: Role,
  items: T[],
): Promise<Array<T & { analysis: AnalysisView | null }>> {
  const ids = items.map((item) => item.id);
  const [stored, mentions, redacting] = [
    await repo.findAnalyses(db, workspaceId, ids),
    await repo.findMentions(db, workspaceId, ids),
    await redactsFor(db, workspaceId, role),
  ];
  const byId = new Map(stored.map((row) => [row.feedbackId, row]));
  const mentionsOf = new Map<string, repo.StoredMention[]>();
  for (const mention of mentions) {
    const list = mentionsOf.get(mention.feedbackId) ?? [];
    list.push(mention);
    mentionsOf.set(mention.feedbackId, list);
  }
  return items.map((item) => {
    const row = byId.get(item.id);
    const analysis = row ? view(row, mentionsOf.get(item.id) ?? []) : null;
    return redacting ? redactItem(item, row, analysis) : { ...item, analysis };
  });
}

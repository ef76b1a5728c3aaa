import { useMemo } from 'react';
import type { ReactNode } from 'react';
import { RelativeTime } from '../../../ui/RelativeTime.tsx';
import { canWorkWithFeedback } from '../roles.ts';
import { useWorkspace } from '../session.ts';
import type { FeedbackItem } from '../types.ts';
import { MentionChips, ThemeChips } from './AnalysisChips.tsx';
import { analysisMarks, distinctMentions } from './analysisMarks.ts';
import { HighlightedText } from './HighlightedText.tsx';
import { channelLabel } from './labels.ts';
import { languageName } from './languages.ts';
import { ScoreBadge } from './ScoreBadge.tsx';
import { SentimentBadge } from './SentimentBadge.tsx';
import { SentimentCorrection } from './SentimentCorrection.tsx';
import { ThemeEditor } from './ThemeEditor.tsx';

interface FeedbackListProps {
  items: readonly FeedbackItem[];
  /** Shows the controls to correct the analysis to those allowed to (the inbox). */
  corrections?: boolean;
  /** More controls under each item (the inbox's "Open case"). */
  extra?: (item: FeedbackItem) => ReactNode;
}

/** Feedback newest first, as on the home page and in the inbox. */
export function FeedbackList({ items, corrections = false, extra }: FeedbackListProps) {
  const workspace = useWorkspace();
  const editable = corrections && canWorkWithFeedback(workspace.role);
  return (
    <ol className="feedback-list">
      {items.map((item) => (
        <FeedbackRow key={item.id} item={item} editable={editable} extra={extra?.(item)} />
      ))}
    </ol>
  );
}

/**
 * One item with what the analysis found in it. Customers write whatever they like, so the text
 * only ever goes in as React text children (through HighlightedText): escaped, never HTML.
 */
export function FeedbackRow({
  item,
  editable = false,
  extra,
}: {
  item: FeedbackItem;
  editable?: boolean;
  extra?: ReactNode;
}) {
  const workspace = useWorkspace();
  const analysis = item.analysis ?? null;
  const marks = useMemo(() => analysisMarks(analysis), [analysis]);
  const mentions = useMemo(() => distinctMentions(analysis), [analysis]);
  const who = [item.contactName ?? 'Anonymous', item.accountName].filter(Boolean).join(' · ');
  const where = [channelLabel(item.channel), item.touchpointName].filter(Boolean).join(' · ');
  const language = analysis && analysis.language !== 'en' ? languageName(analysis.language) : null;
  const sentiment = analysis?.sentiment ?? null;
  const pending = item.analysis === null && item.text !== '';

  return (
    <li className="feedback-item">
      <div className="feedback-head">
        <span className="feedback-who">{who}</span>
        <ScoreBadge type={item.scoreType} score={item.score} />
        {sentiment && (
          <SentimentBadge
            label={sentiment.label}
            score={sentiment.score}
            corrected={sentiment.corrected}
          />
        )}
        {language && <span className="badge">{language}</span>}
        {analysis?.duplicateOf && (
          <span className="badge" title="Nearly the same as an earlier item">
            Repeat
          </span>
        )}
        <RelativeTime iso={item.receivedAt} />
      </div>
      {item.text ? (
        <HighlightedText text={item.text} marks={marks} />
      ) : (
        <p className="feedback-text muted">No comment.</p>
      )}
      <MentionChips workspaceId={workspace.id} mentions={mentions} />
      <ThemeChips workspaceId={workspace.id} themes={item.themes ?? []} />
      <p className="feedback-where">
        {where}
        {pending && ' · Not analysed yet'}
        {analysis?.truncated && ' · Only the beginning was analysed'}
        {analysis && analysis.notAnalysed.includes('sentiment') && ' · Sentiment not analysed'}
      </p>
      {editable && item.text !== '' && (
        <div className="feedback-actions">
          <SentimentCorrection feedbackId={item.id} current={sentiment?.label ?? null} />
          <ThemeEditor feedbackId={item.id} />
        </div>
      )}
      {extra}
    </li>
  );
}

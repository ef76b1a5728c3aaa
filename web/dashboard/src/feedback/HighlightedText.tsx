import { highlightRuns, type Mark } from '../../../ui/highlight.ts';

/** `focus` marks the part of a quote that made it an example of a theme. */
export type HighlightKind = 'sentence' | 'mention' | 'phrase' | 'personal' | 'focus';

/**
 * The customer's words with the analysis drawn on them: each sentence tinted by its mood,
 * mentions and key phrases marked. Text goes in only as React text children (escaped), and
 * every mark has a title, so meaning never rests on colour alone.
 */
export function HighlightedText({
  text,
  marks,
  className = 'feedback-text',
}: {
  text: string;
  marks: readonly Mark<HighlightKind>[];
  className?: string;
}) {
  const runs = highlightRuns(text, marks);
  return (
    <p className={className}>
      {runs.map((run) =>
        run.marks.length === 0 ? (
          <span key={run.start}>{run.text}</span>
        ) : (
          <span
            key={run.start}
            className={run.marks
              .map((mark) => `hl-${mark.kind}${mark.tone ? ` hl-${mark.kind}-${mark.tone}` : ''}`)
              .join(' ')}
            title={run.marks
              .map((mark) => mark.label)
              .filter(Boolean)
              .join(' · ')}
          >
            {run.text}
          </span>
        ),
      )}
    </p>
  );
}

import { useEffect, useId, useRef, useState } from 'react';
import { FormError } from '../../../ui/Alert.tsx';
import { Button } from '../../../ui/Button.tsx';
import { humanize } from '../format.ts';
import { useWorkspace } from '../session.ts';
import { SENTIMENT_LABELS } from '../types.ts';
import type { SentimentLabel } from '../types.ts';
import { isSentimentLabel } from './analysis.ts';
import { useCorrectSentiment } from './queries.ts';

interface SentimentCorrectionProps {
  feedbackId: string;
  current: SentimentLabel | null;
}

/**
 * "Correct sentiment": opens a small form in place to pick the right label. The correction is
 * kept (re-analysis leaves it) and counted in the evaluation. Escape or Cancel closes it and
 * gives the focus back to the button.
 */
export function SentimentCorrection({ feedbackId, current }: SentimentCorrectionProps) {
  const workspace = useWorkspace();
  const correct = useCorrectSentiment(workspace.id);
  const [open, setOpen] = useState(false);
  const [choice, setChoice] = useState<SentimentLabel>(current ?? 'neutral');
  const opener = useRef<HTMLButtonElement>(null);
  const select = useRef<HTMLSelectElement>(null);
  const id = useId();

  useEffect(() => {
    if (open) select.current?.focus();
  }, [open]);

  const close = () => {
    setOpen(false);
    correct.reset();
    // After the form goes, the button is back: hand it the focus.
    requestAnimationFrame(() => opener.current?.focus());
  };

  if (!open) {
    return (
      <span className="correction">
        <Button
          ref={opener}
          variant="ghost"
          size="small"
          aria-expanded={false}
          onClick={() => {
            setChoice(current ?? 'neutral');
            setOpen(true);
          }}
        >
          Correct sentiment
        </Button>
        <span role="status" className="muted correction-status">
          {correct.isSuccess ? 'Sentiment corrected.' : ''}
        </span>
      </span>
    );
  }

  return (
    <form
      className="correction correction-form"
      aria-label="Correct the sentiment"
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.stopPropagation();
          close();
        }
      }}
      onSubmit={(event) => {
        event.preventDefault();
        correct.mutate(
          { feedbackId, label: choice },
          {
            onSuccess: () => {
              setOpen(false);
              requestAnimationFrame(() => opener.current?.focus());
            },
          },
        );
      }}
    >
      <label htmlFor={id}>Sentiment</label>
      <select
        id={id}
        ref={select}
        value={choice}
        onChange={(event) => {
          if (isSentimentLabel(event.target.value)) setChoice(event.target.value);
        }}
      >
        {SENTIMENT_LABELS.map((label) => (
          <option key={label} value={label}>
            {humanize(label)}
          </option>
        ))}
      </select>
      <Button type="submit" variant="primary" size="small" busy={correct.isPending}>
        Save
      </Button>
      <Button size="small" onClick={close}>
        Cancel
      </Button>
      <FormError problem={correct.error} />
    </form>
  );
}

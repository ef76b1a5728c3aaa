import { useRef, useState } from 'react';
import { Button } from './Button.tsx';

interface CopyBlockProps {
  /** Visible text of the copy button, e.g. "Copy command". */
  copyLabel: string;
  /** Accessible name of the button when several blocks share a page. */
  label?: string;
  /** Text shown exactly as given, e.g. a shell command. */
  value: string;
}

/**
 * A block of preformatted text with a copy button. Like CopyField, it falls back to selecting
 * the text where the clipboard API is not available (plain HTTP).
 */
export function CopyBlock({ copyLabel, label, value }: CopyBlockProps) {
  const block = useRef<HTMLPreElement>(null);
  const [status, setStatus] = useState('');

  async function copy() {
    try {
      await navigator.clipboard.writeText(value);
      setStatus('Copied to the clipboard.');
    } catch {
      if (block.current) window.getSelection()?.selectAllChildren(block.current);
      setStatus('Copying is blocked here; the text is selected, press Ctrl+C or ⌘C.');
    }
  }

  return (
    <div className="copy-block">
      <pre ref={block}>
        <code>{value}</code>
      </pre>
      <div className="copy-block-actions">
        <Button size="small" aria-label={label} onClick={() => void copy()}>
          {copyLabel}
        </Button>
        <p className="copy-field-status" role="status">
          {status}
        </p>
      </div>
    </div>
  );
}

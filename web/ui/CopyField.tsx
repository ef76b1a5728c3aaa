import { useRef, useState } from 'react';
import { Button } from './Button.tsx';

interface CopyFieldProps {
  /** Accessible name of the read-only text box, e.g. "Invitation link". */
  label: string;
  value: string;
}

/**
 * A read-only value with a copy button. The clipboard API needs a secure context (HTTPS or
 * localhost); elsewhere the text is selected so the user can copy it by hand.
 */
export function CopyField({ label, value }: CopyFieldProps) {
  const input = useRef<HTMLInputElement>(null);
  const [status, setStatus] = useState('');

  async function copy() {
    try {
      await navigator.clipboard.writeText(value);
      setStatus('Copied to the clipboard.');
    } catch {
      input.current?.select();
      setStatus('Copying is blocked here; the text is selected, press Ctrl+C or ⌘C.');
    }
  }

  return (
    <div className="copy-field">
      <div className="copy-field-row">
        <input
          ref={input}
          readOnly
          value={value}
          aria-label={label}
          spellCheck={false}
          onFocus={(event) => event.currentTarget.select()}
        />
        {/* Named just "Copy": repeating the label would make it a second match for the label. */}
        <Button onClick={() => void copy()}>Copy</Button>
      </div>
      <p className="copy-field-status" role="status">
        {status}
      </p>
    </div>
  );
}

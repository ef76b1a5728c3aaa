import { useState } from 'react';
import type { ReactNode } from 'react';
import { Button } from './Button.tsx';
import { Dialog } from './Dialog.tsx';

interface ConfirmButtonProps {
  /** Visible button text. */
  children: ReactNode;
  /** Accessible name when the visible text alone is ambiguous ("Revoke" → "Revoke key CI"). */
  label?: string;
  title: string;
  message: ReactNode;
  confirmLabel: string;
  onConfirm: () => void;
  busy?: boolean;
  disabled?: boolean;
}

/** A destructive action that asks first. */
export function ConfirmButton({
  children,
  label,
  title,
  message,
  confirmLabel,
  onConfirm,
  busy = false,
  disabled = false,
}: ConfirmButtonProps) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button
        variant="ghost"
        size="small"
        className="btn-danger-text"
        aria-label={label}
        busy={busy}
        disabled={disabled}
        onClick={() => setOpen(true)}
      >
        {children}
      </Button>
      {open && (
        <Dialog title={title} onClose={() => setOpen(false)}>
          <div className="dialog-body">{message}</div>
          <div className="dialog-actions">
            <Button onClick={() => setOpen(false)}>Cancel</Button>
            <Button
              variant="danger"
              onClick={() => {
                setOpen(false);
                onConfirm();
              }}
            >
              {confirmLabel}
            </Button>
          </div>
        </Dialog>
      )}
    </>
  );
}

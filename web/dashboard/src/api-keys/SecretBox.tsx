import { useEffect, useRef } from 'react';
import { Button } from '../../../ui/Button.tsx';
import { CopyField } from '../../../ui/CopyField.tsx';
import type { CreatedKey } from './queries.ts';

interface SecretBoxProps {
  created: CreatedKey;
  onDismiss: () => void;
}

/** The one moment the secret is visible. Focus moves here so nobody misses it. */
export function SecretBox({ created, onDismiss }: SecretBoxProps) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [created]);
  return (
    <div className="secret-box">
      <h3 ref={heading} tabIndex={-1}>
        Copy the secret of “{created.apiKey.name}” now
      </h3>
      <p>
        It will not be shown again. Store it in your password manager or your system&apos;s secret
        store; if you lose it, revoke this key and create another.
      </p>
      <CopyField label="API key secret" value={created.secret} />
      <Button onClick={onDismiss}>I have saved it</Button>
    </div>
  );
}

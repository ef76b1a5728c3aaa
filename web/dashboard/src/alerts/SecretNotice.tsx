import { useEffect, useRef } from 'react';
import { Button } from '../../../ui/Button.tsx';
import { CopyField } from '../../../ui/CopyField.tsx';

/** The one moment a webhook's signing secret is visible; focus moves here so nobody misses it. */
export function SecretNotice({ secrets, onDismiss }: { secrets: string[]; onDismiss: () => void }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [secrets]);
  return (
    <div className="secret-box">
      <h3 ref={heading} tabIndex={-1}>
        Copy the webhook signing secret now
      </h3>
      <p>
        It will not be shown again. Your receiver uses it to check the X-Hearken-Signature header of
        each delivery; if you lose it, remove the destination and add it again.
      </p>
      {secrets.map((secret, index) => (
        <CopyField key={secret} label={`Signing secret ${index + 1}`} value={secret} />
      ))}
      <Button onClick={onDismiss}>I have saved it</Button>
    </div>
  );
}

import { useId } from 'react';
import { isRole, roleOptions } from '../roles.ts';
import { useWorkspace } from '../session.ts';
import type { Member } from '../types.ts';
import { useChangeRole } from './queries.ts';

/**
 * Changes a member's role as soon as a new one is picked. The accessible name avoids the word
 * "role" so that the invite form's "Role" field keeps a unique label on this page.
 */
export function MemberRoleSelect({ member }: { member: Member }) {
  const workspace = useWorkspace();
  const change = useChangeRole(workspace.id, member.userId);
  const errorId = useId();
  const shown = change.isPending && change.variables ? change.variables : member.role;
  return (
    <div className="inline-field">
      <select
        aria-label={`Access level of ${member.name}`}
        aria-describedby={change.error ? errorId : undefined}
        aria-invalid={change.error ? true : undefined}
        value={shown}
        disabled={change.isPending}
        onChange={(event) => {
          if (isRole(event.target.value)) change.mutate(event.target.value);
        }}
      >
        {roleOptions.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      {change.error && (
        <p className="field-error" id={errorId} role="alert">
          {change.error.message}
        </p>
      )}
    </div>
  );
}

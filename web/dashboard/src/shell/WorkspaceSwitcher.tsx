import { useId } from 'react';
import { useNavigate } from 'react-router-dom';
import { useSignedIn } from '../session.ts';

export function WorkspaceSwitcher({ currentId }: { currentId: string | undefined }) {
  const id = useId();
  const navigate = useNavigate();
  const { workspaces } = useSignedIn();
  if (workspaces.length === 0) return null;
  return (
    <div className="switcher">
      <label htmlFor={id} className="switcher-label">
        Workspace
      </label>
      <select
        id={id}
        value={currentId ?? ''}
        onChange={(event) => void navigate(`/w/${event.target.value}`)}
      >
        {currentId === undefined && (
          <option value="" disabled>
            Choose…
          </option>
        )}
        {workspaces.map((workspace) => (
          <option key={workspace.id} value={workspace.id}>
            {workspace.name}
          </option>
        ))}
      </select>
    </div>
  );
}

import { wsPath } from '../api.ts';
import { useWorkspace } from '../session.ts';

export function ExportLink() {
  const { id } = useWorkspace();
  return (
    <a className="btn btn-secondary" href={wsPath(id, 'export')} download>
      Download export
    </a>
  );
}

import { useState } from 'react';
import { Button } from '../../../ui/Button.tsx';
import { Dialog } from '../../../ui/Dialog.tsx';
import { NewWorkspaceForm } from './NewWorkspaceForm.tsx';

export function NewWorkspaceButton() {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button size="small" variant="ghost" onClick={() => setOpen(true)}>
        <span aria-hidden="true">+ </span>New workspace
      </Button>
      {open && (
        <Dialog title="New workspace" onClose={() => setOpen(false)}>
          <NewWorkspaceForm onCancel={() => setOpen(false)} onCreated={() => setOpen(false)} />
        </Dialog>
      )}
    </>
  );
}

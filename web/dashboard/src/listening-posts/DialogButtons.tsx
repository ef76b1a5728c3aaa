import { useState } from 'react';
import type { ReactNode } from 'react';
import { Button } from '../../../ui/Button.tsx';
import { Dialog } from '../../../ui/Dialog.tsx';
import type { ListeningPost, Touchpoint } from '../types.ts';
import { useNotice } from './notice.ts';
import { EditPostForm, NewPostForm } from './PostForms.tsx';
import { EditTouchpointForm, NewTouchpointForm } from './TouchpointForms.tsx';

interface DialogButtonProps {
  /** Visible text of the button. */
  children: ReactNode;
  /** Accessible name, when the text alone is ambiguous on the page. */
  label?: string;
  title: string;
  variant?: 'primary' | 'secondary' | 'ghost';
  size?: 'normal' | 'small';
  form: (close: () => void) => ReactNode;
}

/** A button that opens a form in a dialog; closing hands focus back to the button. */
function DialogButton({ children, label, title, variant, size, form }: DialogButtonProps) {
  const [open, setOpen] = useState(false);
  const close = () => setOpen(false);
  return (
    <>
      <Button variant={variant} size={size} aria-label={label} onClick={() => setOpen(true)}>
        {children}
      </Button>
      {open && (
        <Dialog title={title} onClose={close}>
          {form(close)}
        </Dialog>
      )}
    </>
  );
}

export function AddTouchpointButton() {
  const notice = useNotice();
  return (
    <DialogButton
      title="Add a touchpoint"
      form={(close) => (
        <NewTouchpointForm
          onCancel={close}
          onSaved={(touchpoint) => {
            close();
            notice(`Touchpoint “${touchpoint.name}” added.`);
          }}
        />
      )}
    >
      Add touchpoint
    </DialogButton>
  );
}

export function EditTouchpointButton({ touchpoint }: { touchpoint: Touchpoint }) {
  const notice = useNotice();
  return (
    <DialogButton
      title={`Edit “${touchpoint.name}”`}
      label={`Edit touchpoint ${touchpoint.name}`}
      variant="ghost"
      size="small"
      form={(close) => (
        <EditTouchpointForm
          touchpoint={touchpoint}
          onCancel={close}
          onSaved={(saved) => {
            close();
            notice(`Touchpoint “${saved.name}” saved.`);
          }}
        />
      )}
    >
      Edit
    </DialogButton>
  );
}

interface AddPostButtonProps {
  touchpoint?: Touchpoint;
  variant?: 'primary' | 'secondary' | 'ghost';
  size?: 'normal' | 'small';
}

export function AddPostButton({ touchpoint, variant = 'primary', size }: AddPostButtonProps) {
  const notice = useNotice();
  return (
    <DialogButton
      title={touchpoint ? `Add a listening post to “${touchpoint.name}”` : 'Add a listening post'}
      label={touchpoint ? `Add a listening post to ${touchpoint.name}` : undefined}
      variant={variant}
      size={size}
      form={(close) => (
        <NewPostForm
          touchpointId={touchpoint?.id}
          onCancel={close}
          onSaved={(post) => {
            close();
            notice(
              post.kind === 'api'
                ? `Listening post “${post.name}” added. Its card shows how to send it feedback.`
                : `Listening post “${post.name}” added.`,
            );
          }}
        />
      )}
    >
      {touchpoint ? 'Add post' : 'Add listening post'}
    </DialogButton>
  );
}

export function EditPostButton({ post }: { post: ListeningPost }) {
  const notice = useNotice();
  return (
    <DialogButton
      title={`Edit “${post.name}”`}
      label={`Edit ${post.name}`}
      variant="ghost"
      size="small"
      form={(close) => (
        <EditPostForm
          post={post}
          onCancel={close}
          onSaved={(saved) => {
            close();
            notice(`Listening post “${saved.name}” saved.`);
          }}
        />
      )}
    >
      Edit
    </DialogButton>
  );
}

import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { FormError } from '../../../ui/Alert.tsx';
import { Button } from '../../../ui/Button.tsx';
import { Dialog } from '../../../ui/Dialog.tsx';
import { SelectField, TextField } from '../../../ui/Field.tsx';
import { fieldError } from '../../../ui/problem.ts';
import { formText } from '../forms.ts';
import { useWorkspace } from '../session.ts';
import { useMergeTheme, useSplitTheme, useThemes, useUpdateTheme } from './queries.ts';
import type { ThemeSummary } from './types.ts';

type Open = 'rename' | 'merge' | 'split' | null;

/** Rename, pin, merge and split: what staff who work with feedback may do to a theme. */
export function ThemeActions({ theme }: { theme: ThemeSummary }) {
  const workspace = useWorkspace();
  const update = useUpdateTheme(workspace.id, theme.id);
  const [open, setOpen] = useState<Open>(null);
  const close = () => setOpen(null);
  return (
    <div className="page-actions">
      <Button onClick={() => setOpen('rename')}>Rename</Button>
      <Button
        aria-pressed={theme.pinned}
        busy={update.isPending}
        onClick={() => update.mutate({ pinned: !theme.pinned })}
      >
        {theme.pinned ? 'Unpin' : 'Pin'}
      </Button>
      <Button onClick={() => setOpen('merge')}>Merge…</Button>
      <Button onClick={() => setOpen('split')} disabled={theme.phrases.length < 2}>
        Split…
      </Button>
      <FormError problem={open === null ? update.error : null} />
      {open === 'rename' && <RenameDialog theme={theme} close={close} />}
      {open === 'merge' && <MergeDialog theme={theme} close={close} />}
      {open === 'split' && <SplitDialog theme={theme} close={close} />}
    </div>
  );
}

function RenameDialog({ theme, close }: { theme: ThemeSummary; close: () => void }) {
  const workspace = useWorkspace();
  const rename = useUpdateTheme(workspace.id, theme.id);
  return (
    <Dialog title={`Rename ${theme.name}`} onClose={close}>
      <form
        className="form dialog-body"
        onSubmit={(event) => {
          event.preventDefault();
          const name = formText(new FormData(event.currentTarget), 'name');
          rename.mutate({ name }, { onSuccess: close });
        }}
      >
        <FormError problem={rename.error} fields={['name']} />
        <TextField
          label="Name"
          name="name"
          required
          maxLength={80}
          autoComplete="off"
          defaultValue={theme.name}
          hint="Finding themes again keeps a name you chose."
          error={fieldError(rename.error, 'name')}
        />
        <div className="dialog-actions">
          <Button onClick={close}>Cancel</Button>
          <Button type="submit" variant="primary" busy={rename.isPending}>
            Rename
          </Button>
        </div>
      </form>
    </Dialog>
  );
}

function MergeDialog({ theme, close }: { theme: ThemeSummary; close: () => void }) {
  const workspace = useWorkspace();
  const navigate = useNavigate();
  const themes = useThemes(workspace.id);
  const merge = useMergeTheme(workspace.id, theme.id);
  const targets = (themes.data?.items ?? [])
    .filter((other) => other.status === 'active' && other.id !== theme.id)
    .sort((a, b) => a.name.localeCompare(b.name));
  return (
    <Dialog title={`Merge ${theme.name} into another theme`} onClose={close}>
      <form
        className="form dialog-body"
        onSubmit={(event) => {
          event.preventDefault();
          const intoId = formText(new FormData(event.currentTarget), 'intoThemeId');
          if (!intoId) return;
          merge.mutate(intoId, {
            onSuccess: () =>
              void navigate(`/w/${workspace.id}/themes/${encodeURIComponent(intoId)}`),
          });
        }}
      >
        <FormError problem={merge.error} fields={['intoThemeId']} />
        <SelectField
          label="Merge into"
          name="intoThemeId"
          required
          options={[
            { value: '', label: themes.isPending ? 'Loading themes…' : 'Choose a theme' },
            ...targets.map((other) => ({ value: other.id, label: other.name })),
          ]}
          hint={`Its ${theme.volume} items and its phrases move to the theme you choose. Finding themes again keeps them together.`}
          error={fieldError(merge.error, 'intoThemeId')}
        />
        <div className="dialog-actions">
          <Button onClick={close}>Cancel</Button>
          <Button type="submit" variant="primary" busy={merge.isPending}>
            Merge
          </Button>
        </div>
      </form>
    </Dialog>
  );
}

function SplitDialog({ theme, close }: { theme: ThemeSummary; close: () => void }) {
  const workspace = useWorkspace();
  const navigate = useNavigate();
  const split = useSplitTheme(workspace.id, theme.id);
  const [terms, setTerms] = useState<string[]>([]);
  // At least one phrase must stay behind, or this would be a rename.
  const tooMany = terms.length >= theme.phrases.length;
  return (
    <Dialog title={`Split ${theme.name}`} onClose={close}>
      <form
        className="form dialog-body"
        onSubmit={(event) => {
          event.preventDefault();
          if (terms.length === 0 || tooMany) return;
          // Left blank, the server names the new theme from its phrases.
          const name = formText(new FormData(event.currentTarget), 'name');
          split.mutate(
            { phrases: terms, ...(name ? { name } : {}) },
            {
              onSuccess: (created) =>
                void navigate(`/w/${workspace.id}/themes/${encodeURIComponent(created.id)}`),
            },
          );
        }}
      >
        <FormError problem={split.error} fields={['name', 'phrases']} />
        <fieldset className="fieldset-plain theme-picker">
          <legend>Phrases that move to the new theme</legend>
          {theme.phrases.map((term) => (
            <label key={term} className="check-row">
              <input
                type="checkbox"
                checked={terms.includes(term)}
                onChange={(event) =>
                  setTerms((current) =>
                    event.target.checked ? [...current, term] : current.filter((t) => t !== term),
                  )
                }
              />
              {term}
            </label>
          ))}
        </fieldset>
        {tooMany && <p className="field-error">Leave at least one phrase in {theme.name}.</p>}
        <TextField
          label="Name of the new theme"
          name="name"
          maxLength={80}
          autoComplete="off"
          placeholder="e.g. Refund delays"
          hint="Optional. Left blank, it is named after its phrases."
          error={fieldError(split.error, 'name')}
        />
        <div className="dialog-actions">
          <Button onClick={close}>Cancel</Button>
          <Button
            type="submit"
            variant="primary"
            busy={split.isPending}
            disabled={terms.length === 0 || tooMany}
          >
            Split
          </Button>
        </div>
      </form>
    </Dialog>
  );
}

import { useMemo, useState } from 'react';
import { ErrorNotice, FormError } from '../../../ui/Alert.tsx';
import { Button } from '../../../ui/Button.tsx';
import { Dialog } from '../../../ui/Dialog.tsx';
import { TextField } from '../../../ui/Field.tsx';
import { Loading } from '../../../ui/Spinner.tsx';
import { useWorkspace } from '../session.ts';
import { useThemes } from '../themes/queries.ts';
import type { ThemeRef } from './analysis.ts';
import { useSetItemThemes } from './queries.ts';

interface ThemeEditorProps {
  feedbackId: string;
  current: readonly ThemeRef[];
}

/** "Edit themes": pick an item's themes by hand; kept across re-clustering and counted. */
export function ThemeEditor({ feedbackId, current }: ThemeEditorProps) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button variant="ghost" size="small" onClick={() => setOpen(true)}>
        Edit themes
      </Button>
      {open && (
        <Dialog title="Themes of this item" onClose={() => setOpen(false)}>
          <ThemePicker feedbackId={feedbackId} current={current} close={() => setOpen(false)} />
        </Dialog>
      )}
    </>
  );
}

function ThemePicker({ feedbackId, current, close }: ThemeEditorProps & { close: () => void }) {
  const workspace = useWorkspace();
  const themes = useThemes(workspace.id);
  const save = useSetItemThemes(workspace.id);
  const [chosen, setChosen] = useState(() => new Set(current.map((theme) => theme.id)));
  const [filter, setFilter] = useState('');

  const options = useMemo(() => {
    const active = (themes.data?.items ?? []).filter((theme) => theme.status === 'active');
    const needle = filter.trim().toLocaleLowerCase();
    // Chosen themes stay listed whatever the filter, so they can be unticked.
    return active.filter(
      (theme) => chosen.has(theme.id) || !needle || theme.name.toLocaleLowerCase().includes(needle),
    );
  }, [themes.data, filter, chosen]);

  const toggle = (id: string, on: boolean) =>
    setChosen((previous) => {
      const next = new Set(previous);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });

  return (
    <form
      className="dialog-body form"
      onSubmit={(event) => {
        event.preventDefault();
        save.mutate({ feedbackId, themeIds: [...chosen] }, { onSuccess: close });
      }}
    >
      <FormError problem={save.error} />
      <TextField
        label="Find a theme"
        name="themeFilter"
        type="search"
        autoComplete="off"
        value={filter}
        onChange={(event) => setFilter(event.target.value)}
      />
      {themes.isPending ? (
        <Loading />
      ) : themes.error ? (
        <ErrorNotice problem={themes.error} onRetry={() => void themes.refetch()} />
      ) : (
        <fieldset className="fieldset-plain theme-picker">
          <legend>Themes</legend>
          {options.length === 0 && <p className="muted">No theme matches.</p>}
          {options.map((theme) => (
            <label key={theme.id} className="check-row">
              <input
                type="checkbox"
                checked={chosen.has(theme.id)}
                onChange={(event) => toggle(theme.id, event.target.checked)}
              />
              {theme.name}
            </label>
          ))}
        </fieldset>
      )}
      <p className="muted">
        Themes you set by hand stay when themes are found again, and count as corrections.
      </p>
      <div className="dialog-actions">
        <Button onClick={close}>Cancel</Button>
        <Button type="submit" variant="primary" busy={save.isPending}>
          Save themes
        </Button>
      </div>
    </form>
  );
}

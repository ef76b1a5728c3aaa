import { useMemo, useState } from 'react';
import { ErrorNotice, FormError } from '../../../ui/Alert.tsx';
import { Button } from '../../../ui/Button.tsx';
import { Dialog } from '../../../ui/Dialog.tsx';
import { TextField } from '../../../ui/Field.tsx';
import { Loading } from '../../../ui/Spinner.tsx';
import { useWorkspace } from '../session.ts';
import { useFeedbackThemes, useSetItemThemes, useThemes } from '../themes/queries.ts';
import type { ThemeSummary } from '../themes/types.ts';

/** The API keeps at most this many themes on one item. */
const MAX_THEMES = 10;

/** "Edit themes": pick an item's themes by hand; kept across re-clustering and counted. */
export function ThemeEditor({ feedbackId }: { feedbackId: string }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button variant="ghost" size="small" onClick={() => setOpen(true)}>
        Edit themes
      </Button>
      {open && (
        <Dialog title="Themes of this item" onClose={() => setOpen(false)}>
          <ThemePickerLoader feedbackId={feedbackId} close={() => setOpen(false)} />
        </Dialog>
      )}
    </>
  );
}

function ThemePickerLoader({ feedbackId, close }: { feedbackId: string; close: () => void }) {
  const workspace = useWorkspace();
  const current = useFeedbackThemes(workspace.id, feedbackId);
  const themes = useThemes(workspace.id, { window: '365d' });
  const failed = current.error ?? themes.error;
  if (failed) {
    return (
      <div className="dialog-body">
        <ErrorNotice
          problem={failed}
          onRetry={() => void Promise.all([current.refetch(), themes.refetch()])}
        />
        <div className="dialog-actions">
          <Button onClick={close}>Close</Button>
        </div>
      </div>
    );
  }
  if (!current.data || !themes.data) return <Loading />;
  return (
    <ThemePicker
      feedbackId={feedbackId}
      initial={current.data.themes.map((theme) => theme.themeId)}
      themes={themes.data.items.filter((theme) => theme.status === 'active')}
      close={close}
    />
  );
}

interface ThemePickerProps {
  feedbackId: string;
  initial: readonly string[];
  themes: readonly ThemeSummary[];
  close: () => void;
}

function ThemePicker({ feedbackId, initial, themes, close }: ThemePickerProps) {
  const workspace = useWorkspace();
  const save = useSetItemThemes(workspace.id, feedbackId);
  const [chosen, setChosen] = useState(() => new Set(initial));
  const [filter, setFilter] = useState('');

  const options = useMemo(() => {
    const needle = filter.trim().toLocaleLowerCase();
    // Chosen themes stay listed whatever the filter, so they can be unticked.
    return [...themes]
      .sort((a, b) => a.name.localeCompare(b.name))
      .filter(
        (theme) =>
          chosen.has(theme.id) || !needle || theme.name.toLocaleLowerCase().includes(needle),
      );
  }, [themes, filter, chosen]);

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
        save.mutate([...chosen], { onSuccess: close });
      }}
    >
      <FormError problem={save.error} fields={[]} />
      <TextField
        label="Find a theme"
        name="themeFilter"
        type="search"
        autoComplete="off"
        value={filter}
        onChange={(event) => setFilter(event.target.value)}
      />
      <fieldset className="fieldset-plain theme-picker">
        <legend>Themes (at most {MAX_THEMES})</legend>
        {options.length === 0 && <p className="muted">No theme matches.</p>}
        {options.map((theme) => (
          <label key={theme.id} className="check-row">
            <input
              type="checkbox"
              checked={chosen.has(theme.id)}
              disabled={!chosen.has(theme.id) && chosen.size >= MAX_THEMES}
              onChange={(event) => toggle(theme.id, event.target.checked)}
            />
            {theme.name}
          </label>
        ))}
      </fieldset>
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

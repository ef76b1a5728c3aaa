import { useEffect, useMemo, useState } from 'react';
import { Link } from 'react-router-dom';
import { ErrorNotice, FormError } from '../../../ui/Alert.tsx';
import { Button } from '../../../ui/Button.tsx';
import { Chart } from '../../../ui/Chart.tsx';
import { EmptyState } from '../../../ui/EmptyState.tsx';
import { TextField } from '../../../ui/Field.tsx';
import { Page, Section } from '../../../ui/Page.tsx';
import { SegmentedControl } from '../../../ui/SegmentedControl.tsx';
import { Loading } from '../../../ui/Spinner.tsx';
import { formatCount } from '../format.ts';
import { useWorkspace } from '../session.ts';
import { useRecluster, useThemes } from './queries.ts';
import type { Window } from './queries.ts';
import { ThemeFigures } from './ThemeFigures.tsx';
import { describeTheme, themeVolumeOption } from './themeListOption.ts';
import type { ThemeSummary } from './types.ts';

type Order = 'volume' | 'negative' | 'name';

const ORDERS: Record<Order, (a: ThemeSummary, b: ThemeSummary) => number> = {
  volume: (a, b) => b.volume - a.volume,
  negative: (a, b) => (b.negativeShare ?? 0) - (a.negativeShare ?? 0) || b.volume - a.volume,
  name: (a, b) => a.name.localeCompare(b.name),
};

export const WINDOW_SEGMENTS: { value: Window; label: string }[] = [
  { value: '30d', label: '30 days' },
  { value: '90d', label: '90 days' },
  { value: '365d', label: 'A year' },
];

export function ThemesPage() {
  const workspace = useWorkspace();
  const [window, setWindow] = useState<Window>('90d');
  const [recurringOnly, setRecurringOnly] = useState(false);
  const [polling, setPolling] = useState(false);
  // Re-clustering takes seconds to a minute: poll for that long, then stop.
  useEffect(() => {
    if (!polling) return;
    const timer = setTimeout(() => setPolling(false), 60_000);
    return () => clearTimeout(timer);
  }, [polling]);
  const themes = useThemes(workspace.id, {
    window,
    recurring: recurringOnly ? true : undefined,
    poll: polling,
  });
  return (
    <Page
      title="Themes"
      description="The subjects that keep coming up in feedback, found by grouping similar phrases."
      actions={workspace.canManage && <ReclusterButton onQueued={() => setPolling(true)} />}
    >
      <div className="theme-toolbar">
        <SegmentedControl
          label="Period"
          value={window}
          onChange={setWindow}
          segments={WINDOW_SEGMENTS}
        />
        <SegmentedControl<'all' | 'recurring'>
          label="Which themes"
          value={recurringOnly ? 'recurring' : 'all'}
          onChange={(value) => setRecurringOnly(value === 'recurring')}
          segments={[
            { value: 'all', label: 'All themes' },
            { value: 'recurring', label: 'Recurring issues' },
          ]}
        />
      </div>
      {themes.isPending ? (
        <Loading />
      ) : themes.error && !themes.data ? (
        <ErrorNotice problem={themes.error} onRetry={() => void themes.refetch()} />
      ) : (
        <div className={themes.isPlaceholderData ? 'stack-lg is-stale' : 'stack-lg'}>
          <ThemeExplorer themes={themes.data.items} recurringOnly={recurringOnly} />
        </div>
      )}
    </Page>
  );
}

function ReclusterButton({ onQueued }: { onQueued: () => void }) {
  const workspace = useWorkspace();
  const recluster = useRecluster(workspace.id);
  return (
    <div className="recluster">
      <Button
        busy={recluster.isPending}
        onClick={() => recluster.mutate(undefined, { onSuccess: onQueued })}
      >
        Find themes again
      </Button>
      <span role="status" className="muted">
        {recluster.isSuccess ? 'Finding themes in the background; this page updates.' : ''}
      </span>
      <FormError problem={recluster.error} />
    </div>
  );
}

function ThemeExplorer({
  themes,
  recurringOnly,
}: {
  themes: ThemeSummary[];
  recurringOnly: boolean;
}) {
  const workspace = useWorkspace();
  const [order, setOrder] = useState<Order>('volume');
  const [filter, setFilter] = useState('');
  const option = useMemo(() => themeVolumeOption(themes), [themes]);
  const shown = useMemo(() => {
    const needle = filter.trim().toLocaleLowerCase();
    return themes
      .filter(
        (theme) =>
          !needle ||
          theme.name.toLocaleLowerCase().includes(needle) ||
          theme.phrases.some((phrase) => phrase.includes(needle)),
      )
      .sort((a, b) => Number(b.pinned) - Number(a.pinned) || ORDERS[order](a, b));
  }, [themes, filter, order]);

  if (themes.length === 0) {
    return (
      <EmptyState
        title={
          recurringOnly ? 'No recurring issues in this period.' : 'No themes in this period yet.'
        }
      >
        <p>
          Themes appear once there is enough feedback with text; they are found again every night.
        </p>
      </EmptyState>
    );
  }
  const biggest = [...themes].sort(ORDERS.volume).slice(0, 3).map(describeTheme).join('; ');
  return (
    <>
      <Section
        title="Biggest themes"
        description="Items per theme; the colour is the mood of its items (green positive, grey neutral, red negative)."
      >
        <Chart
          option={option}
          label={`The biggest themes by items. ${biggest}.`}
          height={Math.max(160, 48 + Math.min(themes.length, 10) * 36)}
        />
      </Section>
      <Section title="All themes" description="Pinned themes first.">
        <div className="theme-toolbar">
          <TextField
            label="Find a theme"
            name="themeFilter"
            type="search"
            autoComplete="off"
            value={filter}
            onChange={(event) => setFilter(event.target.value)}
          />
          <SegmentedControl<Order>
            label="Order"
            value={order}
            onChange={setOrder}
            segments={[
              { value: 'volume', label: 'Most items' },
              { value: 'negative', label: 'Most negative' },
              { value: 'name', label: 'Name' },
            ]}
          />
        </div>
        <p role="status" className="muted">
          {shown.length === themes.length
            ? `${formatCount(themes.length)} themes.`
            : `${formatCount(shown.length)} of ${formatCount(themes.length)} themes match.`}
        </p>
        <ul className="theme-cards">
          {shown.map((theme) => (
            <li key={theme.id} className="theme-card">
              <h3>
                <Link to={`/w/${workspace.id}/themes/${encodeURIComponent(theme.id)}`}>
                  {theme.name}
                </Link>
              </h3>
              <p className="theme-card-stats">
                <ThemeFigures stats={theme} />
                {theme.pinned && <span className="badge">Pinned</span>}
                {theme.recurring && <span className="badge badge-warning">Recurring</span>}
              </p>
              {theme.phrases.length > 0 && (
                <p className="muted theme-terms">{theme.phrases.slice(0, 6).join(' · ')}</p>
              )}
            </li>
          ))}
        </ul>
      </Section>
    </>
  );
}

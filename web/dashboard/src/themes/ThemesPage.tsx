import { useMemo, useState } from 'react';
import { Link } from 'react-router-dom';
import { ErrorNotice, FormError } from '../../../ui/Alert.tsx';
import { Button } from '../../../ui/Button.tsx';
import { Chart } from '../../../ui/Chart.tsx';
import { EmptyState } from '../../../ui/EmptyState.tsx';
import { TextField } from '../../../ui/Field.tsx';
import { Page, Section } from '../../../ui/Page.tsx';
import { SegmentedControl } from '../../../ui/SegmentedControl.tsx';
import { Loading } from '../../../ui/Spinner.tsx';
import { SentimentBadge } from '../feedback/SentimentBadge.tsx';
import { formatCount } from '../format.ts';
import { canWorkWithFeedback } from '../roles.ts';
import { useWorkspace } from '../session.ts';
import { useRecluster, useThemes } from './queries.ts';
import { describeTheme, sentimentOfMean, themeVolumeOption } from './themeListOption.ts';
import type { ThemeSummary } from './types.ts';

type Order = 'volume' | 'negative' | 'name';

const ORDERS: Record<Order, (a: ThemeSummary, b: ThemeSummary) => number> = {
  volume: (a, b) => b.count - a.count,
  negative: (a, b) => (a.sentiment ?? 0) - (b.sentiment ?? 0) || b.count - a.count,
  name: (a, b) => a.name.localeCompare(b.name),
};

export function ThemesPage() {
  const workspace = useWorkspace();
  const themes = useThemes(workspace.id);
  return (
    <Page
      title="Themes"
      description="The subjects that keep coming up in feedback, found by grouping similar phrases."
      actions={canWorkWithFeedback(workspace.role) && <ReclusterButton />}
    >
      {themes.isPending ? (
        <Loading />
      ) : themes.error ? (
        <ErrorNotice problem={themes.error} onRetry={() => void themes.refetch()} />
      ) : (
        <ThemeExplorer themes={themes.data.items.filter((theme) => theme.status === 'active')} />
      )}
    </Page>
  );
}

function ReclusterButton() {
  const workspace = useWorkspace();
  const recluster = useRecluster(workspace.id);
  return (
    <div className="recluster">
      <Button busy={recluster.isPending} onClick={() => recluster.mutate()}>
        Find themes again
      </Button>
      <span role="status" className="muted">
        {recluster.isSuccess ? 'Finding themes in the background. This page updates.' : ''}
      </span>
      <FormError problem={recluster.error} />
    </div>
  );
}

function ThemeExplorer({ themes }: { themes: ThemeSummary[] }) {
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
          theme.terms.some((term) => term.includes(needle)),
      )
      .sort((a, b) => Number(b.pinned) - Number(a.pinned) || ORDERS[order](a, b));
  }, [themes, filter, order]);

  if (themes.length === 0) {
    return (
      <EmptyState title="No themes yet.">
        <p>
          Themes appear once there is enough feedback with text. Staff who work with feedback can
          also ask for them to be found again.
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
            <ThemeCard key={theme.id} theme={theme} workspaceId={workspace.id} />
          ))}
        </ul>
      </Section>
    </>
  );
}

function ThemeCard({ theme, workspaceId }: { theme: ThemeSummary; workspaceId: string }) {
  const mood = sentimentOfMean(theme.sentiment);
  return (
    <li className="theme-card">
      <h3>
        <Link to={`/w/${workspaceId}/themes/${encodeURIComponent(theme.id)}`}>{theme.name}</Link>
      </h3>
      <p className="theme-card-stats">
        <span>{formatCount(theme.count)} items</span>
        {mood && <SentimentBadge label={mood} score={theme.sentiment} />}
        {theme.pinned && <span className="badge">Pinned</span>}
        {theme.recurring && <span className="badge badge-warning">Recurring</span>}
      </p>
      {theme.terms.length > 0 && (
        <p className="muted theme-terms">{theme.terms.slice(0, 6).join(' · ')}</p>
      )}
    </li>
  );
}

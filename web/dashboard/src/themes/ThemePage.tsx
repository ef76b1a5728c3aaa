import { useMemo, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { ErrorNotice } from '../../../ui/Alert.tsx';
import { EmptyState } from '../../../ui/EmptyState.tsx';
import { Page, Section } from '../../../ui/Page.tsx';
import { SegmentedControl } from '../../../ui/SegmentedControl.tsx';
import { Loading } from '../../../ui/Spinner.tsx';
import { isApiError } from '../api.ts';
import { useWorkspace } from '../session.ts';
import { ShareButton } from '../sharing/ShareForm.tsx';
import { fillSeries } from './fillSeries.ts';
import { QuoteCard } from './QuoteCard.tsx';
import { useThemeDetail } from './queries.ts';
import type { Window } from './queries.ts';
import { SourceTable } from './SourceTable.tsx';
import { ThemeActions } from './ThemeActions.tsx';
import { ThemeFigures } from './ThemeFigures.tsx';
import { WINDOW_SEGMENTS } from './ThemesPage.tsx';
import { TrendChart } from './TrendChart.tsx';
import type { TrendMetric } from './trendOption.ts';
import { toTrendPoints } from './trendPoints.ts';
import type { ThemeDetail, ThemeQuote } from './types.ts';

const METRICS: { value: TrendMetric; label: string }[] = [
  { value: 'volume', label: 'Items' },
  { value: 'negative', label: 'Negative' },
  { value: 'sentiment', label: 'Sentiment' },
  { value: 'nps', label: 'NPS' },
];

export function ThemePage() {
  const { themeId = '' } = useParams();
  const workspace = useWorkspace();
  const [window, setWindow] = useState<Window>('90d');
  // Daily points over a month, weekly ones beyond: enough items per point to mean something.
  const detail = useThemeDetail(workspace.id, themeId, window, window === '30d' ? 'day' : 'week');
  if (detail.isPending) {
    return (
      <Page title="Theme">
        <Loading />
      </Page>
    );
  }
  if (detail.error && !detail.data) {
    return (
      <Page title="Theme">
        {isApiError(detail.error, 404) ? (
          <EmptyState
            title="This theme does not exist any more."
            action={<Link to={`/w/${workspace.id}/themes`}>See all themes</Link>}
          />
        ) : (
          <ErrorNotice problem={detail.error} onRetry={() => void detail.refetch()} />
        )}
      </Page>
    );
  }
  return (
    <ThemeView
      detail={detail.data}
      stale={detail.isPlaceholderData}
      window={window}
      setWindow={setWindow}
    />
  );
}

interface ThemeViewProps {
  detail: ThemeDetail;
  stale: boolean;
  window: Window;
  setWindow: (window: Window) => void;
}

function ThemeView({ detail, stale, window, setWindow }: ThemeViewProps) {
  const workspace = useWorkspace();
  const { theme } = detail;
  const base = `/w/${workspace.id}`;
  return (
    <Page
      title={theme.name}
      description={
        <span className="theme-summary">
          <ThemeFigures stats={theme} />
          {theme.pinned && <span className="badge">Pinned</span>}
          {theme.recurring && <span className="badge badge-warning">Recurring</span>}
        </span>
      }
      actions={
        workspace.canManage && theme.status === 'active' ? (
          <ThemeActions theme={theme} />
        ) : undefined
      }
    >
      <nav className="theme-nav" aria-label="Theme">
        <span className="theme-links">
          <Link to={`${base}/themes`}>← All themes</Link>
          <Link to={`${base}/inbox?themeId=${encodeURIComponent(theme.id)}`}>
            Its feedback in the inbox
          </Link>
          {theme.status === 'active' && (
            <ShareButton
              target={{ kind: 'theme', id: theme.id }}
              label={`the theme ${theme.name}`}
            />
          )}
        </span>
        <SegmentedControl
          label="Period"
          value={window}
          onChange={setWindow}
          segments={WINDOW_SEGMENTS}
        />
      </nav>
      {theme.status === 'merged' && (
        <EmptyState
          title="This theme was merged into another."
          action={
            theme.mergedInto && (
              <Link to={`${base}/themes/${encodeURIComponent(theme.mergedInto)}`}>
                Go to the theme it was merged into
              </Link>
            )
          }
        />
      )}
      <div className={stale ? 'stack-lg is-stale' : 'stack-lg'} aria-busy={stale || undefined}>
        <TrendSection detail={detail} />
        <div className="theme-sources">
          <SourceTable title="Touchpoints" noun="Touchpoint" rows={detail.touchpoints} />
          <SourceTable title="Accounts" noun="Account" rows={detail.accounts} />
        </div>
        <div className="theme-sources">
          <QuoteList title="What customers praise" quotes={detail.quotes.positive} />
          <QuoteList title="What customers complain about" quotes={detail.quotes.negative} />
        </div>
        {theme.phrases.length > 0 && (
          <Section
            title="Phrases"
            description="The phrases that define this theme, weightiest first."
          >
            <ul className="chips">
              {theme.phrases.map((phrase) => (
                <li key={phrase} className="chip">
                  {phrase}
                </li>
              ))}
            </ul>
          </Section>
        )}
      </div>
    </Page>
  );
}

function TrendSection({ detail }: { detail: ThemeDetail }) {
  const [metric, setMetric] = useState<TrendMetric>('volume');
  const points = useMemo(
    () => toTrendPoints(fillSeries(detail.series, detail.from, detail.to, detail.bucket), metric),
    [detail, metric],
  );
  return (
    <Section
      title="Over time"
      description={`${detail.bucket === 'day' ? 'Daily' : 'Weekly'}, with the number of items behind every score; the fewer the items, the wider the band.`}
    >
      <SegmentedControl label="Measure" value={metric} onChange={setMetric} segments={METRICS} />
      <TrendChart points={points} metric={metric} />
    </Section>
  );
}

function QuoteList({ title, quotes }: { title: string; quotes: readonly ThemeQuote[] }) {
  return (
    <Section title={title}>
      {quotes.length === 0 ? (
        <p className="muted">None in this period.</p>
      ) : (
        <div className="quotes">
          {quotes.map((quote) => (
            <QuoteCard key={quote.feedbackId} quote={quote} />
          ))}
        </div>
      )}
    </Section>
  );
}

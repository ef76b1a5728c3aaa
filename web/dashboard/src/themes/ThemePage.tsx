import { useMemo, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { ErrorNotice } from '../../../ui/Alert.tsx';
import { EmptyState } from '../../../ui/EmptyState.tsx';
import { Page, Section } from '../../../ui/Page.tsx';
import { SegmentedControl } from '../../../ui/SegmentedControl.tsx';
import { Loading } from '../../../ui/Spinner.tsx';
import { Table } from '../../../ui/Table.tsx';
import { isApiError } from '../api.ts';
import { SentimentBadge } from '../feedback/SentimentBadge.tsx';
import { formatCount } from '../format.ts';
import { canWorkWithFeedback } from '../roles.ts';
import { useWorkspace } from '../session.ts';
import { QuoteCard } from './QuoteCard.tsx';
import { useTheme, useThemeQuotes, useThemeTrend } from './queries.ts';
import type { TrendInterval } from './queries.ts';
import { ThemeActions } from './ThemeActions.tsx';
import { sentimentOfMean } from './themeListOption.ts';
import { TrendChart } from './TrendChart.tsx';
import type { TrendMetric } from './trendOption.ts';
import { toTrendPoints } from './trendPoints.ts';
import type { CountedRef, ThemeDetail } from './types.ts';

export function ThemePage() {
  const { themeId = '' } = useParams();
  const workspace = useWorkspace();
  const theme = useTheme(workspace.id, themeId);
  if (theme.isPending) {
    return (
      <Page title="Theme">
        <Loading />
      </Page>
    );
  }
  if (theme.error) {
    return (
      <Page title="Theme">
        {isApiError(theme.error, 404) ? (
          <EmptyState
            title="This theme does not exist any more."
            action={<Link to={`/w/${workspace.id}/themes`}>See all themes</Link>}
          />
        ) : (
          <ErrorNotice problem={theme.error} onRetry={() => void theme.refetch()} />
        )}
      </Page>
    );
  }
  return <ThemeView theme={theme.data} />;
}

function ThemeView({ theme }: { theme: ThemeDetail }) {
  const workspace = useWorkspace();
  const mood = sentimentOfMean(theme.sentiment);
  const base = `/w/${workspace.id}`;
  return (
    <Page
      title={theme.name}
      description={
        <span className="theme-summary">
          <span>{formatCount(theme.count)} items</span>
          {mood && <SentimentBadge label={mood} score={theme.sentiment} />}
          {theme.pinned && <span className="badge">Pinned</span>}
          {theme.recurring && <span className="badge badge-warning">Recurring</span>}
          <Link to={`${base}/inbox?themeId=${encodeURIComponent(theme.id)}`}>
            See its feedback in the inbox
          </Link>
        </span>
      }
      actions={
        canWorkWithFeedback(workspace.role) && theme.status === 'active' ? (
          <ThemeActions theme={theme} />
        ) : undefined
      }
    >
      <p>
        <Link to={`${base}/themes`}>← All themes</Link>
      </p>
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
      <TrendSection themeId={theme.id} />
      <div className="theme-sources">
        <SourceTable title="Touchpoints" rows={theme.touchpoints} total={theme.count} />
        <SourceTable title="Accounts" rows={theme.accounts} total={theme.count} />
      </div>
      <QuotesSection theme={theme} />
      {theme.terms.length > 0 && (
        <Section
          title="Phrases"
          description="The phrases that define this theme, weightiest first."
        >
          <ul className="chips">
            {theme.terms.map((term) => (
              <li key={term} className="chip">
                {term}
              </li>
            ))}
          </ul>
        </Section>
      )}
    </Page>
  );
}

const METRICS: { value: TrendMetric; label: string }[] = [
  { value: 'volume', label: 'Items' },
  { value: 'sentiment', label: 'Sentiment' },
  { value: 'nps', label: 'NPS' },
];

function TrendSection({ themeId }: { themeId: string }) {
  const workspace = useWorkspace();
  const [metric, setMetric] = useState<TrendMetric>('volume');
  const [period, setPeriod] = useState<TrendInterval>('week');
  const trend = useThemeTrend(workspace.id, themeId, period);
  const points = useMemo(
    () => toTrendPoints(trend.data?.items ?? [], metric),
    [trend.data, metric],
  );
  return (
    <Section
      title="Over time"
      description="Every score with its sample size; the fewer the items, the wider the band."
    >
      <div className="theme-toolbar">
        <SegmentedControl label="Measure" value={metric} onChange={setMetric} segments={METRICS} />
        <SegmentedControl<TrendInterval>
          label="Period"
          value={period}
          onChange={setPeriod}
          segments={[
            { value: 'week', label: 'Weekly' },
            { value: 'month', label: 'Monthly' },
          ]}
        />
      </div>
      {trend.isPending ? (
        <Loading />
      ) : trend.error && !trend.data ? (
        <ErrorNotice problem={trend.error} onRetry={() => void trend.refetch()} />
      ) : (
        <div className={trend.isPlaceholderData ? 'is-stale' : undefined}>
          <TrendChart points={points} metric={metric} />
        </div>
      )}
    </Section>
  );
}

function SourceTable({
  title,
  rows,
  total,
}: {
  title: string;
  rows: readonly CountedRef[];
  total: number;
}) {
  return (
    <Section title={title} description={`Where this theme's items come from.`}>
      {rows.length === 0 ? (
        <p className="muted">None recorded.</p>
      ) : (
        <Table
          caption={`${title} of this theme`}
          rows={rows}
          rowKey={(row) => row.id ?? row.name}
          columns={[
            { header: title.replace(/s$/, ''), cell: (row) => row.name },
            { header: 'Items', cell: (row) => formatCount(row.count), className: 'num' },
            {
              header: 'Share',
              cell: (row) => (total > 0 ? `${Math.round((row.count / total) * 100)}%` : '—'),
              className: 'num',
            },
          ]}
        />
      )}
    </Section>
  );
}

function QuotesSection({ theme }: { theme: ThemeDetail }) {
  const workspace = useWorkspace();
  const quotes = useThemeQuotes(workspace.id, theme.id);
  return (
    <Section title="Example quotes" description="What customers said, in their words.">
      {quotes.isPending ? (
        <Loading />
      ) : quotes.error ? (
        <ErrorNotice problem={quotes.error} onRetry={() => void quotes.refetch()} />
      ) : quotes.data.items.length === 0 ? (
        <p className="muted">No quotes yet.</p>
      ) : (
        <div className="quotes">
          {quotes.data.items.map((quote) => (
            <QuoteCard key={quote.feedbackId} quote={quote} themeName={theme.name} />
          ))}
        </div>
      )}
    </Section>
  );
}

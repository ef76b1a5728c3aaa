import { useMemo, useState } from 'react';
import { ErrorNotice } from '../../../ui/Alert.tsx';
import { Chart } from '../../../ui/Chart.tsx';
import { EmptyState } from '../../../ui/EmptyState.tsx';
import { Page, Section } from '../../../ui/Page.tsx';
import { SegmentedControl } from '../../../ui/SegmentedControl.tsx';
import { Loading } from '../../../ui/Spinner.tsx';
import { Table } from '../../../ui/Table.tsx';
import { formatCount } from '../format.ts';
import { useWorkspace } from '../session.ts';
import {
  firstResponseChartOption,
  formatHours,
  formatShare,
  shareChartOption,
} from './chartOptions.ts';
import { useLoopMetrics } from './queries.ts';
import type { Dimension, Figures, LoopMetrics } from './types.ts';

type Months = '3' | '6' | '12';
type Breakdown = Exclude<Dimension, 'month'>;
const NO_GROUP: Record<Breakdown, string> = {
  team: 'No team',
  owner: 'Unassigned',
  touchpoint: 'No touchpoint',
};

/** How well the loop closes: rates with n and 95% intervals, by month and by team, owner or touchpoint. */
export function LoopMetricsPage() {
  const workspace = useWorkspace();
  const [months, setMonths] = useState<Months>('6');
  const [by, setBy] = useState<Breakdown>('team');
  const monthly = useLoopMetrics(workspace.id, 'month', Number(months));
  const breakdown = useLoopMetrics(workspace.id, by, Number(months));
  return (
    <Page
      title="Loop metrics"
      description="Cases opened in the period: how many closed, how fast customers heard back, and how many detractors were won back."
      actions={
        <SegmentedControl
          label="Period"
          value={months}
          onChange={setMonths}
          segments={[
            { value: '3', label: '3 months' },
            { value: '6', label: '6 months' },
            { value: '12', label: 'A year' },
          ]}
        />
      }
    >
      {monthly.isPending ? (
        <Loading />
      ) : monthly.isError ? (
        <ErrorNotice problem={monthly.error} onRetry={() => void monthly.refetch()} />
      ) : monthly.data.overall.opened === 0 && monthly.data.overall.stockReplies.n === 0 ? (
        <EmptyState title="No cases in this period yet." />
      ) : (
        <MonthlyCharts metrics={monthly.data} />
      )}
      <Section
        title="Breakdown"
        actions={
          <SegmentedControl
            label="Break down by"
            value={by}
            onChange={setBy}
            segments={[
              { value: 'team', label: 'Team' },
              { value: 'owner', label: 'Owner' },
              { value: 'touchpoint', label: 'Touchpoint' },
            ]}
          />
        }
      >
        {breakdown.isPending ? (
          <Loading />
        ) : breakdown.isError ? (
          <ErrorNotice problem={breakdown.error} onRetry={() => void breakdown.refetch()} />
        ) : (
          <FiguresTable
            caption={`Loop figures by ${by}`}
            rows={[
              { key: '__all', label: 'All', ...breakdown.data.overall },
              ...breakdown.data.groups.map((g) => ({
                ...g,
                key: g.key ?? '__none',
                label: g.label ?? (g.key === null ? NO_GROUP[by] : 'Removed'),
              })),
            ]}
          />
        )}
      </Section>
      {breakdown.data && breakdown.data.themes.length > 0 && (
        <Section
          title="Per root cause"
          description="Loops closed with this theme as root cause, and actions decided and shipped on it."
        >
          <Table
            caption="Loops closed and actions per theme"
            rows={breakdown.data.themes}
            rowKey={(row) => row.themeId}
            columns={[
              { header: 'Theme', cell: (row) => row.name },
              {
                header: 'Loops closed',
                cell: (row) => formatCount(row.loopsClosed),
                className: 'num',
              },
              { header: 'Won back', cell: (row) => formatCount(row.wonBack), className: 'num' },
              { header: 'Actions', cell: (row) => formatCount(row.actions), className: 'num' },
              {
                header: 'Shipped',
                cell: (row) => formatCount(row.actionsShipped),
                className: 'num',
              },
            ]}
          />
        </Section>
      )}
    </Page>
  );
}

function MonthlyCharts({ metrics }: { metrics: LoopMetrics }) {
  const months = metrics.groups;
  const closure = useMemo(
    () => shareChartOption(months, (m) => m.closureRate, 'Closure rate'),
    [months],
  );
  const response = useMemo(() => firstResponseChartOption(months), [months]);
  const stock = useMemo(
    () => shareChartOption(months, (m) => m.stockReplies, 'Stock replies'),
    [months],
  );
  const { overall } = metrics;
  return (
    <>
      <Section
        title="Closure rate"
        description={`Overall ${formatShare(overall.closureRate)}. Shaded: 95% interval.`}
      >
        <Chart
          option={closure}
          label={`Closure rate by month; overall ${formatShare(overall.closureRate)}`}
        />
      </Section>
      <Section
        title="Time to first response"
        description={`Median ${formatHours(overall.firstResponse.medianHours)}, 90% within ${formatHours(overall.firstResponse.p90Hours)} (n = ${overall.firstResponse.n}).`}
      >
        <Chart
          option={response}
          label="Median and 90th percentile time to first response by month"
        />
      </Section>
      <Section
        title="Stock replies"
        description={`Share of replies near-identical to replies sent to others: ${formatShare(overall.stockReplies)}.`}
      >
        <Chart
          option={stock}
          label={`Stock-reply share by month; overall ${formatShare(overall.stockReplies)}`}
        />
      </Section>
      <Section title="By month">
        <FiguresTable
          caption="Loop figures by month"
          rows={months.map((m) => ({ ...m, key: m.key ?? '', label: m.key ?? '' }))}
        />
      </Section>
    </>
  );
}

function FiguresTable({
  caption,
  rows,
}: {
  caption: string;
  rows: Array<Figures & { key: string; label: string }>;
}) {
  return (
    <Table
      caption={caption}
      rows={rows}
      rowKey={(row) => row.key}
      columns={[
        { header: 'Group', cell: (row) => row.label },
        { header: 'Opened', cell: (row) => formatCount(row.opened), className: 'num' },
        { header: 'Closure rate', cell: (row) => formatShare(row.closureRate), className: 'num' },
        {
          header: 'First response (median / p90)',
          cell: (row) =>
            `${formatHours(row.firstResponse.medianHours)} / ${formatHours(row.firstResponse.p90Hours)}`,
          className: 'num',
        },
        {
          header: 'Time to close (median)',
          cell: (row) => formatHours(row.timeToClose.medianHours),
          className: 'num',
        },
        { header: 'Overdue', cell: (row) => formatShare(row.overdue), className: 'num' },
        { header: 'Stock replies', cell: (row) => formatShare(row.stockReplies), className: 'num' },
        {
          header: 'Detractors won back',
          cell: (row) => formatShare(row.detractorsWonBack),
          className: 'num',
        },
      ]}
    />
  );
}

import { useMemo } from 'react';
import { Chart } from '../../../ui/Chart.tsx';
import { EmptyState } from '../../../ui/EmptyState.tsx';
import { Section } from '../../../ui/Page.tsx';
import { Table } from '../../../ui/Table.tsx';
import { formatMonth } from '../../../ui/time.ts';
import { formatCount, formatScore } from '../format.ts';
import type { NpsMonth } from '../types.ts';
import { describeMonth, npsChartOption } from './npsChartOption.ts';

/** Below this many answers a month's NPS swings widely; the table says so. */
const SMALL_SAMPLE = 30;

export function NpsChart({ months }: { months: NpsMonth[] }) {
  const option = useMemo(() => npsChartOption(months), [months]);
  const latest = months.at(-1);
  return (
    <Section
      title="NPS by month"
      description="Net Promoter Score with its 95% confidence interval: the fewer the answers, the wider the band."
    >
      {latest === undefined ? (
        <EmptyState title="No NPS answers yet." />
      ) : (
        <>
          <Chart
            option={option}
            label={`NPS by month. Latest, ${formatMonth(latest.month)}: ${describeMonth(latest)}.`}
          />
          <details className="chart-data">
            <summary>Show the numbers</summary>
            <Table
              caption="NPS by month"
              rows={months}
              rowKey={(month) => month.month}
              columns={[
                { header: 'Month', cell: (month) => formatMonth(month.month) },
                { header: 'NPS', cell: (month) => formatScore(month.nps), className: 'num' },
                {
                  header: '95% CI',
                  cell: (month) => `${formatScore(month.ciLow)} to ${formatScore(month.ciHigh)}`,
                  className: 'num',
                },
                {
                  header: 'Responses',
                  cell: (month) =>
                    month.responses < SMALL_SAMPLE
                      ? `${formatCount(month.responses)} (small sample)`
                      : formatCount(month.responses),
                  className: 'num',
                },
              ]}
            />
          </details>
        </>
      )}
    </Section>
  );
}

import { useMemo } from 'react';
import { ErrorNotice } from '../../../ui/Alert.tsx';
import { Chart } from '../../../ui/Chart.tsx';
import { EmptyState } from '../../../ui/EmptyState.tsx';
import { Section } from '../../../ui/Page.tsx';
import { RelativeTime } from '../../../ui/RelativeTime.tsx';
import { Loading } from '../../../ui/Spinner.tsx';
import { Table } from '../../../ui/Table.tsx';
import { useWorkspace } from '../session.ts';
import { SEVERITY_TONES, SUBJECT_LABELS } from './labels.ts';
import { useSpikes } from './queries.ts';
import { shortDay, spikeChartOption } from './spikeChartOption.ts';
import type { Spike } from './types.ts';

function SpikeCard({ spike }: { spike: Spike }) {
  const option = useMemo(() => spikeChartOption(spike), [spike]);
  const subject = `${SUBJECT_LABELS[spike.subjectKind]}${spike.subjectName ? `: ${spike.subjectName}` : ''}`;
  const rows = spike.series.days.map((day, index) => ({
    day,
    count: spike.series.counts[index] ?? 0,
  }));
  return (
    <li className="spike-card">
      <div className="feedback-head">
        <span className="feedback-who">{subject}</span>
        <span className={SEVERITY_TONES[spike.severity]}>
          {spike.severity} {spike.direction}
        </span>
        <RelativeTime iso={spike.detectedAt} />
      </div>
      <p>
        {spike.sentence}: {spike.count} against a usual {spike.expected.toFixed(1)} a day (z ={' '}
        {spike.zScore.toFixed(1)}).
      </p>
      <Chart
        option={option}
        height={160}
        label={`${subject}: items per day for ${rows.length} days with the usual range; the last day is the spike, ${spike.sentence}.`}
      />
      <details className="chart-data">
        <summary>Show the numbers</summary>
        <p>
          Usual range: {spike.series.band.low.toFixed(1)} to {spike.series.band.high.toFixed(1)} a
          day.
        </p>
        <Table
          caption={`${subject}: items per day`}
          rows={rows}
          rowKey={(row) => row.day}
          columns={[
            { header: 'Day', cell: (row) => shortDay(row.day) },
            { header: 'Items', cell: (row) => row.count, className: 'num' },
          ]}
        />
      </details>
    </li>
  );
}

export function SpikesSection() {
  const { id } = useWorkspace();
  const spikes = useSpikes(id);
  return (
    <Section
      title="Spikes"
      description="Sudden rises (or falls) in a theme, a competitor or the brand, against the same hours of the last 28 days. Checked every hour."
    >
      {spikes.isPending ? (
        <Loading />
      ) : spikes.isError ? (
        <ErrorNotice problem={spikes.error} onRetry={() => void spikes.refetch()} />
      ) : spikes.data.items.length === 0 ? (
        <EmptyState title="No spikes found.">
          <p>A spike needs at least a week of history to be judged against.</p>
        </EmptyState>
      ) : (
        <ol className="spike-list">
          {spikes.data.items.map((spike) => (
            <SpikeCard key={spike.id} spike={spike} />
          ))}
        </ol>
      )}
    </Section>
  );
}

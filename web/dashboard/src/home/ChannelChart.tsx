import { useMemo } from 'react';
import { Chart } from '../../../ui/Chart.tsx';
import type { ChartOption } from '../../../ui/echarts.ts';
import { EmptyState } from '../../../ui/EmptyState.tsx';
import { Section } from '../../../ui/Page.tsx';
import { Table } from '../../../ui/Table.tsx';
import { channelLabel } from '../feedback/labels.ts';
import { formatCount } from '../format.ts';
import type { Overview } from '../types.ts';
import { chartColors } from './chartColors.ts';

type Channels = Overview['byChannel'];

function channelOption(channels: Channels): ChartOption {
  // Category axes draw bottom-up, so ascending order puts the largest bar on top.
  const sorted = [...channels].sort((a, b) => a.count - b.count);
  return {
    grid: { left: 8, right: 24, top: 8, bottom: 8 },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    xAxis: {
      type: 'value',
      minInterval: 1,
      axisLabel: { color: chartColors.axis },
      splitLine: { lineStyle: { color: chartColors.grid } },
    },
    yAxis: {
      type: 'category',
      data: sorted.map((channel) => channelLabel(channel.channel)),
      axisLabel: { color: chartColors.axis },
      axisLine: { lineStyle: { color: chartColors.grid } },
    },
    series: [
      {
        type: 'bar',
        name: 'Feedback',
        data: sorted.map((channel) => channel.count),
        barMaxWidth: 28,
        itemStyle: { color: chartColors.bar, borderRadius: [0, 4, 4, 0] },
      },
    ],
  };
}

export function ChannelChart({ channels }: { channels: Channels }) {
  const option = useMemo(() => channelOption(channels), [channels]);
  const summary = channels
    .map((channel) => `${channelLabel(channel.channel)} ${formatCount(channel.count)}`)
    .join(', ');
  return (
    <Section title="Feedback by channel">
      {channels.length === 0 ? (
        <EmptyState title="No feedback yet." />
      ) : (
        <>
          <Chart
            option={option}
            label={`Feedback items by channel: ${summary}.`}
            height={Math.max(160, 48 + channels.length * 40)}
          />
          <details className="chart-data">
            <summary>Show the numbers</summary>
            <Table
              caption="Feedback by channel"
              rows={channels}
              rowKey={(channel) => channel.channel}
              columns={[
                { header: 'Channel', cell: (channel) => channelLabel(channel.channel) },
                {
                  header: 'Feedback',
                  cell: (channel) => formatCount(channel.count),
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

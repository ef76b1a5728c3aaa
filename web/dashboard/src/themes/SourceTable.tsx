import { Section } from '../../../ui/Page.tsx';
import { Table } from '../../../ui/Table.tsx';
import { formatCount, formatScore } from '../format.ts';
import type { Breakdown } from './types.ts';

interface SourceTableProps {
  title: string;
  noun: string;
  rows: readonly Breakdown[];
}

/** Where a theme's items come from (touchpoints or accounts), with how many are negative. */
export function SourceTable({ title, noun, rows }: SourceTableProps) {
  return (
    <Section title={title} description="Where this theme's items come from, most first.">
      {rows.length === 0 ? (
        <p className="muted">None recorded in this period.</p>
      ) : (
        <Table
          caption={`${title} of this theme`}
          rows={rows}
          rowKey={(row) => row.id}
          columns={[
            { header: noun, cell: (row) => <span className="cell-break">{row.name}</span> },
            { header: 'Items', cell: (row) => formatCount(row.volume), className: 'num' },
            {
              header: 'Negative',
              cell: (row) =>
                row.volume > 0
                  ? `${formatCount(row.negative)} (${formatScore((row.negative / row.volume) * 100)}%)`
                  : '—',
              className: 'num',
            },
          ]}
        />
      )}
    </Section>
  );
}

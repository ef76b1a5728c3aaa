import { useState } from 'react';
import { ErrorNotice } from '../../../ui/Alert.tsx';
import { EmptyState } from '../../../ui/EmptyState.tsx';
import { Page, Section } from '../../../ui/Page.tsx';
import { RelativeTime } from '../../../ui/RelativeTime.tsx';
import { SegmentedControl } from '../../../ui/SegmentedControl.tsx';
import { Loading } from '../../../ui/Spinner.tsx';
import { Table } from '../../../ui/Table.tsx';
import { formatCount } from '../format.ts';
import { useWorkspace } from '../session.ts';
import { useEmployeeReport, useKudosWall, useRecentKudos } from './queries.ts';
import type { Kudos, WallEntry } from './types.ts';

type View = 'people' | 'teams';

/** The kudos wall: what customers said about the people and teams who helped them. */
export function KudosPage() {
  const workspace = useWorkspace();
  const [view, setView] = useState<View>('people');
  const wall = useKudosWall(workspace.id);
  const recent = useRecentKudos(workspace.id);
  return (
    <Page
      title="Kudos"
      description="Praise from customers for the people and teams who helped them. Each one is told, with their lead, when it arrives."
    >
      <Section title="Recent praise">
        {recent.isPending ? (
          <Loading />
        ) : recent.isError ? (
          <ErrorNotice problem={recent.error} onRetry={() => void recent.refetch()} />
        ) : recent.data.items.length === 0 ? (
          <EmptyState title="No praise yet.">
            <p>
              When feedback praises someone in the staff directory, it shows here. Agents can also
              credit praise by hand from an item.
            </p>
          </EmptyState>
        ) : (
          <ul className="kudos-cards">
            {recent.data.items.map((kudos) => (
              <li key={kudos.id}>
                <KudosCard kudos={kudos} />
              </li>
            ))}
          </ul>
        )}
      </Section>
      <Section
        title="Wall"
        description="Praise over the last 30 and 90 days, with the latest words."
        actions={
          <SegmentedControl
            label="Show"
            value={view}
            onChange={setView}
            segments={[
              { value: 'people', label: 'People' },
              { value: 'teams', label: 'Teams' },
            ]}
          />
        }
      >
        {wall.isPending ? (
          <Loading />
        ) : wall.isError ? (
          <ErrorNotice problem={wall.error} onRetry={() => void wall.refetch()} />
        ) : (
          <WallList entries={view === 'people' ? wall.data.people : wall.data.teams} />
        )}
      </Section>
      <EmployeeReportSection workspaceId={workspace.id} />
    </Page>
  );
}

function KudosCard({ kudos }: { kudos: Kudos }) {
  const who = kudos.personName ?? kudos.teamName ?? 'Someone';
  return (
    <figure className="quote kudos-card">
      <blockquote>
        <p className="feedback-text quote-text">{kudos.quote}</p>
      </blockquote>
      <figcaption className="quote-meta">
        <strong>{who}</strong>
        {kudos.personName && kudos.teamName && <span>{kudos.teamName}</span>}
        {kudos.source === 'manual' && <span>credited by hand</span>}
        <RelativeTime iso={kudos.receivedAt} />
      </figcaption>
    </figure>
  );
}

function WallList({ entries }: { entries: WallEntry[] }) {
  if (entries.length === 0) return <EmptyState title="No praise in the last 90 days." />;
  return (
    <ul className="kudos-wall">
      {entries.map((entry) => (
        <li key={entry.id} className="kudos-wall-entry">
          <div className="kudos-wall-head">
            <h3>{entry.name}</h3>
            {entry.teamName && <span className="muted">{entry.teamName}</span>}
            <span className="kudos-counts">
              {formatCount(entry.last30)} in 30 days · {formatCount(entry.last90)} in 90
            </span>
          </div>
          <ul className="kudos-latest">
            {entry.latest.map((quote) => (
              <li key={quote.id}>
                <q>{quote.quote}</q> <RelativeTime iso={quote.receivedAt} />
              </li>
            ))}
          </ul>
        </li>
      ))}
    </ul>
  );
}

function EmployeeReportSection({ workspaceId }: { workspaceId: string }) {
  const [days, setDays] = useState<'30' | '90' | '365'>('90');
  const report = useEmployeeReport(workspaceId, Number(days));
  return (
    <Section
      title="Praise and loops closed per person"
      description="Cases count for a person when they own them (their directory entry is linked to a Hearken user)."
      actions={
        <SegmentedControl
          label="Period"
          value={days}
          onChange={setDays}
          segments={[
            { value: '30', label: '30 days' },
            { value: '90', label: '90 days' },
            { value: '365', label: 'A year' },
          ]}
        />
      }
    >
      {report.isPending ? (
        <Loading />
      ) : report.isError ? (
        <ErrorNotice problem={report.error} onRetry={() => void report.refetch()} />
      ) : report.data.people.length === 0 ? (
        <EmptyState title="No one in the staff directory yet." />
      ) : (
        <Table
          caption="Praise received and loops closed per person"
          rows={report.data.people}
          rowKey={(row) => row.personId}
          columns={[
            { header: 'Person', cell: (row) => row.name },
            { header: 'Team', cell: (row) => row.teamName ?? '—' },
            { header: 'Praise', cell: (row) => formatCount(row.praise), className: 'num' },
            { header: 'Cases owned', cell: (row) => formatCount(row.casesOwned), className: 'num' },
            {
              header: 'Loops closed',
              cell: (row) => formatCount(row.loopsClosed),
              className: 'num',
            },
            { header: 'Won back', cell: (row) => formatCount(row.wonBack), className: 'num' },
          ]}
        />
      )}
    </Section>
  );
}

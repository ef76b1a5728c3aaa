import { useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { ErrorNotice } from '../../../ui/Alert.tsx';
import { Button } from '../../../ui/Button.tsx';
import { EmptyState } from '../../../ui/EmptyState.tsx';
import { SelectField, TextField } from '../../../ui/Field.tsx';
import { Page, Section } from '../../../ui/Page.tsx';
import { SegmentedControl } from '../../../ui/SegmentedControl.tsx';
import { Loading } from '../../../ui/Spinner.tsx';
import { useDirectoryList } from '../directory/queries.ts';
import { useMembers } from '../members/queries.ts';
import { useWorkspace } from '../session.ts';
import { CaseCard } from './CaseCard.tsx';
import { STAGE_FILTER_OPTIONS } from './labels.ts';
import { PAGE_SIZE, useCases } from './queries.ts';
import type { CaseFilters } from './types.ts';
import './cases.css';

type Preset = 'mine' | 'overdue' | 'all';

const PRESETS: Record<Preset, Partial<CaseFilters>> = {
  mine: { stage: 'open', owner: 'me', overdue: '' },
  overdue: { stage: 'open', owner: '', overdue: 'true' },
  all: { stage: 'open', owner: '', overdue: '' },
};

function presetOf(filters: CaseFilters): Preset | null {
  for (const [name, preset] of Object.entries(PRESETS) as [Preset, Partial<CaseFilters>][])
    if (Object.entries(preset).every(([key, value]) => filters[key as keyof CaseFilters] === value))
      return name;
  return null;
}

/**
 * The case queue: your own open cases first, overdue first, then by due time. Presets for "My
 * queue" and "Overdue"; filters live in the URL so a view can be bookmarked or shared.
 */
export function CasesPage() {
  const workspace = useWorkspace();
  const [params, setParams] = useSearchParams();
  const filters: CaseFilters = useMemo(
    () => ({
      stage: params.get('stage') ?? 'open',
      owner: params.get('owner') ?? '',
      teamId: params.get('teamId') ?? '',
      overdue: params.get('overdue') ?? '',
      q: params.get('q') ?? '',
    }),
    [params],
  );
  const [offset, setOffset] = useState(0);
  const cases = useCases(workspace.id, filters, offset);
  const members = useMembers(workspace.id);
  const teams = useDirectoryList(workspace.id, 'teams');
  const [search, setSearch] = useState(filters.q);

  const set = (changes: Partial<CaseFilters>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value === '' || (key === 'stage' && value === 'open')) next.delete(key);
      else next.set(key, value);
    }
    if (changes.stage === '') next.set('stage', '');
    setOffset(0);
    setParams(next, { replace: true });
  };

  const ownerOptions = [
    { value: '', label: 'Anyone' },
    { value: 'me', label: 'Me' },
    { value: 'none', label: 'Unassigned' },
    ...(members.data?.items ?? []).map((m) => ({ value: m.userId, label: m.name })),
  ];
  const teamOptions = [
    { value: '', label: 'Any team' },
    ...(teams.data?.items ?? []).map((t) => ({ value: t.id, label: t.name })),
  ];
  const items = cases.data?.items ?? [];

  return (
    <Page
      title="Cases"
      description="Closing the loop: every unhappy (or delighted) customer hears back. Your queue comes first."
      actions={<Link to={`/w/${workspace.id}/actions`}>Actions</Link>}
    >
      <Section title="Queue">
        <SegmentedControl<Preset | 'custom'>
          label="Views"
          value={presetOf(filters) ?? 'custom'}
          segments={[
            { value: 'mine', label: 'My queue' },
            { value: 'overdue', label: 'Overdue' },
            { value: 'all', label: 'All open' },
          ]}
          onChange={(value) => value !== 'custom' && set(PRESETS[value])}
        />
        <form
          className="case-filters"
          role="search"
          onSubmit={(event) => {
            event.preventDefault();
            set({ q: search.trim() });
          }}
        >
          <SelectField
            name="stage"
            label="Stage"
            value={filters.stage}
            options={STAGE_FILTER_OPTIONS}
            onChange={(event) => set({ stage: event.target.value })}
          />
          <SelectField
            name="owner"
            label="Owner"
            value={filters.owner}
            options={ownerOptions}
            onChange={(event) => set({ owner: event.target.value })}
          />
          <SelectField
            name="team"
            label="Team"
            value={filters.teamId}
            options={teamOptions}
            onChange={(event) => set({ teamId: event.target.value })}
          />
          <TextField
            name="status"
            label="Title contains"
            type="search"
            value={search}
            maxLength={200}
            onChange={(event) => setSearch(event.target.value)}
          />
          <Button type="submit">Search</Button>
        </form>
        <p role="status" className="results-status muted">
          {cases.data ? `${items.length} case${items.length === 1 ? '' : 's'} shown.` : ''}
        </p>
        {cases.isPending ? (
          <Loading />
        ) : cases.error && !cases.data ? (
          <ErrorNotice problem={cases.error} onRetry={() => void cases.refetch()} />
        ) : items.length === 0 ? (
          <EmptyState title="No cases here.">
            <p>Open one from an item in the inbox, or let a rule open them.</p>
          </EmptyState>
        ) : (
          <ol className="case-list" aria-busy={cases.isPlaceholderData || undefined}>
            {items.map((item) => (
              <CaseCard key={item.id} item={item} workspaceId={workspace.id} />
            ))}
          </ol>
        )}
        <div className="case-pager">
          {offset > 0 && (
            <Button onClick={() => setOffset(Math.max(0, offset - PAGE_SIZE))}>Previous</Button>
          )}
          {cases.data?.nextOffset != null && (
            <Button onClick={() => setOffset(cases.data?.nextOffset ?? 0)}>Next</Button>
          )}
        </div>
      </Section>
    </Page>
  );
}

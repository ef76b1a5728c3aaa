import type { ReactNode, Ref } from 'react';
import { Link } from 'react-router-dom';
import { Button } from '../../../ui/Button.tsx';
import { SelectField, TextField } from '../../../ui/Field.tsx';
import type { Option } from '../../../ui/Field.tsx';
import { todayLocal } from '../../../ui/time.ts';
import { channelOptions, scoreTypeOptions } from '../feedback/labels.ts';
import { useTouchpoints } from '../listening-posts/queries.ts';
import { useWorkspace } from '../session.ts';
import { CHANNELS, SCORE_TYPES } from '../types.ts';
import type { Channel, ScoreType, Touchpoint } from '../types.ts';
import { AnalysisFilters } from './AnalysisFilters.tsx';
import { filterProblems, hasFilters, MAX_QUERY_LENGTH, SCORE_RANGES } from './filters.ts';
import type { InboxFilters } from './filters.ts';
import { useFilterDrafts } from './useFilterDrafts.ts';

interface FilterBarProps {
  ref: Ref<HTMLFormElement>;
  filters: InboxFilters;
  update: (patch: Partial<InboxFilters>) => void;
  reset: () => void;
}

const ALL = '';

function withAll(label: string, options: readonly Option[]): Option[] {
  return [{ value: ALL, label }, ...options];
}

function touchpointOptions(touchpoints: readonly Touchpoint[], selected?: string): Option[] {
  const options = touchpoints.map((touchpoint) => ({
    value: touchpoint.id,
    label: touchpoint.name,
  }));
  // A shared link may name a touchpoint this list does not have (yet); keep it selectable.
  if (selected && !touchpoints.some((touchpoint) => touchpoint.id === selected)) {
    options.push({ value: selected, label: 'Unknown touchpoint' });
  }
  return withAll('All touchpoints', options);
}

const isChannel = (value: string): value is Channel =>
  (CHANNELS as readonly string[]).includes(value);
const isScoreType = (value: string): value is ScoreType =>
  (SCORE_TYPES as readonly string[]).includes(value);

/** Score bounds that the newly chosen type cannot have are dropped. */
function scoresFor(type: ScoreType | undefined, filters: InboxFilters): Partial<InboxFilters> {
  const range = SCORE_RANGES[type ?? 'any'];
  const keep = (score: number | undefined) =>
    score !== undefined && score >= range.min && score <= range.max ? score : undefined;
  return { scoreType: type, scoreMin: keep(filters.scoreMin), scoreMax: keep(filters.scoreMax) };
}

export function FilterBar({ ref, filters, update, reset }: FilterBarProps) {
  const workspace = useWorkspace();
  const touchpoints = useTouchpoints(workspace.id);
  const { drafts, errors, setDraft, apply, clear } = useFilterDrafts(filters, update);
  const problems = filterProblems(filters);
  const range = SCORE_RANGES[filters.scoreType ?? 'any'];
  const today = todayLocal();
  const typing = Object.values(drafts).some((draft) => draft.trim() !== '');

  return (
    <form
      ref={ref}
      className="card filter-bar"
      role="search"
      aria-label="Filter feedback"
      onSubmit={(event) => {
        event.preventDefault();
        apply();
      }}
    >
      <div className="filter-search">
        <TextField
          label="Search the text"
          name="q"
          type="search"
          autoComplete="off"
          maxLength={MAX_QUERY_LENGTH}
          placeholder="Words or phrases"
          value={drafts.q}
          onChange={(event) => setDraft('q', event.target.value)}
        />
        <Button type="submit" variant="primary">
          Search
        </Button>
      </div>
      <div className="filter-grid">
        <SelectField
          label="Channel"
          name="channel"
          options={withAll('All channels', channelOptions)}
          value={filters.channel ?? ALL}
          onChange={(event) => {
            const value = event.target.value;
            apply({ channel: isChannel(value) ? value : undefined });
          }}
        />
        <SelectField
          label="Touchpoint"
          name="touchpointId"
          options={touchpointOptions(touchpoints.data?.items ?? [], filters.touchpointId)}
          value={filters.touchpointId ?? ALL}
          hint={touchpoints.error ? 'Touchpoints could not be loaded.' : undefined}
          onChange={(event) => apply({ touchpointId: event.target.value || undefined })}
        />
        <SelectField
          label="Score type"
          name="scoreType"
          options={withAll('Any score', scoreTypeOptions)}
          value={filters.scoreType ?? ALL}
          onChange={(event) => {
            const value = event.target.value;
            apply(scoresFor(isScoreType(value) ? value : undefined, filters));
          }}
        />
        <AnalysisFilters filters={filters} apply={apply} />
        <fieldset className="filter-range filter-range-score">
          <legend>Score</legend>
          <TextField
            label="Lowest"
            name="scoreMin"
            type="number"
            inputMode="numeric"
            min={range.min}
            max={range.max}
            step={1}
            value={drafts.scoreMin}
            error={errors.scoreMin}
            onChange={(event) => setDraft('scoreMin', event.target.value)}
          />
          <TextField
            label="Highest"
            name="scoreMax"
            type="number"
            inputMode="numeric"
            min={range.min}
            max={range.max}
            step={1}
            value={drafts.scoreMax}
            error={errors.scoreMax ?? problems.scoreMax}
            onChange={(event) => setDraft('scoreMax', event.target.value)}
          />
        </fieldset>
        <fieldset className="filter-range filter-range-dates">
          <legend>Received</legend>
          <TextField
            label="From"
            name="from"
            type="date"
            max={today}
            value={drafts.from}
            error={errors.from}
            onChange={(event) => setDraft('from', event.target.value)}
          />
          <TextField
            label="Until"
            name="to"
            type="date"
            max={today}
            value={drafts.to}
            error={errors.to ?? problems.to}
            onChange={(event) => setDraft('to', event.target.value)}
          />
        </fieldset>
      </div>
      {filters.accountId && (
        <ExtraFilter onRemove={() => apply({ accountId: undefined })} action="Show every account">
          Only feedback from one account is shown.
        </ExtraFilter>
      )}
      {filters.themeId && (
        <ExtraFilter onRemove={() => apply({ themeId: undefined })} action="Show every theme">
          Only feedback in{' '}
          <Link to={`/w/${workspace.id}/themes/${encodeURIComponent(filters.themeId)}`}>
            one theme
          </Link>{' '}
          is shown.
        </ExtraFilter>
      )}
      {filters.contactId && (
        <ExtraFilter onRemove={() => apply({ contactId: undefined })} action="Show every contact">
          Only feedback from one contact is shown.
        </ExtraFilter>
      )}
      {(hasFilters(filters) || typing) && (
        <div className="filter-actions">
          <Button
            variant="ghost"
            size="small"
            onClick={() => {
              clear();
              reset();
            }}
          >
            Clear all filters
          </Button>
        </div>
      )}
    </form>
  );
}

interface ExtraFilterProps {
  children: ReactNode;
  action: string;
  onRemove: () => void;
}

/** A filter that arrived in a link (from an account or contact) and has no control here. */
function ExtraFilter({ children, action, onRemove }: ExtraFilterProps) {
  return (
    <p className="filter-extra">
      {children}{' '}
      <Button variant="ghost" size="small" onClick={onRemove}>
        {action}
      </Button>
    </p>
  );
}

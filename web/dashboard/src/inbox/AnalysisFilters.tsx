import { SelectField } from '../../../ui/Field.tsx';
import type { Option } from '../../../ui/Field.tsx';
import { useDirectoryList } from '../directory/queries.ts';
import { isSentimentLabel } from '../feedback/analysis.ts';
import { mentionNoun } from '../feedback/analysisMarks.ts';
import { FILTER_LANGUAGES, languageName } from '../feedback/languages.ts';
import { humanize } from '../format.ts';
import { useWorkspace } from '../session.ts';
import { SENTIMENT_LABELS } from '../types.ts';
import type { InboxFilters } from './filters.ts';

interface AnalysisFiltersProps {
  filters: InboxFilters;
  apply: (patch: Partial<InboxFilters>) => void;
}

const sentimentOptions: Option[] = [
  { value: '', label: 'Any sentiment' },
  ...SENTIMENT_LABELS.map((label) => ({ value: label, label: humanize(label) })),
];

function languageOptions(selected?: string): Option[] {
  const codes = new Set<string>(FILTER_LANGUAGES);
  if (selected) codes.add(selected);
  const options = [...codes]
    .map((code) => ({ value: code, label: languageName(code) ?? code }))
    .sort((a, b) => a.label.localeCompare(b.label));
  return [{ value: '', label: 'Any language' }, ...options];
}

/** Everything in the directory that a text can mention, by name, each with its kind. */
function useMentionOptions(selected?: string): { options: Option[]; failed: boolean } {
  const { id } = useWorkspace();
  const people = useDirectoryList(id, 'people');
  const teams = useDirectoryList(id, 'teams');
  const entities = useDirectoryList(id, 'entities');
  const options: Option[] = [
    ...(people.data?.items ?? []).map((person) => ({
      value: person.id,
      label: `${person.name} (${mentionNoun('person').toLowerCase()})`,
    })),
    ...(teams.data?.items ?? []).map((team) => ({ value: team.id, label: `${team.name} (team)` })),
    ...(entities.data?.items ?? []).map((entity) => ({
      value: entity.id,
      label: `${entity.name} (${entity.kind})`,
    })),
  ].sort((a, b) => a.label.localeCompare(b.label));
  // A link from a mention chip may name an entry this list does not have (yet); keep it.
  if (selected && !options.some((option) => option.value === selected)) {
    options.push({ value: selected, label: 'Unknown name' });
  }
  return {
    options: [{ value: '', label: 'Anyone or anything' }, ...options],
    failed: Boolean(people.error ?? teams.error ?? entities.error),
  };
}

/** The filters that use the text analysis: sentiment, who or what is mentioned, language. */
export function AnalysisFilters({ filters, apply }: AnalysisFiltersProps) {
  const mentions = useMentionOptions(filters.mention);
  return (
    <>
      <SelectField
        label="Sentiment"
        name="sentiment"
        options={sentimentOptions}
        value={filters.sentiment ?? ''}
        onChange={(event) => {
          const value = event.target.value;
          apply({ sentiment: isSentimentLabel(value) ? value : undefined });
        }}
      />
      <SelectField
        label="Mentions"
        name="mention"
        options={mentions.options}
        value={filters.mention ?? ''}
        hint={mentions.failed ? 'The directory could not be loaded.' : undefined}
        onChange={(event) => apply({ mention: event.target.value || undefined })}
      />
      <SelectField
        label="Language"
        name="language"
        options={languageOptions(filters.language)}
        value={filters.language ?? ''}
        onChange={(event) => apply({ language: event.target.value || undefined })}
      />
    </>
  );
}

import { Checkbox, SelectField, TextAreaField, TextField } from '../../../ui/Field.tsx';
import { channelLabel } from '../feedback/labels.ts';
import { useTouchpoints } from '../listening-posts/queries.ts';
import { useWorkspace } from '../session.ts';
import { CHANNELS } from '../types.ts';
import { CheckboxGroup } from './CheckboxGroup.tsx';
import type { RuleDraft } from './draft.ts';
import { describeCondition } from './labels.ts';

interface FieldsProps {
  draft: RuleDraft;
  change: (patch: Partial<RuleDraft>) => void;
}

const option = <Value extends string>(value: Value, label: string = value) => ({ value, label });

export function FeedbackConditionFields({ draft, change }: FieldsProps) {
  const { id } = useWorkspace();
  const touchpoints = useTouchpoints(id);
  return (
    <>
      <p className="field-hint">Every condition you set must hold for the rule to fire.</p>
      <Checkbox
        label="Score at most…"
        name="scoreOn"
        checked={draft.scoreOn}
        onChange={(event) => change({ scoreOn: event.target.checked })}
      />
      {draft.scoreOn && (
        <div className="inline-fields">
          <TextField
            label="Highest score that fires"
            name="scoreValue"
            type="number"
            min={0}
            max={10}
            value={draft.scoreValue}
            onChange={(event) => change({ scoreValue: Number(event.target.value) })}
          />
          <SelectField
            label="Score type"
            name="scoreType"
            value={draft.scoreType}
            onChange={(event) =>
              change({ scoreType: event.target.value as RuleDraft['scoreType'] })
            }
            options={[
              option('', 'Any'),
              option('nps', 'NPS'),
              option('csat', 'CSAT'),
              option('ces', 'CES'),
            ]}
          />
        </div>
      )}
      <CheckboxGroup
        legend="Sentiment"
        options={[option('negative'), option('mixed'), option('neutral'), option('positive')]}
        value={draft.sentiments}
        onChange={(sentiments) => change({ sentiments })}
      />
      <CheckboxGroup
        legend="Account tier"
        options={[option('strategic'), option('standard'), option('small')]}
        value={draft.tiers}
        onChange={(tiers) => change({ tiers })}
      />
      <TextAreaField
        label="Keywords"
        name="keywords"
        rows={2}
        maxLength={1300}
        hint="Whole words or phrases, separated by commas; any one of them matches, in any case."
        value={draft.keywords}
        onChange={(event) => change({ keywords: event.target.value })}
      />
      <CheckboxGroup
        legend="Channel"
        options={CHANNELS.map((channel) => option(channel, channelLabel(channel)))}
        value={draft.channels}
        onChange={(channels) => change({ channels })}
      />
      {(touchpoints.data?.items.length ?? 0) > 0 && (
        <CheckboxGroup
          legend="Touchpoint"
          options={(touchpoints.data?.items ?? []).map((touchpoint) =>
            option(touchpoint.id, touchpoint.name),
          )}
          value={draft.touchpointIds}
          onChange={(touchpointIds) => change({ touchpointIds })}
        />
      )}
      <Checkbox
        label="Names a competitor"
        name="anyCompetitor"
        checked={draft.anyCompetitor}
        onChange={(event) => change({ anyCompetitor: event.target.checked })}
      />
      {draft.kept.length > 0 && (
        <div className="field">
          <p>Also kept as set through the API:</p>
          <ul>
            {draft.kept.map((condition, index) => (
              <li key={index}>{describeCondition(condition)}</li>
            ))}
          </ul>
        </div>
      )}
    </>
  );
}

export function SpikeConditionFields({ draft, change }: FieldsProps) {
  return (
    <>
      <CheckboxGroup
        legend="Watch volume of"
        options={[
          option('theme', 'Themes'),
          option('competitor', 'Competitors'),
          option('brand', 'The brand'),
        ]}
        value={draft.spikeSubjects}
        onChange={(spikeSubjects) => change({ spikeSubjects })}
      />
      <div className="inline-fields">
        <SelectField
          label="At least"
          name="minSeverity"
          value={draft.minSeverity}
          onChange={(event) =>
            change({ minSeverity: event.target.value as RuleDraft['minSeverity'] })
          }
          hint="Notable: p < 0.01; high: p < 0.001; extreme: p < 0.00001."
          options={[
            option('notable', 'Notable'),
            option('high', 'High'),
            option('extreme', 'Extreme'),
          ]}
        />
        <SelectField
          label="Direction"
          name="direction"
          value={draft.direction}
          onChange={(event) => change({ direction: event.target.value as RuleDraft['direction'] })}
          options={[option('rise', 'Rises'), option('fall', 'Falls'), option('any', 'Both')]}
        />
      </div>
    </>
  );
}

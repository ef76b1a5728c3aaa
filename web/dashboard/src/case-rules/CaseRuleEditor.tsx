import { useState } from 'react';
import { FormError } from '../../../ui/Alert.tsx';
import { Button } from '../../../ui/Button.tsx';
import { Checkbox, SelectField, TextAreaField, TextField } from '../../../ui/Field.tsx';
import { fieldError } from '../../../ui/problem.ts';
import { CheckboxGroup } from '../alerts/CheckboxGroup.tsx';
import { useDirectoryList } from '../directory/queries.ts';
import { channelLabel } from '../feedback/labels.ts';
import { useTouchpoints } from '../listening-posts/queries.ts';
import { useMembers } from '../members/queries.ts';
import { useWorkspace } from '../session.ts';
import { useThemes } from '../themes/queries.ts';
import { CHANNELS, type ScoreType } from '../types.ts';
import {
  draftFromCaseRule,
  emptyCaseDraft,
  inputFromDraft,
  STAGE_LABELS,
  STAGES,
  STRATEGY_LABELS,
  type CaseRuleDraft,
} from './draft.ts';
import { useCreateCaseRule, useUpdateCaseRule } from './queries.ts';
import type { CaseRule, Strategy } from './types.ts';

const option = <Value extends string>(value: Value, label: string = value) => ({ value, label });
const SCORE_OPTIONS = [option('nps', 'NPS'), option('csat', 'CSAT'), option('ces', 'CES')];

interface Props {
  rule?: CaseRule;
  onCancel: () => void;
  onSaved: (message: string) => void;
}

/** The case rule form: conditions, who owns the case, and the deadline of each stage. */
export function CaseRuleEditor({ rule, onCancel, onSaved }: Props) {
  const { id } = useWorkspace();
  const create = useCreateCaseRule(id);
  const update = useUpdateCaseRule(id);
  const members = useMembers(id);
  const teams = useDirectoryList(id, 'teams');
  const touchpoints = useTouchpoints(id);
  const themes = useThemes(id);
  const [draft, setDraft] = useState<CaseRuleDraft>(() =>
    rule ? draftFromCaseRule(rule) : emptyCaseDraft,
  );
  const change = (patch: Partial<CaseRuleDraft>) =>
    setDraft((current) => ({ ...current, ...patch }));
  const mutation = rule ? update : create;
  const people = (members.data?.items ?? []).map((member) => option(member.userId, member.name));
  const teamOptions = (teams.data?.items ?? []).map((team) => option(team.id, team.name));

  const submit = () => {
    const input = inputFromDraft(draft);
    if (rule)
      update.mutate(
        { id: rule.id, patch: input },
        { onSuccess: () => onSaved(`Rule “${input.name}” saved.`) },
      );
    else create.mutate(input, { onSuccess: () => onSaved(`Rule “${input.name}” added.`) });
  };

  return (
    <form
      className="form rule-editor"
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <FormError problem={mutation.error} fields={['name']} />
      <TextField
        label="Name"
        name="name"
        required
        maxLength={120}
        autoComplete="off"
        placeholder="e.g. Detractors from strategic accounts"
        value={draft.name}
        error={fieldError(mutation.error, 'name')}
        onChange={(event) => change({ name: event.target.value })}
      />
      <Checkbox
        label="Enabled"
        name="enabled"
        checked={draft.enabled}
        onChange={(event) => change({ enabled: event.target.checked })}
      />
      <SelectField
        label="Opens"
        name="kind"
        value={draft.kind}
        onChange={(event) => change({ kind: event.target.value as CaseRuleDraft['kind'] })}
        options={[option('case', 'A case'), option('thank_you', 'A thank-you loop (praise)')]}
      />
      <Checkbox
        label="Add new feedback to the contact’s open case"
        name="mergeIntoOpen"
        checked={draft.mergeIntoOpen}
        onChange={(event) => change({ mergeIntoOpen: event.target.checked })}
      />
      <h3 className="rule-editor-heading">When</h3>
      <p className="field-hint">Every condition you set must hold; none set matches every item.</p>
      <div className="inline-fields">
        <Checkbox
          label="Detractor"
          name="detractor"
          checked={draft.detractor}
          onChange={(event) => change({ detractor: event.target.checked })}
        />
        {draft.detractor && (
          <SelectField
            label="Detractor score"
            name="detractorType"
            value={draft.detractorType}
            onChange={(event) => change({ detractorType: event.target.value as ScoreType })}
            options={SCORE_OPTIONS}
          />
        )}
      </div>
      <Checkbox
        label="Score at most…"
        name="scoreOn"
        checked={draft.scoreOn}
        onChange={(event) => change({ scoreOn: event.target.checked })}
      />
      {draft.scoreOn && (
        <div className="inline-fields">
          <TextField
            label="Highest score"
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
              change({ scoreType: event.target.value as CaseRuleDraft['scoreType'] })
            }
            options={[option('', 'Any'), ...SCORE_OPTIONS]}
          />
        </div>
      )}
      <Checkbox
        label="Praise (a promoter score, or positive words without a score)"
        name="positive"
        checked={draft.positive}
        onChange={(event) => change({ positive: event.target.checked })}
      />
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
          options={(touchpoints.data?.items ?? []).map((tp) => option(tp.id, tp.name))}
          value={draft.touchpointIds}
          onChange={(touchpointIds) => change({ touchpointIds })}
        />
      )}
      {(themes.data?.items.length ?? 0) > 0 && (
        <CheckboxGroup
          legend="Theme"
          options={(themes.data?.items ?? [])
            .slice(0, 40)
            .map((theme) => option(theme.id, theme.name))}
          value={draft.themeIds}
          onChange={(themeIds) => change({ themeIds })}
        />
      )}
      <h3 className="rule-editor-heading">Owner</h3>
      <SelectField
        label="Give the case to"
        name="strategy"
        value={draft.strategy}
        onChange={(event) => change({ strategy: event.target.value as Strategy })}
        options={Object.entries(STRATEGY_LABELS).map(([value, label]) => option(value, label))}
      />
      {draft.strategy === 'round_robin' && (
        <CheckboxGroup
          legend="Taking turns"
          options={people}
          value={draft.userIds}
          onChange={(userIds) => change({ userIds })}
        />
      )}
      {draft.strategy === 'user' && (
        <SelectField
          label="Owner"
          name="userId"
          value={draft.userId}
          onChange={(event) => change({ userId: event.target.value })}
          options={[option('', 'Choose…'), ...people]}
        />
      )}
      {draft.strategy === 'team' && (
        <SelectField
          label="Team"
          name="teamId"
          hint="Its people who use Hearken take turns; else its lead owns the case."
          value={draft.teamId}
          onChange={(event) => change({ teamId: event.target.value })}
          options={[option('', 'Choose…'), ...teamOptions]}
        />
      )}
      <SelectField
        label="When nobody is found"
        name="fallbackUserId"
        value={draft.fallbackUserId}
        onChange={(event) => change({ fallbackUserId: event.target.value })}
        options={[option('', 'Leave it unassigned'), ...people]}
      />
      <h3 className="rule-editor-heading">Deadlines</h3>
      <p className="field-hint">Hours per stage; leave blank for no deadline.</p>
      {STAGES.map((stage) => (
        <div className="inline-fields" key={stage}>
          <TextField
            label={`${STAGE_LABELS[stage]} (hours)`}
            name={`hours-${stage}`}
            type="number"
            min={0}
            step="any"
            value={draft.hours[stage]}
            onChange={(event) => change({ hours: { ...draft.hours, [stage]: event.target.value } })}
          />
          <Checkbox
            label="Business hours only"
            name={`business-${stage}`}
            checked={draft.businessHours[stage]}
            onChange={(event) =>
              change({ businessHours: { ...draft.businessHours, [stage]: event.target.checked } })
            }
          />
        </div>
      ))}
      <TextField
        label="Win-back survey after closing (hours)"
        name="winback-hours"
        type="number"
        min={0}
        step="any"
        hint="For detractors' cases: when to ask again. Blank: 168 hours (7 days)."
        value={draft.winbackHours}
        onChange={(event) => change({ winbackHours: event.target.value })}
      />
      <div className="form-actions">
        <Button type="submit" variant="primary" busy={mutation.isPending}>
          {rule ? 'Save rule' : 'Add rule'}
        </Button>
        <Button onClick={onCancel}>Cancel</Button>
      </div>
    </form>
  );
}

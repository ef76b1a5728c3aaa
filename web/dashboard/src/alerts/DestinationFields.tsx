import { SelectField, TextField } from '../../../ui/Field.tsx';
import { ROLES } from '../types.ts';
import { CheckboxGroup } from './CheckboxGroup.tsx';
import type { DestinationDraft } from './destinationDraft.ts';
import type { DestinationKind } from './types.ts';

interface DestinationFieldsProps {
  draft: DestinationDraft;
  change: (patch: Partial<DestinationDraft>) => void;
  /** Prefixes labels when several destinations are edited at once ("Destination 2: URL"). */
  prefix?: string;
  error?: (field: string) => string | undefined;
}

const HINTS: Record<DestinationKind, string> = {
  email: '',
  slack: 'An incoming webhook URL from Slack (or a compatible chat such as Mattermost).',
  webhook:
    'Receives a JSON POST signed with a secret shown once, when you save (see docs/alerts.md).',
};

/** Where one destination sends: addresses and roles for e-mail, a URL for Slack and webhooks. */
export function DestinationFields({ draft, change, prefix = '', error }: DestinationFieldsProps) {
  return (
    <fieldset className="fieldset-plain destination-fields">
      <SelectField
        label={`${prefix}Send by`}
        name="kind"
        value={draft.kind}
        onChange={(event) => change({ kind: event.target.value as DestinationKind })}
        options={[
          { value: 'email', label: 'E-mail' },
          { value: 'slack', label: 'Slack incoming webhook' },
          { value: 'webhook', label: 'Signed webhook' },
        ]}
      />
      {draft.kind === 'email' ? (
        <>
          <TextField
            label={`${prefix}E-mail addresses`}
            name="addresses"
            type="text"
            autoComplete="off"
            hint="Separated by commas."
            value={draft.addresses}
            error={error?.('addresses')}
            onChange={(event) => change({ addresses: event.target.value })}
          />
          <CheckboxGroup
            legend={`${prefix}Also every workspace member who is`}
            options={ROLES.map((role) => ({ value: role, label: role }))}
            value={draft.roles}
            onChange={(roles) => change({ roles })}
          />
        </>
      ) : (
        <TextField
          label={`${prefix}URL`}
          name="url"
          type="url"
          required
          autoComplete="off"
          placeholder="https://"
          hint={HINTS[draft.kind]}
          value={draft.url}
          error={error?.('url')}
          onChange={(event) => change({ url: event.target.value })}
        />
      )}
    </fieldset>
  );
}

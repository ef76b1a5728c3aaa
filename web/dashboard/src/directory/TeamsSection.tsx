import { useState } from 'react';
import { ErrorNotice, FormError } from '../../../ui/Alert.tsx';
import { Button } from '../../../ui/Button.tsx';
import { EmptyState } from '../../../ui/EmptyState.tsx';
import { SelectField, TextField } from '../../../ui/Field.tsx';
import { Section } from '../../../ui/Page.tsx';
import { fieldError, type Problem } from '../../../ui/problem.ts';
import { Loading } from '../../../ui/Spinner.tsx';
import { Table } from '../../../ui/Table.tsx';
import { formText } from '../forms.ts';
import { useWorkspace } from '../session.ts';
import { useMembers } from '../members/queries.ts';
import { calendarFromForm, calendarDefaults } from './calendar.ts';
import {
  AliasesField,
  EntryDialog,
  ListOrDash,
  readAliases,
  RowActions,
  useEditing,
} from './parts.tsx';
import { useCreateEntry, useDeleteEntry, useDirectoryList, useUpdateEntry } from './queries.ts';
import type { StaffTeam } from './types.ts';

export function TeamsSection() {
  const workspace = useWorkspace();
  const teams = useDirectoryList(workspace.id, 'teams');
  const remove = useDeleteEntry(workspace.id, 'teams');
  const [editing, setEditing] = useEditing<StaffTeam>();
  return (
    <Section
      title="Teams"
      description="Teams customers may name, such as “support” or “the billing folks”. Praise and complaints about a team are found in feedback."
      actions={
        workspace.canManage && (
          <Button variant="primary" onClick={() => setEditing({ row: null })}>
            Add team
          </Button>
        )
      }
    >
      <FormError problem={remove.error} />
      {teams.isPending ? (
        <Loading />
      ) : teams.error ? (
        <ErrorNotice problem={teams.error} onRetry={() => void teams.refetch()} />
      ) : teams.data.items.length === 0 ? (
        <EmptyState title="No teams yet." />
      ) : (
        <Table
          caption="Teams"
          rows={teams.data.items}
          rowKey={(team) => team.id}
          columns={[
            { header: 'Team', cell: (team) => team.name },
            { header: 'Other names', cell: (team) => <ListOrDash values={team.aliases} /> },
            { header: 'Lead', cell: (team) => team.leadEmail ?? <span className="muted">—</span> },
            ...(workspace.canManage
              ? [
                  {
                    header: 'Actions',
                    cell: (team: StaffTeam) => (
                      <RowActions
                        id={team.id}
                        name={team.name}
                        what="team"
                        consequence="Its people stay in the directory, without a team. Past mentions stay in feedback."
                        onEdit={() => setEditing({ row: team })}
                        remove={remove}
                      />
                    ),
                  },
                ]
              : []),
          ]}
        />
      )}
      {editing && <TeamForm team={editing.row} close={() => setEditing(null)} />}
    </Section>
  );
}

function TeamForm({ team, close }: { team: StaffTeam | null; close: () => void }) {
  const workspace = useWorkspace();
  const create = useCreateEntry(workspace.id, 'teams');
  const update = useUpdateEntry(workspace.id, 'teams');
  const save = team ? update : create;
  const [aliasError, setAliasError] = useState<string>();
  return (
    <EntryDialog
      title={team ? `Edit ${team.name}` : 'Add a team'}
      submitLabel={team ? 'Save changes' : 'Add team'}
      busy={save.isPending}
      problem={save.error}
      fields={['name', 'aliases', 'leadEmail', 'leadUserId', 'businessHours', 'holidays']}
      onClose={close}
      onSubmit={(form) => {
        const name = formText(form, 'name');
        const aliases = readAliases(form, 'aliases', name);
        setAliasError(aliases.ok ? undefined : aliases.error);
        if (!aliases.ok) return;
        const input = {
          name,
          aliases: aliases.aliases,
          leadEmail: formText(form, 'leadEmail') || null,
          ...calendarFromForm(form),
        };
        if (team) update.mutate({ id: team.id, input }, { onSuccess: close });
        else create.mutate(input, { onSuccess: close });
      }}
    >
      <TextField
        label="Name"
        name="name"
        required
        maxLength={120}
        autoComplete="off"
        defaultValue={team?.name}
        placeholder="e.g. Support"
        error={fieldError(save.error, 'name')}
      />
      <AliasesField
        label="Other names"
        name="aliases"
        initial={team?.aliases ?? []}
        example="help desk, customer care"
        error={aliasError}
        problem={save.error}
      />
      <TextField
        label="Team lead's e-mail"
        name="leadEmail"
        type="email"
        autoComplete="off"
        maxLength={254}
        defaultValue={team?.leadEmail ?? ''}
        hint="Optional. Told when the team is praised or an alert names it."
        error={fieldError(save.error, 'leadEmail')}
      />
      <TeamCalendarFields team={team} problem={save.error} />
    </EntryDialog>
  );
}

/** The lead overdue cases escalate to, and the working week business-hour deadlines count. */
function TeamCalendarFields({
  team,
  problem,
}: {
  team: StaffTeam | null;
  problem: Problem | null;
}) {
  const workspace = useWorkspace();
  const members = useMembers(workspace.id);
  const defaults = calendarDefaults(team);
  return (
    <>
      <SelectField
        label="Lead in Hearken"
        name="leadUserId"
        defaultValue={team?.leadUserId ?? ''}
        hint="Overdue cases of the team escalate to this person."
        error={fieldError(problem, 'leadUserId')}
        options={[
          { value: '', label: 'Nobody' },
          ...(members.data?.items ?? []).map((member) => ({
            value: member.userId,
            label: member.name,
          })),
        ]}
      />
      <TextField
        label="Time zone"
        name="timezone"
        autoComplete="off"
        defaultValue={defaults.timezone}
        placeholder="e.g. Europe/Berlin"
        hint="Leave empty for the workspace's zone, Monday to Friday 09:00–17:00. Saving sets Monday to Friday to the hours below."
        error={fieldError(problem, 'businessHours')}
      />
      <div className="inline-fields">
        <TextField label="Opens" name="opens" type="time" defaultValue={defaults.opens} />
        <TextField label="Closes" name="closes" type="time" defaultValue={defaults.closes} />
      </div>
      <TextField
        label="Holidays"
        name="holidays"
        autoComplete="off"
        defaultValue={defaults.holidays}
        placeholder="2026-12-24, 2026-12-25"
        hint="Dates (YYYY-MM-DD) that do not count for business-hour deadlines."
        error={fieldError(problem, 'holidays')}
      />
    </>
  );
}

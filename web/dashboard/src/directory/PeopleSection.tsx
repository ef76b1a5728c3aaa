import { useState } from 'react';
import { ErrorNotice, FormError } from '../../../ui/Alert.tsx';
import { Button } from '../../../ui/Button.tsx';
import { EmptyState } from '../../../ui/EmptyState.tsx';
import { SelectField, TextField } from '../../../ui/Field.tsx';
import { Section } from '../../../ui/Page.tsx';
import { fieldError } from '../../../ui/problem.ts';
import { Loading } from '../../../ui/Spinner.tsx';
import { Table } from '../../../ui/Table.tsx';
import { formText } from '../forms.ts';
import { useWorkspace } from '../session.ts';
import {
  AliasesField,
  EntryDialog,
  ListOrDash,
  readAliases,
  RowActions,
  useEditing,
} from './parts.tsx';
import { useCreateEntry, useDeleteEntry, useDirectoryList, useUpdateEntry } from './queries.ts';
import type { StaffPerson, StaffTeam } from './types.ts';

export function PeopleSection() {
  const workspace = useWorkspace();
  const people = useDirectoryList(workspace.id, 'people');
  const teams = useDirectoryList(workspace.id, 'teams');
  const remove = useDeleteEntry(workspace.id, 'people');
  const [editing, setEditing] = useEditing<StaffPerson>();
  const teamName = (id: string | null) =>
    teams.data?.items.find((team) => team.id === id)?.name ?? null;
  return (
    <Section
      title="People"
      description="Staff customers may name, with the nicknames they use: “Sam” finds Samantha Reed."
      actions={
        workspace.canManage && (
          <Button variant="primary" onClick={() => setEditing({ row: null })}>
            Add person
          </Button>
        )
      }
    >
      <FormError problem={remove.error} />
      {people.isPending ? (
        <Loading />
      ) : people.error ? (
        <ErrorNotice problem={people.error} onRetry={() => void people.refetch()} />
      ) : people.data.items.length === 0 ? (
        <EmptyState title="No people yet." />
      ) : (
        <Table
          caption="People"
          rows={people.data.items}
          rowKey={(person) => person.id}
          columns={[
            { header: 'Name', cell: (person) => person.name },
            { header: 'Nicknames', cell: (person) => <ListOrDash values={person.nicknames} /> },
            {
              header: 'Team',
              cell: (person) => teamName(person.teamId) ?? <span className="muted">—</span>,
            },
            ...(workspace.canManage
              ? [
                  {
                    header: 'Actions',
                    cell: (person: StaffPerson) => (
                      <RowActions
                        id={person.id}
                        name={person.name}
                        what="person"
                        consequence="New feedback will no longer be matched to them. Past mentions stay in feedback."
                        onEdit={() => setEditing({ row: person })}
                        remove={remove}
                      />
                    ),
                  },
                ]
              : []),
          ]}
        />
      )}
      {editing && (
        <PersonForm
          person={editing.row}
          teams={teams.data?.items ?? []}
          close={() => setEditing(null)}
        />
      )}
    </Section>
  );
}

interface PersonFormProps {
  person: StaffPerson | null;
  teams: readonly StaffTeam[];
  close: () => void;
}

function PersonForm({ person, teams, close }: PersonFormProps) {
  const workspace = useWorkspace();
  const create = useCreateEntry(workspace.id, 'people');
  const update = useUpdateEntry(workspace.id, 'people');
  const save = person ? update : create;
  const [aliasError, setAliasError] = useState<string>();
  return (
    <EntryDialog
      title={person ? `Edit ${person.name}` : 'Add a person'}
      submitLabel={person ? 'Save changes' : 'Add person'}
      busy={save.isPending}
      problem={save.error}
      fields={['name', 'nicknames', 'teamId', 'email']}
      onClose={close}
      onSubmit={(form) => {
        const name = formText(form, 'name');
        const nicknames = readAliases(form, 'nicknames', name);
        setAliasError(nicknames.ok ? undefined : nicknames.error);
        if (!nicknames.ok) return;
        const input = {
          name,
          nicknames: nicknames.aliases,
          teamId: formText(form, 'teamId') || null,
          email: formText(form, 'email') || null,
        };
        if (person) update.mutate({ id: person.id, input }, { onSuccess: close });
        else create.mutate(input, { onSuccess: close });
      }}
    >
      <TextField
        label="Name"
        name="name"
        required
        maxLength={120}
        autoComplete="off"
        defaultValue={person?.name}
        placeholder="e.g. Samantha Reed"
        error={fieldError(save.error, 'name')}
      />
      <AliasesField
        label="Nicknames"
        name="nicknames"
        initial={person?.nicknames ?? []}
        example="Sam, Sammy"
        error={aliasError}
        problem={save.error}
      />
      <SelectField
        label="Team"
        name="teamId"
        defaultValue={person?.teamId ?? ''}
        options={[
          { value: '', label: 'No team' },
          ...teams.map((team) => ({ value: team.id, label: team.name })),
        ]}
        error={fieldError(save.error, 'teamId')}
      />
      <TextField
        label="E-mail"
        name="email"
        type="email"
        autoComplete="off"
        maxLength={254}
        defaultValue={person?.email ?? ''}
        hint="Optional."
        error={fieldError(save.error, 'email')}
      />
    </EntryDialog>
  );
}

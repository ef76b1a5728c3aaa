import { useMemo, useState } from 'react';
import { ErrorNotice, FormError } from '../../../ui/Alert.tsx';
import { Button } from '../../../ui/Button.tsx';
import { EmptyState } from '../../../ui/EmptyState.tsx';
import { SelectField, TextField } from '../../../ui/Field.tsx';
import { Section } from '../../../ui/Page.tsx';
import { fieldError } from '../../../ui/problem.ts';
import { Loading } from '../../../ui/Spinner.tsx';
import { Table } from '../../../ui/Table.tsx';
import { humanize } from '../format.ts';
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
import { ENTITY_KINDS } from './types.ts';
import type { EntityKind, TrackedEntity } from './types.ts';

const kindOptions = ENTITY_KINDS.map((kind) => ({ value: kind, label: humanize(kind) }));
const isKind = (value: string): value is EntityKind =>
  (ENTITY_KINDS as readonly string[]).includes(value);

export function EntitiesSection() {
  const workspace = useWorkspace();
  const entities = useDirectoryList(workspace.id, 'entities');
  const remove = useDeleteEntry(workspace.id, 'entities');
  const [editing, setEditing] = useEditing<TrackedEntity>();
  // Brand first, then products, features and competitors, each by name.
  const rows = useMemo(
    () =>
      [...(entities.data?.items ?? [])].sort(
        (a, b) =>
          ENTITY_KINDS.indexOf(a.kind) - ENTITY_KINDS.indexOf(b.kind) ||
          a.name.localeCompare(b.name),
      ),
    [entities.data],
  );
  return (
    <Section
      title="Tracked names"
      description="Your brand, products, features and competitors, with the other names customers use for them."
      actions={
        workspace.canManage && (
          <Button variant="primary" onClick={() => setEditing({ row: null })}>
            Add name
          </Button>
        )
      }
    >
      <FormError problem={remove.error} />
      {entities.isPending ? (
        <Loading />
      ) : entities.error ? (
        <ErrorNotice problem={entities.error} onRetry={() => void entities.refetch()} />
      ) : rows.length === 0 ? (
        <EmptyState title="No tracked names yet." />
      ) : (
        <Table
          caption="Tracked names"
          rows={rows}
          rowKey={(entity) => entity.id}
          columns={[
            { header: 'Name', cell: (entity) => entity.name },
            { header: 'Kind', cell: (entity) => humanize(entity.kind) },
            { header: 'Other names', cell: (entity) => <ListOrDash values={entity.aliases} /> },
            ...(workspace.canManage
              ? [
                  {
                    header: 'Actions',
                    cell: (entity: TrackedEntity) => (
                      <RowActions
                        id={entity.id}
                        name={entity.name}
                        what={entity.kind}
                        consequence="New feedback will no longer be matched to it. Past mentions stay in feedback."
                        onEdit={() => setEditing({ row: entity })}
                        remove={remove}
                      />
                    ),
                  },
                ]
              : []),
          ]}
        />
      )}
      {editing && <EntityForm entity={editing.row} close={() => setEditing(null)} />}
    </Section>
  );
}

function EntityForm({ entity, close }: { entity: TrackedEntity | null; close: () => void }) {
  const workspace = useWorkspace();
  const create = useCreateEntry(workspace.id, 'entities');
  const update = useUpdateEntry(workspace.id, 'entities');
  const save = entity ? update : create;
  const [aliasError, setAliasError] = useState<string>();
  return (
    <EntryDialog
      title={entity ? `Edit ${entity.name}` : 'Add a tracked name'}
      submitLabel={entity ? 'Save changes' : 'Add name'}
      busy={save.isPending}
      problem={save.error}
      fields={['kind', 'name', 'aliases']}
      onClose={close}
      onSubmit={(form) => {
        const name = formText(form, 'name');
        const kind = formText(form, 'kind');
        const aliases = readAliases(form, 'aliases', name);
        setAliasError(aliases.ok ? undefined : aliases.error);
        if (!aliases.ok || !isKind(kind)) return;
        const input = { kind, name, aliases: aliases.aliases };
        if (entity) update.mutate({ id: entity.id, input }, { onSuccess: close });
        else create.mutate(input, { onSuccess: close });
      }}
    >
      <SelectField
        label="Kind"
        name="kind"
        options={kindOptions}
        defaultValue={entity?.kind ?? 'product'}
        error={fieldError(save.error, 'kind')}
      />
      <TextField
        label="Name"
        name="name"
        required
        maxLength={120}
        autoComplete="off"
        defaultValue={entity?.name}
        placeholder="e.g. Hearken Mobile"
        error={fieldError(save.error, 'name')}
      />
      <AliasesField
        label="Other names"
        name="aliases"
        initial={entity?.aliases ?? []}
        example="the app, mobile app"
        error={aliasError}
        problem={save.error}
      />
    </EntryDialog>
  );
}

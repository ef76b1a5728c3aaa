import { useState } from 'react';
import type { ReactNode } from 'react';
import type { UseMutationResult } from '@tanstack/react-query';
import { FormError } from '../../../ui/Alert.tsx';
import { Button } from '../../../ui/Button.tsx';
import { ConfirmButton } from '../../../ui/ConfirmButton.tsx';
import { Dialog } from '../../../ui/Dialog.tsx';
import { TextAreaField } from '../../../ui/Field.tsx';
import { fieldError } from '../../../ui/problem.ts';
import type { Problem } from '../../../ui/problem.ts';
import { formatAliases, MAX_ALIAS_LENGTH, MAX_ALIASES, parseAliases } from './aliases.ts';

/** Which entry a section is editing: a new one, an existing one, or none. */
export function useEditing<Row>() {
  return useState<{ row: Row | null } | null>(null);
}

interface EntryDialogProps {
  title: string;
  onClose: () => void;
  onSubmit: (form: FormData) => void;
  submitLabel: string;
  busy: boolean;
  problem: Problem | null;
  fields: readonly string[];
  children: ReactNode;
}

/** The add/edit form of a directory entry, in a modal so it fits a phone as well. */
export function EntryDialog({
  title,
  onClose,
  onSubmit,
  submitLabel,
  busy,
  problem,
  fields,
  children,
}: EntryDialogProps) {
  return (
    <Dialog title={title} onClose={onClose}>
      <form
        className="form dialog-body"
        onSubmit={(event) => {
          event.preventDefault();
          onSubmit(new FormData(event.currentTarget));
        }}
      >
        <FormError problem={problem} fields={fields} />
        {children}
        <div className="dialog-actions">
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="primary" busy={busy}>
            {submitLabel}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}

interface AliasesFieldProps {
  label: string;
  name: string;
  initial: readonly string[];
  /** A client-side complaint (too many, too long), else the server's. */
  error: string | undefined;
  problem: Problem | null;
  example: string;
}

export function AliasesField({ label, name, initial, error, problem, example }: AliasesFieldProps) {
  return (
    <TextAreaField
      label={label}
      name={name}
      rows={2}
      defaultValue={formatAliases(initial)}
      hint={`Separated by commas, e.g. ${example}. At most ${MAX_ALIASES}, each up to ${MAX_ALIAS_LENGTH} characters.`}
      error={error ?? fieldError(problem, name)}
    />
  );
}

/** Reads an aliases box: the list, or the reason it cannot be sent. */
export function readAliases(form: FormData, field: string, ownName: string) {
  const value = form.get(field);
  return parseAliases(typeof value === 'string' ? value : '', ownName);
}

interface RowActionsProps {
  name: string;
  what: string;
  consequence: string;
  onEdit: () => void;
  remove: UseMutationResult<void, Error, string>;
  id: string;
}

/** Edit and Remove for one entry; the accessible names say which entry. */
export function RowActions({ name, what, consequence, onEdit, remove, id }: RowActionsProps) {
  return (
    <div className="row-actions">
      <Button variant="ghost" size="small" aria-label={`Edit ${name}`} onClick={onEdit}>
        Edit
      </Button>
      <ConfirmButton
        label={`Remove ${name}`}
        title={`Remove ${what} ${name}?`}
        message={<p>{consequence}</p>}
        confirmLabel="Remove"
        busy={remove.isPending && remove.variables === id}
        onConfirm={() => remove.mutate(id)}
      >
        Remove
      </ConfirmButton>
    </div>
  );
}

export function ListOrDash({ values }: { values: readonly string[] }) {
  return values.length === 0 ? <span className="muted">—</span> : <>{values.join(', ')}</>;
}

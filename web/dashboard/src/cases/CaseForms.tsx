import { useState } from 'react';
import { FormError } from '../../../ui/Alert.tsx';
import { Button } from '../../../ui/Button.tsx';
import { SelectField, TextAreaField } from '../../../ui/Field.tsx';
import type { Problem } from '../../../ui/problem.ts';
import { useDirectoryList } from '../directory/queries.ts';
import { useMembers } from '../members/queries.ts';
import { INITIATOR_OPTIONS } from './labels.ts';
import { useCaseChange } from './queries.ts';
import type { CaseDetail } from './types.ts';

interface FormProps {
  detail: CaseDetail;
  workspaceId: string;
}

/** Owner (a member) and team. */
export function AssignForm({ detail, workspaceId }: FormProps) {
  const assign = useCaseChange<{ ownerId: string | null; teamId: string | null }>(
    workspaceId,
    detail.case.id,
    'assign',
  );
  const members = useMembers(workspaceId);
  const teams = useDirectoryList(workspaceId, 'teams');
  const [ownerId, setOwnerId] = useState(detail.case.owner?.id ?? '');
  const [teamId, setTeamId] = useState(detail.case.team?.id ?? '');
  const changed =
    ownerId !== (detail.case.owner?.id ?? '') || teamId !== (detail.case.team?.id ?? '');
  return (
    <form
      className="case-form"
      onSubmit={(event) => {
        event.preventDefault();
        assign.mutate({ ownerId: ownerId || null, teamId: teamId || null });
      }}
    >
      <SelectField
        name="owner"
        label="Owner"
        value={ownerId}
        options={[
          { value: '', label: 'Unassigned' },
          ...(members.data?.items ?? []).map((m) => ({ value: m.userId, label: m.name })),
        ]}
        onChange={(event) => setOwnerId(event.target.value)}
      />
      <SelectField
        name="team"
        label="Team"
        value={teamId}
        options={[
          { value: '', label: 'No team' },
          ...(teams.data?.items ?? []).map((t) => ({ value: t.id, label: t.name })),
        ]}
        onChange={(event) => setTeamId(event.target.value)}
      />
      <Button type="submit" size="small" disabled={!changed} busy={assign.isPending}>
        Assign
      </Button>
      <FormError problem={assign.error as Problem | null} />
    </form>
  );
}

/** Engage: what was learned and who initiated the feedback. */
export function EngageForm({ detail, workspaceId }: FormProps) {
  const engage = useCaseChange<{ learned: string; initiatedBy: string }>(
    workspaceId,
    detail.case.id,
    'engage',
  );
  const [learned, setLearned] = useState(detail.case.learned);
  const [initiatedBy, setInitiatedBy] = useState(detail.case.initiatedBy ?? 'customer');
  return (
    <form
      className="case-form"
      onSubmit={(event) => {
        event.preventDefault();
        engage.mutate({ learned, initiatedBy });
      }}
    >
      <TextAreaField
        name="status"
        label="What we learned"
        hint="After acknowledging and asking questions: what is really behind it?"
        value={learned}
        rows={3}
        required
        maxLength={5000}
        onChange={(event) => setLearned(event.target.value)}
      />
      <SelectField
        name="status"
        label="Who initiated the feedback"
        value={initiatedBy}
        options={INITIATOR_OPTIONS}
        onChange={(event) => setInitiatedBy(event.target.value)}
      />
      <Button type="submit" size="small" busy={engage.isPending}>
        Save what we learned
      </Button>
      <FormError problem={engage.error as Problem | null} />
    </form>
  );
}

/** An internal comment; @name or @email tells a colleague by email. */
export function CommentForm({ detail, workspaceId }: FormProps) {
  const comment = useCaseChange<{ body: string }>(workspaceId, detail.case.id, 'comments');
  const members = useMembers(workspaceId);
  const [body, setBody] = useState('');
  const mention = (email: string) =>
    setBody((text) => `${text}${text && !text.endsWith(' ') ? ' ' : ''}@${email} `);
  return (
    <form
      className="case-form"
      onSubmit={(event) => {
        event.preventDefault();
        comment.mutate({ body }, { onSuccess: () => setBody('') });
      }}
    >
      <TextAreaField
        name="status"
        label="Internal comment"
        hint="Never shown to the customer. Mention colleagues with @name or @email; they are told by email."
        value={body}
        rows={3}
        required
        maxLength={5000}
        onChange={(event) => setBody(event.target.value)}
      />
      <SelectField
        name="status"
        label="Mention a colleague"
        value=""
        options={[
          { value: '', label: 'Choose…' },
          ...(members.data?.items ?? []).map((m) => ({ value: m.email, label: m.name })),
        ]}
        onChange={(event) => event.target.value && mention(event.target.value)}
      />
      <Button type="submit" size="small" busy={comment.isPending}>
        Comment
      </Button>
      <FormError problem={comment.error as Problem | null} />
    </form>
  );
}

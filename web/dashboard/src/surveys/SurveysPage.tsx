import { useState } from 'react';
import { Alert, ErrorNotice } from '../../../ui/Alert.tsx';
import { Button } from '../../../ui/Button.tsx';
import { CopyField } from '../../../ui/CopyField.tsx';
import { EmptyState } from '../../../ui/EmptyState.tsx';
import { Page, Section } from '../../../ui/Page.tsx';
import { Loading } from '../../../ui/Spinner.tsx';
import { Table } from '../../../ui/Table.tsx';
import { useWorkspace } from '../session.ts';
import { InvitePanel } from './InvitePanel.tsx';
import { useSurveys, type Survey } from './queries.ts';
import { SurveyEditor } from './SurveyEditor.tsx';

type Mode =
  { kind: 'list' } | { kind: 'edit'; survey?: Survey } | { kind: 'invite'; survey: Survey };

export function SurveysPage() {
  const workspace = useWorkspace();
  const surveys = useSurveys(workspace.id);
  const [mode, setMode] = useState<Mode>({ kind: 'list' });
  const canInvite = workspace.role !== 'viewer';

  if (mode.kind === 'edit')
    return (
      <Page title={mode.survey ? `Edit ${mode.survey.name}` : 'New survey'}>
        <SurveyEditor
          survey={mode.survey}
          onDone={() => setMode({ kind: 'list' })}
          onCancel={() => setMode({ kind: 'list' })}
        />
      </Page>
    );

  return (
    <Page
      title="Surveys"
      description="NPS, CSAT and CES surveys with hosted pages, email invitations and event triggers."
      actions={
        workspace.canManage && (
          <Button variant="primary" onClick={() => setMode({ kind: 'edit' })}>
            New survey
          </Button>
        )
      }
    >
      {surveys.isPending && <Loading />}
      {surveys.error && (
        <ErrorNotice problem={surveys.error} onRetry={() => void surveys.refetch()} />
      )}
      {surveys.data && surveys.data.items.length === 0 && (
        <EmptyState title="No surveys yet">
          <p>Create one to get a public link and send invitations.</p>
        </EmptyState>
      )}
      {surveys.data && surveys.data.items.length > 0 && (
        <Table
          caption="Surveys"
          rows={surveys.data.items}
          rowKey={(survey) => survey.id}
          columns={[
            { header: 'Name', cell: (survey) => survey.name },
            {
              header: 'Status',
              cell: (survey) => (survey.status === 'active' ? 'Open' : 'Closed'),
            },
            { header: 'Complete', className: 'num', cell: (survey) => survey.responses.complete },
            { header: 'Partial', className: 'num', cell: (survey) => survey.responses.partial },
            { header: 'Invited', className: 'num', cell: (survey) => survey.invitations },
            {
              header: 'Public link',
              cell: (survey) => (
                <CopyField label={`Public link of ${survey.name}`} value={survey.publicUrl} />
              ),
            },
            {
              header: 'Actions',
              cell: (survey) => (
                <div className="form-actions">
                  {workspace.canManage && (
                    <Button size="small" onClick={() => setMode({ kind: 'edit', survey })}>
                      Edit
                    </Button>
                  )}
                  {canInvite && (
                    <Button size="small" onClick={() => setMode({ kind: 'invite', survey })}>
                      Invite
                    </Button>
                  )}
                </div>
              ),
            },
          ]}
        />
      )}
      {mode.kind === 'invite' && (
        <Section
          title={`Invite people to ${mode.survey.name}`}
          actions={
            <Button size="small" onClick={() => setMode({ kind: 'list' })}>
              Close
            </Button>
          }
        >
          <InvitePanel survey={mode.survey} />
        </Section>
      )}
      {!workspace.canManage && (
        <Alert>
          <p>Only owners and admins can create or change surveys.</p>
        </Alert>
      )}
    </Page>
  );
}

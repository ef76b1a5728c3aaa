import { Alert } from '../../../ui/Alert.tsx';
import { Page, Section } from '../../../ui/Page.tsx';
import { useWorkspace } from '../session.ts';
import { AnalysisSection } from './AnalysisSection.tsx';
import { AuditLog } from './AuditLog.tsx';
import { DeadItemsSection } from './DeadItemsSection.tsx';
import { ExportLink } from './ExportLink.tsx';
import { JobsSection } from './JobsSection.tsx';
import { WorkspaceForm } from './WorkspaceForm.tsx';

export function SettingsPage() {
  const workspace = useWorkspace();
  return (
    <Page title="Settings" description={`How ${workspace.name} works, and what happened in it.`}>
      <Section title="Workspace">
        <WorkspaceForm />
      </Section>
      {workspace.canManage ? (
        <>
          <AnalysisSection />
          <DeadItemsSection />
          <JobsSection />
          <Section
            title="Audit log"
            description="Who changed what: sign-ins, members, keys, settings and exports."
          >
            <AuditLog />
          </Section>
          <Section
            title="Export"
            description="Everything in this workspace as NDJSON: one JSON object per line."
          >
            <ExportLink />
          </Section>
        </>
      ) : (
        <Alert>
          <p>
            Text analysis settings, items that could not be processed, background jobs, the audit
            log and exports are for owners and admins.
          </p>
        </Alert>
      )}
    </Page>
  );
}

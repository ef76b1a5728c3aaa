import './consent.css';
import { Page } from '../../../ui/Page.tsx';
import { useWorkspace } from '../session.ts';
import { OutboxSection } from './OutboxSection.tsx';
import { PoliciesSection } from './PoliciesSection.tsx';

/** Outgoing email: the outbox (admin) and the contact limits every customer message obeys. */
export function EmailPage() {
  const { canManage } = useWorkspace();
  return (
    <Page
      title="Email"
      description="What Hearken sends, what it holds or blocks and why, and how often a customer may hear from you."
    >
      {canManage && <OutboxSection />}
      <PoliciesSection />
    </Page>
  );
}

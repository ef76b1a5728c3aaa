import { useState } from 'react';
import { Alert } from '../../../ui/Alert.tsx';
import { Page } from '../../../ui/Page.tsx';
import { RecentAlerts } from './RecentAlerts.tsx';
import { RulesSection } from './RulesSection.tsx';
import { SpikesSection } from './SpikesSection.tsx';
import './alerts.css';

export function AlertsPage() {
  const [notice, setNotice] = useState<string | null>(null);
  return (
    <Page
      title="Alerts"
      description="Early warning: rules that tell the right people at once, and spikes in what customers talk about."
    >
      {/* Mounted from the start, so screen readers announce what the dialogs did. */}
      <div role="status" className="notice-region">
        {notice && (
          <Alert tone="success">
            <p>{notice}</p>
          </Alert>
        )}
      </div>
      <RecentAlerts />
      <SpikesSection />
      <RulesSection notice={setNotice} />
    </Page>
  );
}

import { Link, useSearchParams } from 'react-router-dom';
import { ErrorNotice } from '../../../ui/Alert.tsx';
import { EmptyState } from '../../../ui/EmptyState.tsx';
import { SelectField } from '../../../ui/Field.tsx';
import { Section } from '../../../ui/Page.tsx';
import { SegmentedControl } from '../../../ui/SegmentedControl.tsx';
import { Loading } from '../../../ui/Spinner.tsx';
import { useWorkspace } from '../session.ts';
import { AlertCard } from './AlertCard.tsx';
import { useAlertRules, useAlerts } from './queries.ts';
import type { AlertFilters } from './types.ts';

type Shown = 'open' | 'acknowledged' | 'all';
const SHOWN: Record<Shown, AlertFilters['acknowledged']> = {
  open: 'false',
  acknowledged: 'true',
  all: undefined,
};
const UUID = /^[0-9a-f-]{36}$/i;

/** Filters live in the URL, so a notification's link (`?alert=<id>`) opens that one alert. */
export function RecentAlerts() {
  const { id } = useWorkspace();
  const [params, setParams] = useSearchParams();
  const alertId = params.get('alert') ?? '';
  const shown = (params.get('shown') as Shown | null) ?? 'open';
  const ruleId = params.get('rule') ?? '';
  const filters: AlertFilters = UUID.test(alertId)
    ? { alertId }
    : {
        acknowledged: SHOWN[shown] ?? 'false',
        ...(UUID.test(ruleId) ? { ruleId } : {}),
      };
  const alerts = useAlerts(id, filters);
  const rules = useAlertRules(id);
  const set = (name: string, value: string) => {
    const next = new URLSearchParams(params);
    next.delete('alert');
    if (value) next.set(name, value);
    else next.delete(name);
    setParams(next, { replace: true });
  };

  return (
    <Section
      title="Recent alerts"
      description="What fired, with the customer’s words and how each notification went."
    >
      {filters.alertId ? (
        <p>
          Showing one alert. <Link to={`/w/${id}/alerts`}>Show all alerts</Link>
        </p>
      ) : (
        <div className="alert-filters">
          <SegmentedControl<Shown>
            label="Show"
            value={shown in SHOWN ? shown : 'open'}
            segments={[
              { value: 'open', label: 'Open' },
              { value: 'acknowledged', label: 'Acknowledged' },
              { value: 'all', label: 'All' },
            ]}
            onChange={(value) => set('shown', value === 'open' ? '' : value)}
          />
          <SelectField
            label="Rule"
            name="rule"
            value={ruleId}
            onChange={(event) => set('rule', event.target.value)}
            options={[
              { value: '', label: 'All rules' },
              ...(rules.data?.items ?? []).map((rule) => ({ value: rule.id, label: rule.name })),
            ]}
          />
        </div>
      )}
      {alerts.isPending ? (
        <Loading />
      ) : alerts.isError ? (
        <ErrorNotice problem={alerts.error} onRetry={() => void alerts.refetch()} />
      ) : alerts.data.items.length === 0 ? (
        <EmptyState title={shown === 'open' ? 'No open alerts.' : 'No alerts here.'}>
          <p>Alerts appear when new feedback or a spike matches one of your rules.</p>
        </EmptyState>
      ) : (
        <ol className="alert-list">
          {alerts.data.items.map((alert) => (
            <AlertCard key={alert.id} alert={alert} />
          ))}
        </ol>
      )}
    </Section>
  );
}

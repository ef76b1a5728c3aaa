import { formatCount } from '../format.ts';
import type { Overview } from '../types.ts';

export function StatCards({ overview }: { overview: Overview }) {
  const stats = [
    { label: 'Feedback', value: overview.feedbackCount },
    { label: 'Contacts', value: overview.contactCount },
    { label: 'Accounts', value: overview.accountCount },
    { label: 'Touchpoints', value: overview.touchpointCount },
  ];
  return (
    <dl className="stats">
      {stats.map((stat) => (
        <div key={stat.label} className="card stat">
          <dt>{stat.label}</dt>
          <dd>{formatCount(stat.value)}</dd>
        </div>
      ))}
    </dl>
  );
}

import { Link } from 'react-router-dom';
import { RelativeTime } from '../../../ui/RelativeTime.tsx';
import { ScoreBadge } from '../feedback/ScoreBadge.tsx';
import { OUTCOME_LABELS, STAGE_LABELS } from './labels.ts';
import type { CaseSummary } from './types.ts';

/** Due, overdue or closed, as a badge. */
export function DueBadge({
  item,
}: {
  item: Pick<CaseSummary, 'stage' | 'dueAt' | 'overdue' | 'outcome'>;
}) {
  if (item.stage === 'closed')
    return <span className="badge">{item.outcome ? OUTCOME_LABELS[item.outcome] : 'Closed'}</span>;
  if (!item.dueAt) return null;
  return (
    <span className={item.overdue ? 'badge badge-danger' : 'badge'}>
      {item.overdue ? 'Overdue ' : 'Due '}
      <RelativeTime iso={item.dueAt} />
    </span>
  );
}

export function StageChip({ stage }: { stage: CaseSummary['stage'] }) {
  return <span className={`case-stage case-stage-${stage}`}>{STAGE_LABELS[stage]}</span>;
}

/** One case in the list: a card that is a row on wide screens. */
export function CaseCard({ item, workspaceId }: { item: CaseSummary; workspaceId: string }) {
  const who = [item.contact?.name ?? 'Anonymous', item.account?.name].filter(Boolean).join(' · ');
  return (
    <li className={item.overdue ? 'case-card case-card-overdue' : 'case-card'}>
      <div className="case-card-head">
        <Link to={`/w/${workspaceId}/cases/${item.id}`} className="case-card-title">
          #{item.number} {item.title}
        </Link>
        {item.kind === 'thank_you' && <span className="badge badge-success">Thank you</span>}
      </div>
      <div className="case-card-meta">
        <StageChip stage={item.stage} />
        <DueBadge item={item} />
        <ScoreBadge type={item.scoreType} score={item.scoreBefore} />
        <span className="muted">{who}</span>
        <span className="muted">
          {item.owner ? item.owner.name : 'Unassigned'}
          {item.team ? ` · ${item.team.name}` : ''}
        </span>
      </div>
    </li>
  );
}

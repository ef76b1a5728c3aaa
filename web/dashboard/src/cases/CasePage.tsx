import { Link, useParams } from 'react-router-dom';
import { ErrorNotice } from '../../../ui/Alert.tsx';
import { Page, Section } from '../../../ui/Page.tsx';
import { RelativeTime } from '../../../ui/RelativeTime.tsx';
import { Loading } from '../../../ui/Spinner.tsx';
import { channelLabel } from '../feedback/labels.ts';
import { ScoreBadge } from '../feedback/ScoreBadge.tsx';
import { CreditButton } from '../kudos/CreditButton.tsx';
import { canWorkWithFeedback } from '../roles.ts';
import { useWorkspace } from '../session.ts';
import { ShareButton } from '../sharing/ShareForm.tsx';
import { DueBadge, StageChip } from './CaseCard.tsx';
import { AssignForm, CommentForm, EngageForm } from './CaseForms.tsx';
import { CaseStageBar } from './CaseStageBar.tsx';
import { CaseTimeline } from './CaseTimeline.tsx';
import { ReplyComposer } from './composer/ReplyComposer.tsx';
import { LinkedActions } from './LinkedActions.tsx';
import { useCase } from './queries.ts';
import type { CaseDetail, CaseFeedback } from './types.ts';
import './cases.css';

/** The customer's words, quoted as text (never HTML). */
function Words({ item }: { item: CaseFeedback }) {
  return (
    <li className="case-words">
      <div className="feedback-head">
        <ScoreBadge type={item.scoreType} score={item.score} />
        {item.sentimentLabel && <span className="badge">{item.sentimentLabel}</span>}
        <span className="muted">{channelLabel(item.channel)}</span>
        <RelativeTime iso={item.receivedAt} />
      </div>
      <blockquote className="case-quote">
        {item.text || <span className="muted">No comment.</span>}
      </blockquote>
      {item.text && <CreditButton feedbackId={item.id} />}
    </li>
  );
}

function Customer({ detail, workspaceId }: { detail: CaseDetail; workspaceId: string }) {
  const { contact, account, history } = detail;
  return (
    <Section title="Customer">
      {contact ? (
        <p>
          <strong>{contact.name ?? 'Unnamed contact'}</strong>
          {contact.email && <span className="muted"> · {contact.email}</span>}
          {contact.level && <span className="muted"> · {contact.level}</span>}
        </p>
      ) : (
        <p className="muted">No known contact.</p>
      )}
      {account && (
        <p>
          {account.name} <span className="badge">{account.tier}</span>
        </p>
      )}
      <h3>Their other cases</h3>
      {history.cases.length === 0 ? (
        <p className="muted">None.</p>
      ) : (
        <ul className="case-history">
          {history.cases.map((c) => (
            <li key={c.id}>
              <Link to={`/w/${workspaceId}/cases/${c.id}`}>
                #{c.number} {c.title}
              </Link>{' '}
              <StageChip stage={c.stage} />
            </li>
          ))}
        </ul>
      )}
      <h3>Their other feedback</h3>
      {history.feedback.length === 0 ? (
        <p className="muted">None.</p>
      ) : (
        <ol className="case-history">
          {history.feedback.map((item) => (
            <Words key={item.id} item={item} />
          ))}
        </ol>
      )}
    </Section>
  );
}

/**
 * One case: the customer's words first, then the loop (stages, what was learned, actions,
 * comments, timeline), with who the customer is and their history beside it. Viewers read only.
 */
export function CasePage() {
  const { caseId = '' } = useParams();
  const workspace = useWorkspace();
  const query = useCase(workspace.id, caseId);
  const canAct = canWorkWithFeedback(workspace.role);
  if (query.isPending) return <Loading />;
  if (query.error)
    return <ErrorNotice problem={query.error} onRetry={() => void query.refetch()} />;
  const detail = query.data;
  const current = detail.case;
  return (
    <Page
      title={`Case #${current.number}: ${current.title}`}
      description={
        <span className="case-card-meta">
          <StageChip stage={current.stage} />
          <DueBadge item={current} />
          <span>{current.owner ? `Owner: ${current.owner.name}` : 'Unassigned'}</span>
          {current.team && <span>Team: {current.team.name}</span>}
          <Link to={`/w/${workspace.id}/cases`}>All cases</Link>
        </span>
      }
    >
      <div className="case-layout">
        <div className="case-main">
          <Section title="In their words">
            <ol className="case-words-list">
              {detail.feedback.map((item) => (
                <Words key={item.id} item={item} />
              ))}
            </ol>
          </Section>
          <Section title="Loop">
            <CaseStageBar detail={detail} workspaceId={workspace.id} canAct={canAct} />
            {current.stage === 'closed' && (
              <p>
                Closed as {current.outcome?.replace('_', ' ')}
                {current.rootCause && <> · root cause: {current.rootCause.name}</>}
                {current.resolution && <> · {current.resolution}</>}
              </p>
            )}
            {canAct && current.stage !== 'closed' ? (
              <EngageForm key={current.learned} detail={detail} workspaceId={workspace.id} />
            ) : (
              current.learned && <p>What we learned: {current.learned}</p>
            )}
          </Section>
          <ReplyComposer caseId={current.id} />
          {canAct && (
            <Section title="Comment">
              <CommentForm detail={detail} workspaceId={workspace.id} />
            </Section>
          )}
          <Section title="Timeline">
            <CaseTimeline events={detail.timeline} />
          </Section>
        </div>
        <aside className="case-side">
          {canAct && (
            <Section title="Assignment">
              <AssignForm
                key={`${current.owner?.id}-${current.team?.id}`}
                detail={detail}
                workspaceId={workspace.id}
              />
            </Section>
          )}
          {canAct && (
            <Section title="Share">
              <ShareButton
                target={{ kind: 'case', id: current.id }}
                label={`case #${current.number}`}
              />
            </Section>
          )}
          <Section title="Actions">
            <LinkedActions detail={detail} workspaceId={workspace.id} canAct={canAct} />
          </Section>
          <Customer detail={detail} workspaceId={workspace.id} />
        </aside>
      </div>
    </Page>
  );
}

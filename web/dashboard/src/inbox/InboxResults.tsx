import { useMemo } from 'react';
import { Link } from 'react-router-dom';
import { Alert, ErrorNotice } from '../../../ui/Alert.tsx';
import { Button } from '../../../ui/Button.tsx';
import { EmptyState } from '../../../ui/EmptyState.tsx';
import { Section } from '../../../ui/Page.tsx';
import { Loading } from '../../../ui/Spinner.tsx';
import { FeedbackList } from '../feedback/FeedbackList.tsx';
import { formatCount } from '../format.ts';
import { CreditButton } from '../kudos/CreditButton.tsx';
import { useWorkspace } from '../session.ts';
import { apiQuery, filterProblems, hasFilters } from './filters.ts';
import type { InboxFilters } from './filters.ts';
import { useInbox } from './queries.ts';
import { OpenCaseButton } from './OpenCaseButton.tsx';

interface InboxResultsProps {
  filters: InboxFilters;
  reset: () => void;
}

export function InboxResults({ filters, reset }: InboxResultsProps) {
  const workspace = useWorkspace();
  const query = useMemo(() => apiQuery(filters, workspace.timezone), [filters, workspace.timezone]);
  const valid = Object.keys(filterProblems(filters)).length === 0;
  const inbox = useInbox(workspace.id, query, valid);
  const items = inbox.data?.pages.flatMap((page) => page.items) ?? [];
  const filtered = hasFilters(filters);
  const stale = inbox.isPlaceholderData;

  let status = '';
  if (!valid) status = 'Correct the filters to see feedback.';
  else if (inbox.data && !stale) {
    status =
      items.length === 0
        ? 'No feedback matches.'
        : `${formatCount(items.length)} item${items.length === 1 ? '' : 's'} shown${inbox.hasNextPage ? ', more available' : ''}.`;
  }

  return (
    <Section
      title="Feedback"
      description={filtered ? 'Matching the filters, newest first.' : 'Newest first.'}
    >
      {/* Announced when the results change, so filtering is not silent for screen readers. */}
      <p role="status" className="results-status muted">
        {status}
      </p>
      {!valid ? (
        <Alert tone="warning">
          <p>Correct the filters above to see feedback.</p>
        </Alert>
      ) : inbox.isPending ? (
        <Loading />
      ) : inbox.error && !inbox.data ? (
        <ErrorNotice problem={inbox.error} onRetry={() => void inbox.refetch()} />
      ) : items.length === 0 && !stale ? (
        filtered ? (
          <EmptyState
            title="No feedback matches these filters."
            action={<Button onClick={reset}>Reset filters</Button>}
          >
            <p>Try fewer words, another channel or a wider date range.</p>
          </EmptyState>
        ) : (
          <EmptyState title="No feedback yet.">
            <p>
              Feedback arrives through{' '}
              <Link to={`/w/${workspace.id}/listening-posts`}>listening posts</Link>.
            </p>
          </EmptyState>
        )
      ) : (
        <div className={stale ? 'stack is-stale' : 'stack'} aria-busy={stale || undefined}>
          <FeedbackList
            items={items}
            corrections
            extra={(item) => (
              <>
                <OpenCaseButton feedbackId={item.id} />
                {item.text && <CreditButton feedbackId={item.id} />}
              </>
            )}
          />
          {inbox.error && (
            <ErrorNotice problem={inbox.error} onRetry={() => void inbox.fetchNextPage()} />
          )}
          {inbox.hasNextPage && !stale && (
            <Button
              className="load-more"
              busy={inbox.isFetchingNextPage}
              onClick={() => void inbox.fetchNextPage()}
            >
              Load more
            </Button>
          )}
        </div>
      )}
    </Section>
  );
}

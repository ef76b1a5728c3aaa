import { useId } from 'react';
import type { ReactNode } from 'react';
import { ErrorNotice } from '../../../ui/Alert.tsx';
import { EmptyState } from '../../../ui/EmptyState.tsx';
import { Loading } from '../../../ui/Spinner.tsx';
import { useWorkspace } from '../session.ts';
import type { ListeningPost, Touchpoint } from '../types.ts';
import { AddPostButton, EditTouchpointButton } from './DialogButtons.tsx';
import { PostItem } from './PostItem.tsx';
import { useListeningPosts, useTouchpoints } from './queries.ts';

/** Touchpoints as cards, each with the posts that listen there, then the posts with none. */
export function Journey() {
  const { id } = useWorkspace();
  const touchpoints = useTouchpoints(id);
  const posts = useListeningPosts(id);

  if (touchpoints.isPending || posts.isPending) return <Loading />;
  if (touchpoints.error) {
    return <ErrorNotice problem={touchpoints.error} onRetry={() => void touchpoints.refetch()} />;
  }
  if (posts.error) {
    return <ErrorNotice problem={posts.error} onRetry={() => void posts.refetch()} />;
  }

  const known = new Set(touchpoints.data.items.map((touchpoint) => touchpoint.id));
  const postsAt = (touchpointId: string) =>
    posts.data.items.filter((post) => post.touchpointId === touchpointId);
  const unassigned = posts.data.items.filter(
    (post) => post.touchpointId === null || !known.has(post.touchpointId),
  );

  if (touchpoints.data.items.length === 0 && unassigned.length === 0) {
    return (
      <EmptyState title="Nothing is listening yet.">
        <p>
          Add a touchpoint for each moment that matters to customers (onboarding, a support call,
          renewal), then a listening post for each way their feedback arrives there.
        </p>
      </EmptyState>
    );
  }

  return (
    <div className="journey">
      {touchpoints.data.items.map((touchpoint) => (
        <TouchpointCard
          key={touchpoint.id}
          touchpoint={touchpoint}
          posts={postsAt(touchpoint.id)}
        />
      ))}
      {unassigned.length > 0 && (
        <JourneyCard
          title="Unassigned posts"
          description="Listening posts that belong to no touchpoint yet. Edit one to place it in the journey."
          posts={unassigned}
        />
      )}
    </div>
  );
}

function TouchpointCard({ touchpoint, posts }: { touchpoint: Touchpoint; posts: ListeningPost[] }) {
  const { canManage } = useWorkspace();
  return (
    <JourneyCard
      title={touchpoint.name}
      description={touchpoint.description || undefined}
      actions={
        canManage && (
          <>
            <AddPostButton touchpoint={touchpoint} variant="ghost" size="small" />
            <EditTouchpointButton touchpoint={touchpoint} />
          </>
        )
      }
      posts={posts}
    />
  );
}

interface JourneyCardProps {
  title: string;
  description?: string;
  actions?: ReactNode;
  posts: ListeningPost[];
}

function JourneyCard({ title, description, actions, posts }: JourneyCardProps) {
  const headingId = useId();
  return (
    <section className="card journey-card" aria-labelledby={headingId}>
      <div className="journey-card-header">
        <div>
          <h2 id={headingId}>{title}</h2>
          {description && <p className="section-description">{description}</p>}
        </div>
        {actions && <div className="journey-card-actions">{actions}</div>}
      </div>
      {posts.length === 0 ? (
        <p className="muted">No listening posts here yet.</p>
      ) : (
        <ul className="post-list">
          {posts.map((post) => (
            <PostItem key={post.id} post={post} />
          ))}
        </ul>
      )}
    </section>
  );
}

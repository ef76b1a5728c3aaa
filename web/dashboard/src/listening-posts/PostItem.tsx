import { useMemo } from 'react';
import { FormError } from '../../../ui/Alert.tsx';
import { Button } from '../../../ui/Button.tsx';
import { RelativeTime } from '../../../ui/RelativeTime.tsx';
import { Sparkline } from '../../../ui/Sparkline.tsx';
import { chartColors } from '../home/chartColors.ts';
import { useWorkspace } from '../session.ts';
import type { ListeningPost } from '../types.ts';
import { ApiExample } from './ApiExample.tsx';
import { WidgetPanel } from './WidgetPanel.tsx';
import { EditPostButton } from './DialogButtons.tsx';
import { kindLabel, STATUS_BADGES } from './labels.ts';
import { useUpdatePost } from './queries.ts';
import { dailyVolume, describeVolume, VOLUME_DAYS } from './volume.ts';
import { formatCount } from '../format.ts';

export function PostItem({ post }: { post: ListeningPost }) {
  const { canManage } = useWorkspace();
  const days = useMemo(() => dailyVolume(post.volume), [post.volume]);
  const counts = useMemo(() => days.map((day) => day.count), [days]);
  const total = counts.reduce((sum, count) => sum + count, 0);
  const status = STATUS_BADGES[post.status];

  return (
    <li className="post">
      <h3 className="post-name">{post.name}</h3>
      <p className="post-badges">
        <span className="badge">{kindLabel(post.kind)}</span>
        <span className={status.className}>{status.label}</span>
      </p>
      <div className="post-activity">
        <p className="post-meta">
          {post.lastReceivedAt ? (
            <>
              Last received <RelativeTime iso={post.lastReceivedAt} />
            </>
          ) : (
            'Nothing received yet'
          )}
          <br />
          {formatCount(total)} in {VOLUME_DAYS} days
        </p>
        {total > 0 && (
          <Sparkline
            values={counts}
            label={`${describeVolume(days)}.`}
            color={chartColors.accent}
          />
        )}
      </div>
      {post.lastError && (
        <p className="post-error">
          <strong>Last error:</strong> {post.lastError}
        </p>
      )}
      {post.kind === 'api' && <ApiExample post={post} />}
      {post.kind === 'widget' && <WidgetPanel post={post} />}
      {canManage && <PostActions post={post} />}
    </li>
  );
}

function PostActions({ post }: { post: ListeningPost }) {
  const { id } = useWorkspace();
  const update = useUpdatePost(id);
  const resume = post.status === 'paused';
  return (
    <>
      <div className="post-actions">
        <Button
          size="small"
          aria-label={`${resume ? 'Resume' : 'Pause'} ${post.name}`}
          busy={update.isPending}
          onClick={() =>
            update.mutate({ id: post.id, patch: { status: resume ? 'active' : 'paused' } })
          }
        >
          {resume ? 'Resume' : 'Pause'}
        </Button>
        <EditPostButton post={post} />
      </div>
      <FormError problem={update.error} />
    </>
  );
}

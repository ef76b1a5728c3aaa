import type { Option } from '../../../ui/Field.tsx';
import { POST_KINDS } from '../types.ts';
import type { PostKind, PostStatus } from '../types.ts';

const KIND_LABELS: Record<PostKind, string> = {
  api: 'API',
  survey: 'Survey',
  widget: 'Website widget',
  email: 'Email inbox',
  call: 'Call transcripts',
  feed: 'Feed',
  forum: 'Forum',
  import: 'Import',
};

export function kindLabel(kind: PostKind): string {
  return KIND_LABELS[kind];
}

export const kindOptions: Option[] = POST_KINDS.map((kind) => ({
  value: kind,
  label: KIND_LABELS[kind],
}));

export function isPostKind(value: string): value is PostKind {
  return (POST_KINDS as readonly string[]).includes(value);
}

export const STATUS_BADGES: Record<PostStatus, { label: string; className: string }> = {
  active: { label: 'Active', className: 'badge badge-success' },
  paused: { label: 'Paused', className: 'badge' },
  error: { label: 'Error', className: 'badge badge-danger' },
};

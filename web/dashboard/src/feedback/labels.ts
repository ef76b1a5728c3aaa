import type { Option } from '../../../ui/Field.tsx';
import { humanize } from '../format.ts';
import { CHANNELS, SCORE_TYPES } from '../types.ts';
import type { ScoreType } from '../types.ts';

const CHANNEL_LABELS: Record<string, string> = { api: 'API' };

/** `social` → "Social", `api` → "API". */
export function channelLabel(channel: string): string {
  return CHANNEL_LABELS[channel] ?? humanize(channel);
}

export const channelOptions: Option[] = CHANNELS.map((channel) => ({
  value: channel,
  label: channelLabel(channel),
}));

export function scoreTypeLabel(type: ScoreType): string {
  return type.toUpperCase();
}

export const scoreTypeOptions: Option[] = SCORE_TYPES.map((type) => ({
  value: type,
  label: scoreTypeLabel(type),
}));

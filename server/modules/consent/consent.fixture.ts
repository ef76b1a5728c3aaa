import type { AppContext } from '../../context.ts';
import { create } from './policies.service.ts';

/** A contact limit policy for everyone: 3 messages per 30 days, 2 days apart. */
export async function createSamplePolicy(ctx: AppContext, workspaceId: string): Promise<string> {
  const row = await create(ctx, workspaceId, {
    name: `Everyone ${Math.random().toString(36).slice(2, 6)}`,
    position: 0,
    segment: {},
    maxMessages: 3,
    windowHours: 720,
    minGapHours: 48,
  });
  return row.id;
}

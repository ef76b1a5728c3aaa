import { z } from 'zod';
import { defineJob } from '../../jobs/job.ts';
import { JobQueue } from '../../jobs/queue.ts';
import { SYSTEM_ACTOR } from '../audit/audit.service.ts';
import { startReanalysis } from '../feedback-analysis/reanalysis.service.ts';
import { seedDemo } from './demo.seed.ts';

/**
 * Fills a new workspace with demo data (enqueued by the first-start setup when "demo" is ticked).
 * Safe to run twice: seeding skips a workspace that already has feedback.
 */
export const demoSeedJob = defineJob({
  name: 'demo.seed',
  payload: z.object({ items: z.number().int().min(1).max(100_000).optional() }),
  maxAttempts: 3,
  async handler(payload, { db, workspaceId, log }) {
    if (!workspaceId) throw new Error('demo.seed needs a workspace');
    const started = Date.now();
    const counts = await seedDemo(db, workspaceId, { items: payload.items });
    log.info({ workspaceId, ...counts, ms: Date.now() - started }, 'demo workspace seeded');
    // Demo feedback is written directly, not through ingest: analyse it (then theme it) in the
    // background, as a re-analysis run the settings page shows with its progress.
    if (counts.feedback > 0)
      await startReanalysis({ db, jobs: new JobQueue(db) }, workspaceId, 'outdated', SYSTEM_ACTOR);
  },
});

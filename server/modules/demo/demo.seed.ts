import type { Db } from '../../db/client.ts';
import { generateDemoData } from './demo.generate.ts';
import { customerRows } from '../feedback/feedback.service.ts';
import { demoDirectory } from './demo.directory.ts';
import { seedDemoLoops } from './demo.loops.ts';
import * as repo from './demo.repository.ts';

export interface SeedDemoOptions {
  /** Feedback items to create; default 3,000. */
  items?: number;
  /** The same seed gives the same workspace (names, texts, scores, ids). */
  seed?: number;
  /** The end of the 18-month period; defaults to the current time. */
  now?: Date;
  /** Called after each inserted batch with rows done and rows in total. */
  onProgress?: (done: number, total: number) => void;
}

export interface SeedDemoCounts {
  touchpoints: number;
  accounts: number;
  contacts: number;
  feedback: number;
  /** Staff teams, people and tracked names (brand, products, features, competitors). */
  directory: number;
  /** Case rules, and past cases of detractors (see demo.loops.ts). */
  caseRules: number;
  cases: number;
}

export const DEFAULT_DEMO_ITEMS = 3000;
export const DEFAULT_DEMO_SEED = 20_240_917;
const BATCH_SIZE = 500;
const NOTHING: SeedDemoCounts = {
  touchpoints: 0,
  accounts: 0,
  contacts: 0,
  feedback: 0,
  directory: 0,
  caseRules: 0,
  cases: 0,
};

/**
 * Fills a workspace with a believable B2B SaaS customer history so the product looks alive on
 * first start. Idempotent: a workspace that already has feedback is left alone, and everything
 * is written in one transaction, so a crashed run leaves nothing behind for its retry to trip on.
 */
export async function seedDemo(
  db: Db,
  workspaceId: string,
  options: SeedDemoOptions = {},
): Promise<SeedDemoCounts> {
  const items = options.items ?? DEFAULT_DEMO_ITEMS;
  if (!Number.isInteger(items) || items < 0) throw new Error('items must be a whole number ≥ 0');
  // A cheap check first, so a retried job does not build 3,000 rows just to throw them away.
  if (await repo.workspaceHasFeedback(db, workspaceId)) return { ...NOTHING };
  const data = generateDemoData(workspaceId, {
    items,
    seed: options.seed ?? DEFAULT_DEMO_SEED,
    now: options.now ?? new Date(),
  });
  const total =
    data.touchpoints.length + data.accounts.length + data.contacts.length + data.feedback.length;

  return db.transaction(async (tx) => {
    const txDb = tx as unknown as Db;
    await repo.lockWorkspaceSeeding(txDb, workspaceId);
    if (await repo.workspaceHasFeedback(txDb, workspaceId)) return { ...NOTHING };
    let done = 0;
    const inBatches = async <Row>(
      rows: Row[],
      insert: (db: Db, batch: Row[]) => Promise<number>,
    ) => {
      let inserted = 0;
      for (let index = 0; index < rows.length; index += BATCH_SIZE) {
        const batch = rows.slice(index, index + BATCH_SIZE);
        inserted += await insert(txDb, batch);
        done += batch.length;
        options.onProgress?.(done, total);
      }
      return inserted;
    };
    // Parents before children: contacts refer to accounts, feedback to all three.
    const touchpoints = await inBatches(data.touchpoints, customerRows.insertTouchpoints);
    const accounts = await inBatches(data.accounts, customerRows.insertAccounts);
    const contacts = await inBatches(data.contacts, customerRows.insertContacts);
    const feedback = await inBatches(data.feedback, customerRows.insertFeedback);
    const directory = await repo.insertDirectory(txDb, workspaceId, demoDirectory());
    const loops = await seedDemoLoops(txDb, workspaceId, options.now ?? new Date());
    return { touchpoints, accounts, contacts, feedback, directory, ...loops };
  });
}

import type { Command } from 'commander';
import { z } from 'zod';
import type { Db } from '../../server/db/client.ts';
import { recordAudit, SYSTEM_ACTOR } from '../../server/modules/audit/audit.service.ts';
import { DEFAULT_DEMO_ITEMS, seedDemo } from '../../server/modules/demo/demo.seed.ts';
import { insertWorkspace } from '../../server/modules/workspaces/workspaces.repository.ts';
import { getWorkspace } from '../../server/modules/workspaces/workspaces.service.ts';
import type { CliContext } from '../context.ts';
import { progressBar } from './progress.ts';

const options = z.object({
  workspace: z.uuid().optional(),
  name: z.string().trim().min(1).max(120).default('Demo Co'),
  items: z.coerce.number().int().min(1).max(1_000_000).default(DEFAULT_DEMO_ITEMS),
  seed: z.coerce.number().int().min(0).max(4_294_967_295).optional(),
});

/** A workspace with nobody in it yet; `hearken user create --workspace <id>` adds people. */
async function createDemoWorkspace(cli: CliContext, name: string) {
  return cli.ctx.db.transaction(async (tx) => {
    const db = tx as unknown as Db;
    const workspace = await insertWorkspace(db, name);
    const target = { type: 'workspace', id: workspace.id };
    await recordAudit(db, workspace.id, SYSTEM_ACTOR, 'workspace.created', target, { demo: true });
    return workspace;
  });
}

/** `hearken seed demo`: a realistic demo workspace (18 months of feedback), in a new or given workspace. */
export function registerSeedCommand(program: Command, open: () => Promise<CliContext>): void {
  program
    .command('seed')
    .description('fill a workspace with generated data')
    .command('demo')
    .description('create a demo workspace with 18 months of realistic customer feedback')
    .option('--workspace <id>', 'seed this workspace instead of creating one')
    .option('--name <name>', 'name of the workspace to create', 'Demo Co')
    .option('--items <n>', 'number of feedback items', String(DEFAULT_DEMO_ITEMS))
    .option('--seed <n>', 'random seed; the same seed gives the same data')
    .action(async (raw: Record<string, string | undefined>) => {
      const input = options.parse(raw);
      const cli = await open();
      try {
        const workspace = input.workspace
          ? await getWorkspace(cli.ctx, input.workspace)
          : await createDemoWorkspace(cli, input.name);
        const bar = progressBar('Seeding', 'rows');
        const started = Date.now();
        const counts = await seedDemo(cli.ctx.db, workspace.id, {
          items: input.items,
          seed: input.seed,
          onProgress: (done, total) => bar.update(done, total),
        }).finally(() => bar.stop());
        const seconds = ((Date.now() - started) / 1000).toFixed(1);
        if (counts.feedback === 0) {
          process.stderr.write('The workspace already has feedback, so nothing was added.\n');
        }
        process.stdout.write(
          `Workspace ${workspace.id} (${workspace.name}): ${counts.touchpoints} touchpoints, ` +
            `${counts.accounts} accounts, ${counts.contacts} contacts, ${counts.feedback} feedback items ` +
            `added in ${seconds} s.\n`,
        );
        if (!input.workspace) {
          process.stdout.write(
            `Add yourself to it: hearken user create --email you@example.com --workspace ${workspace.id}\n`,
          );
        }
      } finally {
        await cli.close();
      }
    });
}

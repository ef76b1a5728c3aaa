import type { Command } from 'commander';
import { z } from 'zod';
import { REANALYSIS_SCOPES } from '../../server/db/schema/index.ts';
import { SYSTEM_ACTOR } from '../../server/modules/audit/audit.service.ts';
import {
  allWorkspaceIds,
  continueRun,
  startReanalysis,
} from '../../server/modules/feedback-analysis/reanalysis.service.ts';
import type { CliContext } from '../context.ts';
import { progressBar } from './progress.ts';

const options = z.object({
  workspace: z.uuid().optional(),
  scope: z.enum(REANALYSIS_SCOPES).default('outdated'),
});

/**
 * `hearken reanalyze`: analyses a workspace's feedback again (or every workspace's), in this
 * process, with a progress bar. It joins a run already going (started from the API or by an
 * earlier, interrupted command) and resumes where that run is, so Ctrl-C loses at most a chunk.
 */
export function registerReanalyzeCommand(program: Command, open: () => Promise<CliContext>): void {
  program
    .command('reanalyze')
    .description('analyse feedback again: after an upgrade of the analysers or a directory change')
    .option('--workspace <id>', 'only this workspace (default: every workspace)')
    .option('--scope <scope>', 'outdated (not analysed by this version) or all', 'outdated')
    .action(async (raw: Record<string, string | undefined>) => {
      const input = options.parse(raw);
      const cli = await open();
      const abort = new AbortController();
      const stop = () => abort.abort();
      process.once('SIGINT', stop);
      try {
        const workspaces = input.workspace ? [input.workspace] : await allWorkspaceIds(cli.ctx.db);
        for (const workspaceId of workspaces) {
          if (abort.signal.aborted) break;
          const { run, started } = await startReanalysis(
            cli.ctx,
            workspaceId,
            input.scope,
            SYSTEM_ACTOR,
            {
              queue: false,
            },
          );
          const bar = progressBar(`Workspace ${workspaceId.slice(0, 8)}`, 'items');
          const startedAt = Date.now();
          const last = await continueRun(
            { db: cli.ctx.db, log: cli.ctx.log },
            workspaceId,
            run.id,
            {
              signal: abort.signal,
              onProgress: (progress) => bar.update(progress.done + progress.failed, progress.total),
            },
          ).finally(() => bar.stop());
          const seconds = (Date.now() - startedAt) / 1000;
          process.stderr.write(
            `${workspaceId}: ${started ? 'started' : 'resumed'} ${run.scope} re-analysis; ` +
              `${last.done} analysed, ${last.failed} failed (queued as analysis jobs) of ${last.total}, ` +
              `${last.state === 'done' ? 'done' : 'stopped; run again to resume'} in ${seconds.toFixed(1)} s.\n`,
          );
          if (last.failed > 0) process.exitCode = 1;
        }
      } finally {
        process.off('SIGINT', stop);
        await cli.close();
      }
    });
}

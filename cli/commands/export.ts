import { createWriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import type { Writable } from 'node:stream';
import type { Command } from 'commander';
import { z } from 'zod';
import { SYSTEM_ACTOR } from '../../server/modules/audit/audit.service.ts';
import { countExportRows, exportWorkspace } from '../../server/modules/export/export.service.ts';
import { streamWriter } from '../../server/modules/export/line-stream.ts';
import type { CliContext } from '../context.ts';
import { progressBar } from './progress.ts';

const options = z.object({ workspace: z.uuid(), out: z.string().min(1).optional() });

function finish(out: Writable): Promise<void> {
  return new Promise((resolve, reject) => {
    out.once('error', reject);
    out.end(() => resolve());
  });
}

/** `hearken export`: the whole workspace as JSON lines, to a file or to stdout. */
export function registerExportCommand(program: Command, open: () => Promise<CliContext>): void {
  program
    .command('export')
    .description('export a workspace as JSON lines (to stdout unless --out is given)')
    .requiredOption('--workspace <id>', 'workspace to export')
    .option('--out <file>', 'write to this file instead of stdout')
    .action(async (raw: Record<string, string | undefined>) => {
      const input = options.parse(raw);
      const cli = await open();
      const out = input.out ? createWriteStream(input.out) : process.stdout;
      try {
        const total = await countExportRows(cli.ctx, input.workspace);
        const bar = progressBar('Exporting', 'rows');
        const write = streamWriter(out);
        let written = -1; // the header is not a row
        const started = Date.now();
        const counts = await exportWorkspace(
          cli.ctx,
          input.workspace,
          async (line) => {
            await write(line);
            written += 1;
            if (written <= total && (written % 100 === 0 || written === total))
              bar.update(written, total);
          },
          SYSTEM_ACTOR,
        ).finally(() => bar.stop());
        if (out !== process.stdout) await finish(out);
        const seconds = (Date.now() - started) / 1000;
        const rows = counts.touchpoint + counts.account + counts.contact + counts.feedback;
        process.stderr.write(
          `Exported ${counts.touchpoint} touchpoints, ${counts.account} accounts, ${counts.contact} contacts, ` +
            `${counts.feedback} feedback items, ${counts.member} members and ${counts.api_key_meta} API keys ` +
            `(metadata only) in ${seconds.toFixed(1)} s (${Math.round(rows / Math.max(seconds, 0.001))} rows/s)` +
            `${input.out ? ` to ${input.out}` : ''}.\n`,
        );
      } catch (error) {
        // The reader of stdout went away (`hearken export ... | head`): nothing left to say.
        if (!input.out && (error as NodeJS.ErrnoException).code === 'EPIPE') return;
        if (input.out) {
          out.destroy();
          await rm(input.out, { force: true });
        }
        throw error;
      } finally {
        await cli.close();
      }
    });
}

import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import type { Command } from 'commander';
import { z } from 'zod';
import { SYSTEM_ACTOR } from '../../server/modules/audit/audit.service.ts';
import { importWorkspace } from '../../server/modules/export/export.service.ts';
import type { CliContext } from '../context.ts';
import { progressBar } from './progress.ts';

const options = z.object({ workspace: z.uuid() });

/** `hearken import`: reads an export line by line (memory stays bounded) into a workspace. */
export function registerImportCommand(program: Command, open: () => Promise<CliContext>): void {
  program
    .command('import')
    .description('import a JSON-lines export into a workspace; importing twice adds nothing')
    .argument('<file>', 'a file written by `hearken export`')
    .requiredOption('--workspace <id>', 'workspace to import into')
    .action(async (file: string, raw: Record<string, string | undefined>) => {
      const input = options.parse(raw);
      const size = (await stat(file)).size;
      const cli = await open();
      try {
        const reader = createInterface({ input: createReadStream(file), crlfDelay: Infinity });
        let bytes = 0;
        async function* counted() {
          for await (const line of reader) {
            bytes += Buffer.byteLength(line) + 1;
            yield line;
          }
        }
        const bar = progressBar('Importing', 'bytes');
        const started = Date.now();
        const result = await importWorkspace(
          cli.ctx,
          input.workspace,
          counted(),
          SYSTEM_ACTOR,
          () => bar.update(bytes, size),
        ).finally(() => bar.stop());
        const seconds = (Date.now() - started) / 1000;
        const { touchpoint, account, contact, feedback } = result.imported;
        const rows = touchpoint + account + contact + feedback;
        const reasons = Object.entries(result.skippedReasons).map(
          ([reason, count]) => `\n  ${count} ${reason}`,
        );
        process.stdout.write(
          `Imported ${touchpoint} touchpoints, ${account} accounts, ${contact} contacts and ${feedback} ` +
            `feedback items in ${seconds.toFixed(1)} s (${Math.round(rows / Math.max(seconds, 0.001))} rows/s).\n` +
            `Skipped ${result.skipped} lines${reasons.join('')}\n` +
            `${result.failed} bad lines${result.failed > 0 ? ':' : '.'}\n`,
        );
        for (const error of result.errors)
          process.stdout.write(`  line ${error.line}: ${error.message}\n`);
        if (result.failed > result.errors.length) {
          process.stdout.write(`  ... and ${result.failed - result.errors.length} more\n`);
        }
        if (result.failed > 0) process.exitCode = 1;
      } finally {
        await cli.close();
      }
    });
}

import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import type { Command } from 'commander';
import { z } from 'zod';
import { SYSTEM_ACTOR } from '../../server/modules/audit/audit.service.ts';
import { importWorkspace } from '../../server/modules/export/export.service.ts';
import type { CliContext } from '../context.ts';
import { feedbackImportOptions, runFeedbackImport } from './feedback-import.ts';
import { progressBar } from './progress.ts';

const options = z.object({ workspace: z.uuid() });

/**
 * `hearken import FILE --post ID` imports feedback (CSV, JSON lines, XLSX) into a listening post;
 * `hearken import FILE --workspace ID` without --post restores a workspace export, as before.
 * One name, two jobs, told apart by --post (or --preview), which only a feedback import takes.
 */
export function registerImportCommand(program: Command, open: () => Promise<CliContext>): void {
  feedbackImportOptions(
    program
      .command('import')
      .description(
        'with --post: import feedback from a CSV, JSON-lines or XLSX file (Delighted, Qualtrics, ' +
          'SurveyMonkey, Typeform or Zendesk exports, or any CSV) into a listening post; without ' +
          '--post: restore a `hearken export` file into --workspace. Importing twice adds nothing.',
      )
      .argument('<file>', 'a feedback file, or a file written by `hearken export`'),
  ).action(async (file: string, raw: Record<string, unknown>) => {
    if (raw.post !== undefined || raw.preview === true) return runFeedbackImport(file, raw, open);
    if (raw.workspace === undefined)
      throw new Error(
        'name --post <id> to import feedback into a listening post, or --workspace <id> to ' +
          'restore a `hearken export` file',
      );
    return restoreExport(file, raw, open);
  });
}

/** Reads an export line by line (memory stays bounded) into a workspace. */
async function restoreExport(
  file: string,
  raw: Record<string, unknown>,
  open: () => Promise<CliContext>,
): Promise<void> {
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
    const result = await importWorkspace(cli.ctx, input.workspace, counted(), SYSTEM_ACTOR, () =>
      bar.update(bytes, size),
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
}

import { Command, CommanderError } from 'commander';
import { ZodError } from 'zod';
import { AppError } from '../server/errors.ts';
import { registerAnalyzeCommand } from './commands/analyze.ts';
import { registerApiKeyCommand } from './commands/apikey.ts';
import { registerExportCommand } from './commands/export.ts';
import { registerFeedbackImportCommand } from './commands/feedback-import.ts';
import { registerImportCommand } from './commands/import.ts';
import { registerMigrateCommand } from './commands/migrate.ts';
import { registerReanalyzeCommand } from './commands/reanalyze.ts';
import { registerSeedCommand } from './commands/seed.ts';
import { registerUserCommand } from './commands/user.ts';
import { openCliContext } from './context.ts';

const program = new Command('hearken')
  .description(
    'Hearken: closed-loop customer listening. Uses the same settings as the server (DATA_DIR, DATABASE_URL, ...).',
  )
  .exitOverride();

registerMigrateCommand(program);
registerUserCommand(program, openCliContext);
registerApiKeyCommand(program, openCliContext);
registerSeedCommand(program, openCliContext);
registerExportCommand(program, openCliContext);
registerImportCommand(program, openCliContext);
registerFeedbackImportCommand(program, openCliContext);
registerReanalyzeCommand(program, openCliContext);
registerAnalyzeCommand(program);

function explain(error: unknown): string {
  if (error instanceof ZodError)
    return error.issues.map((issue) => `--${issue.path.join('.')}: ${issue.message}`).join('\n');
  if (error instanceof AppError || error instanceof Error) return error.message;
  return String(error);
}

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof CommanderError) process.exit(error.exitCode);
  process.stderr.write(`hearken: ${explain(error)}\n`);
  process.exit(1);
}

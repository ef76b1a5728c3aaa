import type { Command } from 'commander';
import { loadConfig } from '../../server/config/env.ts';
import { openDatabase } from '../../server/db/client.ts';

export function registerMigrateCommand(program: Command): void {
  program
    .command('migrate')
    .description('apply database migrations (also done on every start)')
    .action(async () => {
      const config = loadConfig();
      const database = await openDatabase({
        databaseUrl: config.DATABASE_URL,
        dataDir: config.DATA_DIR,
        poolMax: 2,
      });
      try {
        await database.migrate();
        process.stdout.write(`Migrations applied (${database.engine}).\n`);
      } finally {
        await database.close();
      }
    });
}

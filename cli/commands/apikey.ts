import type { Command } from 'commander';
import { z } from 'zod';
import { ROLES } from '../../server/db/schema/index.ts';
import { createApiKey } from '../../server/modules/api-keys/api-keys.service.ts';
import { SYSTEM_ACTOR } from '../../server/modules/audit/audit.service.ts';
import { getWorkspace } from '../../server/modules/workspaces/workspaces.service.ts';
import type { CliContext } from '../context.ts';

const options = z.object({
  workspace: z.uuid(),
  name: z.string().min(1).max(120),
  role: z.enum(ROLES),
});

export function registerApiKeyCommand(program: Command, open: () => Promise<CliContext>): void {
  program
    .command('apikey')
    .description('manage API keys')
    .command('create')
    .description('create an API key and print its secret (shown once)')
    .requiredOption('--workspace <id>', 'workspace the key belongs to')
    .requiredOption('--name <name>', 'what the key is for')
    .option('--role <role>', `its role: ${ROLES.join(', ')}`, 'agent')
    .action(async (raw: Record<string, string | undefined>) => {
      const input = options.parse(raw);
      const cli = await open();
      try {
        await getWorkspace(cli.ctx, input.workspace);
        const { apiKey, secret } = await createApiKey(
          cli.ctx,
          input.workspace,
          input,
          SYSTEM_ACTOR,
          'owner',
        );
        process.stderr.write(
          `Created key "${apiKey.name}" (${apiKey.role}). Store it now; it is not shown again:\n`,
        );
        process.stdout.write(`${secret}\n`);
      } finally {
        await cli.close();
      }
    });
}

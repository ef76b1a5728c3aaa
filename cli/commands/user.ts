import type { Command } from 'commander';
import { z } from 'zod';
import { ROLES } from '../../server/db/schema/index.ts';
import { SYSTEM_ACTOR } from '../../server/modules/audit/audit.service.ts';
import {
  createSetPasswordLink,
  createSetupLink,
  findOrCreateUser,
} from '../../server/modules/auth/auth.service.ts';
import { createWorkspaceWithOwner } from '../../server/modules/workspaces/workspaces.service.ts';
import {
  findWorkspace,
  upsertMembership,
} from '../../server/modules/workspaces/workspaces.repository.ts';
import type { Db } from '../../server/db/client.ts';
import type { CliContext } from '../context.ts';

const options = z.object({
  email: z.email().optional(),
  name: z.string().min(1).max(120).optional(),
  workspace: z.uuid().optional(),
  workspaceName: z.string().min(1).max(120).optional(),
  role: z.enum(ROLES).default('owner'),
});

/**
 * `hearken user create`: with no options on a fresh install, prints the same one-time setup link
 * as the first start. With --email, creates (or finds) that person, adds them to a workspace and
 * prints a one-time link where they choose their own password.
 */
export function registerUserCommand(program: Command, open: () => Promise<CliContext>): void {
  program
    .command('user')
    .description('manage people')
    .command('create')
    .description('create a person and print a one-time link to set their password')
    .option('--email <email>', 'their email address')
    .option('--name <name>', 'their name (defaults to the part of the email before @)')
    .option('--workspace <id>', 'add them to this workspace')
    .option('--workspace-name <name>', 'create a new workspace with this name and add them to it')
    .option('--role <role>', `their role: ${ROLES.join(', ')}`, 'owner')
    .action(async (raw: Record<string, string | undefined>) => {
      const input = options.parse(raw);
      const cli = await open();
      try {
        const { ctx } = cli;
        if (!input.email) {
          const link = await createSetupLink(ctx);
          if (!link)
            throw new Error('Hearken already has users: pass --email to create another person.');
          process.stdout.write(`Open this one-time link to create the first owner:\n  ${link}\n`);
          return;
        }
        const result = await ctx.db.transaction(async (tx) => {
          const db = tx as unknown as Db;
          const { user, created } = await findOrCreateUser(db, {
            email: input.email!,
            name: input.name ?? input.email!.split('@')[0]!,
          });
          let workspaceId = input.workspace;
          if (workspaceId && !(await findWorkspace(db, workspaceId)))
            throw new Error(`No workspace ${workspaceId}`);
          if (!workspaceId) {
            const workspace = await createWorkspaceWithOwner(
              db,
              input.workspaceName ?? `${user.name}'s workspace`,
              user.id,
              SYSTEM_ACTOR,
            );
            workspaceId = workspace.id;
          } else {
            await upsertMembership(db, workspaceId, user.id, input.role);
          }
          return { user, created, workspaceId };
        });
        const link = await createSetPasswordLink(ctx, result.user.id);
        process.stdout.write(
          `${result.created ? 'Created' : 'Found'} ${result.user.email} in workspace ${result.workspaceId}.\n` +
            `One-time link to set their password (valid 7 days):\n  ${link}\n`,
        );
      } finally {
        await cli.close();
      }
    });
}

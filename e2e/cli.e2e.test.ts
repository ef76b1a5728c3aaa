import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { startProcess } from './helpers/processes.ts';

const dataDir = mkdtempSync(join(tmpdir(), 'hearken-cli-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

/** Runs `hearken <args>` as a user would (through the package's bin), returning exit code and output. */
async function cli(args: string[]): Promise<{ code: number | null; output: string }> {
  const run = startProcess(process.execPath, ['cli/bin.js', ...args], {
    DATA_DIR: dataDir,
    DATABASE_URL: '',
    PUBLIC_URL: 'https://hearken.example.test',
  });
  const code = await new Promise<number | null>((resolve) => run.child.once('exit', resolve));
  return { code, output: run.output() };
}

it('migrates, prints the setup link, creates a person and an API key, and explains bad options', async () => {
  const migrate = await cli(['migrate']);
  expect(migrate).toMatchObject({ code: 0 });
  expect(migrate.output).toContain('Migrations applied (pglite)');

  const setup = await cli(['user', 'create']);
  expect(setup.code).toBe(0);
  expect(setup.output).toMatch(/https:\/\/hearken\.example\.test\/setup\?token=[\w-]{40,}/);

  const person = await cli([
    'user',
    'create',
    '--email',
    'grace@example.test',
    '--name',
    'Grace',
    '--workspace-name',
    'CLI Co',
  ]);
  expect(person.code).toBe(0);
  const workspaceId = person.output.match(/in workspace ([0-9a-f-]{36})/)?.[1];
  expect(workspaceId).toBeDefined();
  expect(person.output).toMatch(/setup\?token=/);

  const key = await cli([
    'apikey',
    'create',
    '--workspace',
    workspaceId!,
    '--name',
    'ci',
    '--role',
    'viewer',
  ]);
  expect(key.code).toBe(0);
  expect(key.output).toMatch(/^hk_[\w-]{43}$/m);

  const noLongerFresh = await cli(['user', 'create']);
  expect(noLongerFresh.code).toBe(1);
  expect(noLongerFresh.output).toContain('already has users');

  const bad = await cli([
    'apikey',
    'create',
    '--workspace',
    'not-a-uuid',
    '--name',
    'x',
    '--role',
    'emperor',
  ]);
  expect(bad.code).toBe(1);
  expect(bad.output).toMatch(/--workspace/);
  expect(bad.output).toMatch(/--role/);
}, 120_000);

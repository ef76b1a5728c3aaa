import { mkdtempSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import nodemailer from 'nodemailer';
import { expect, it } from 'vitest';
import { queryRows } from '../../db/client.ts';
import { createLogger } from '../../logger.ts';
import { startHearken } from '../../start.ts';
import { testConfig, testPostgresUrl } from '../../test/engines.ts';
import { createTestWorkspace } from '../../test/fixtures.ts';
import { createPost } from '../listening-posts/listening-posts.service.ts';

const refused = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', () => resolve(true));
  });

it('the api role starts the SMTP receiver with SMTP_INBOUND_PORT and stops it with the server', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'hearken-smtp-'));
  // On PostgreSQL only the api role runs, so no worker here takes other tests' jobs.
  const config = testConfig({
    PORT: '0',
    SMTP_INBOUND_PORT: '0',
    HEARKEN_ROLES: 'api',
    DATA_DIR: dataDir,
    ...(testPostgresUrl() ? { DATABASE_URL: testPostgresUrl() } : {}),
  });
  const hearken = await startHearken(config, createLogger(config));
  try {
    const port = hearken.smtpPort;
    if (!port) throw new Error('the SMTP receiver did not start');
    const workspace = await createTestWorkspace(hearken.ctx);
    const address = `hello-${randomBytes(4).toString('hex')}@acme.example`;
    await createPost(hearken.ctx, workspace.id, {
      kind: 'email',
      name: 'Inbox',
      settings: { address },
    });
    const transport = nodemailer.createTransport({ host: '127.0.0.1', port, ignoreTLS: true });
    await transport.sendMail({ from: 'a@example.com', to: address, text: 'It works' });
    transport.close();
    const rows = await queryRows<{ n: number }>(
      hearken.ctx.db,
      sql`SELECT count(*)::int AS n FROM raw_items WHERE workspace_id = ${workspace.id} AND channel = 'email'`,
    );
    expect(rows[0]?.n).toBe(1);
    await hearken.stop();
    expect(await refused(port)).toBe(true);
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
});

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseConfig } from '../../server/config/env.ts';
import { createContext } from '../../server/context.ts';
import { openDatabase } from '../../server/db/client.ts';
import { buildApp } from '../../server/http/app.ts';
import { createLogger } from '../../server/logger.ts';
import { createTestWorkspace } from '../../server/test/fixtures.ts';

/**
 * The API role alone for the HTTP bench, in its own process so the load generator does not share
 * its event loop: `node --import tsx bench/lib/http-server.ts <log-level> [database-url]`.
 * Talks to the parent over IPC: sends `ready` with the URL and credentials, stops on `stop`.
 */
export interface ServerReady {
  type: 'ready';
  url: string;
  apiKey: string;
  cookie: string;
  engine: string;
}

const [logLevel = 'warn', databaseUrl] = process.argv.slice(2);
const dataDir = mkdtempSync(join(tmpdir(), 'hearken-bench-http-'));
const config = parseConfig({ LOG_LEVEL: logLevel, DATA_DIR: dataDir, DATABASE_URL: databaseUrl });
const log = createLogger(config);
// PGlite in memory: the same engine as the default install, without the disk in the figures.
const database = await openDatabase({ databaseUrl, poolMax: config.DATABASE_POOL_MAX });
await database.migrate();
const ctx = createContext(database.db, database.engine, config, log);
const workspace = await createTestWorkspace(ctx, 'Bench Co');
const apiKey = await workspace.apiKey('viewer');
const app = await buildApp(ctx);
const url = await app.listen({ port: 0, host: '127.0.0.1' });

const ready: ServerReady = {
  type: 'ready',
  url,
  apiKey,
  cookie: `hearken_session=${workspace.owner.sessionToken}`,
  engine: database.engine,
};
process.send?.(ready);
process.on('message', (message) => {
  if (message !== 'stop') return;
  void (async () => {
    await app.close();
    await database.close();
    rmSync(dataDir, { recursive: true, force: true });
    process.disconnect?.();
  })();
});

import { loadConfig } from './config/env.ts';
import { createLogger } from './logger.ts';
import { startHearken } from './start.ts';

/** `npm start`: runs the roles named in HEARKEN_ROLES until SIGINT/SIGTERM. */
const config = loadConfig();
const log = createLogger(config);
try {
  const hearken = await startHearken(config, log);
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'shutting down');
    await hearken.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
} catch (error) {
  log.fatal({ err: error }, 'Hearken could not start');
  process.exit(1);
}

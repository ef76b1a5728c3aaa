import { pino, type Logger } from 'pino';
import type { Config } from './config/env.ts';

/** Structured JSON logs. Secrets and personal data are redacted by path, never logged in full. */
export function createLogger(config: Pick<Config, 'LOG_LEVEL'>): Logger {
  return pino({
    level: config.LOG_LEVEL,
    redact: {
      paths: [
        'req.headers.authorization',
        'req.headers.cookie',
        'res.headers["set-cookie"]',
        '*.password',
        '*.token',
      ],
      censor: '[redacted]',
    },
  });
}

import { inject } from 'vitest';

/** Whether a PostgreSQL server is available for multi-process tests (DATABASE_URL was set). */
export const postgresAvailable = () => Boolean(inject('postgresUrl'));

export {
  createPrivatePostgres as createPrivateDatabase,
  type PrivatePostgres as PrivateDatabase,
} from '../../server/test/engines.ts';

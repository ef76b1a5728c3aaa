import { defineConfig } from 'vitest/config';

/**
 * Four projects, by file name:
 *   unit  *.test.ts              pure functions, no database
 *   db    *.db.test.ts           repositories and services on PGlite and PostgreSQL
 *   api   *.api.test.ts          the HTTP app through inject, on both engines
 *   e2e   e2e/**\/*.e2e.test.ts   real processes and a real browser
 */
export default defineConfig({
  test: {
    globalSetup: ['server/test/global-setup.ts'],
    reporters: ['default'],
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['server/**/*.test.ts', 'cli/**/*.test.ts', 'web/**/*.test.ts'],
          exclude: ['**/*.db.test.ts', '**/*.api.test.ts', '**/node_modules/**'],
        },
      },
      {
        extends: true,
        test: {
          name: 'db',
          include: ['server/**/*.db.test.ts', 'cli/**/*.db.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'api',
          include: ['server/**/*.api.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['e2e/**/*.e2e.test.ts'],
          testTimeout: 300_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});

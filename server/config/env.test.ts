import { expect, it } from 'vitest';
import { parseConfig } from './env.ts';

it('has the documented defaults', () => {
  const config = parseConfig({});
  expect(config).toMatchObject({
    PORT: 3000,
    DATA_DIR: './data',
    HEARKEN_ROLES: ['api', 'worker', 'scheduler'],
    PUBLIC_URL: 'http://localhost:3000',
    secureCookies: false,
  });
  expect(config.DATABASE_URL).toBeUndefined();
});

it('derives secure cookies from an https public URL and parses roles', () => {
  const config = parseConfig({
    PUBLIC_URL: 'https://feedback.example.com/',
    HEARKEN_ROLES: 'worker, scheduler',
  });
  expect(config.secureCookies).toBe(true);
  expect(config.PUBLIC_URL).toBe('https://feedback.example.com');
  expect(config.HEARKEN_ROLES).toEqual(['worker', 'scheduler']);
});

it('explains every invalid setting', () => {
  expect(() => parseConfig({ PORT: 'eighty', HEARKEN_ROLES: 'api,chef' })).toThrow(
    /PORT[\s\S]*HEARKEN_ROLES/,
  );
});

it('treats an empty variable as unset', () => {
  const config = parseConfig({ DATABASE_URL: '', PORT: '' });
  expect(config.DATABASE_URL).toBeUndefined();
  expect(config.PORT).toBe(3000);
});

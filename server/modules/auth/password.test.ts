import { expect, it } from 'vitest';
import { hashPassword, verifyPassword } from './password.ts';

it('hashes with scrypt and a per-password salt, and verifies only the right password', async () => {
  const first = await hashPassword('correct horse battery staple');
  const second = await hashPassword('correct horse battery staple');
  expect(first).toMatch(/^scrypt\$65536\$8\$1\$/);
  expect(first).not.toBe(second);
  expect(await verifyPassword('correct horse battery staple', first)).toBe(true);
  expect(await verifyPassword('correct horse battery stapler', first)).toBe(false);
  expect(await verifyPassword('anything', 'not-a-hash')).toBe(false);
});

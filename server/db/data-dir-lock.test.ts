import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { lockDataDir } from './data-dir-lock.ts';

const dirs: string[] = [];
const freshDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'hearken-lock-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

it('keeps a second process out while the first holds the data directory', () => {
  const dir = freshDir();
  // The test runner's parent process is alive and is not us: it stands in for a running server.
  writeFileSync(join(dir, 'hearken.lock'), String(process.ppid));
  expect(() => lockDataDir(dir)).toThrow(/Another Hearken process \(pid \d+\)/);
});

it('takes over a lock left by a process that died, and releases it', () => {
  const dir = freshDir();
  writeFileSync(join(dir, 'hearken.lock'), '999999999');
  const unlock = lockDataDir(dir);
  expect(readFileSync(join(dir, 'hearken.lock'), 'utf8')).toBe(String(process.pid));
  unlock();
  expect(existsSync(join(dir, 'hearken.lock'))).toBe(false);
});

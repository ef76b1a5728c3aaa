import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';
import { afterAll, expect, it } from 'vitest';

const LIMIT_BYTES = 15 * 1024;
const outDir = mkdtempSync(join(tmpdir(), 'hearken-widget-'));
afterAll(() => rmSync(outDir, { recursive: true, force: true }));

it('builds into one self-contained script under 15 KB gzipped', async () => {
  await build({
    configFile: fileURLToPath(new URL('./vite.config.ts', import.meta.url)),
    build: { outDir, emptyOutDir: true },
    logLevel: 'silent',
  });
  const script = readFileSync(join(outDir, 'widget.js'));
  const gzipped = gzipSync(script, { level: 9 }).length;
  console.info(`widget.js: ${script.length} bytes, ${gzipped} bytes gzipped`);
  expect(gzipped).toBeLessThan(LIMIT_BYTES);
  const source = script.toString('utf8');
  // An IIFE a plain <script> can run: no module syntax, no dashboard code, no HTML parsing of data.
  expect(source.startsWith('(function')).toBe(true);
  expect(source).not.toMatch(/\bimport\s*[({"'`]|\bexport\s/);
  expect(source).not.toMatch(/react|echarts/i);
  expect(source).not.toMatch(/innerHTML|outerHTML|insertAdjacentHTML|document\.write/);
}, 60_000);

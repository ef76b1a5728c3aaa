import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

/**
 * The embeddable widget: one self-contained IIFE at dist/web/widget.js, built after the
 * dashboard (whose build empties dist/web) and sharing none of its code.
 */
export default defineConfig({
  publicDir: false,
  build: {
    outDir: fileURLToPath(new URL('../../dist/web', import.meta.url)),
    emptyOutDir: false,
    target: 'es2020',
    lib: {
      entry: fileURLToPath(new URL('./widget.ts', import.meta.url)),
      formats: ['iife'],
      name: 'HearkenWidget',
      fileName: () => 'widget.js',
    },
  },
});

import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import fastifyStatic from '@fastify/static';
import { setWidgetScriptHeaders } from '../modules/widget/widget-script.ts';

export const WEB_ROOT = fileURLToPath(new URL('../../dist/web', import.meta.url));

/** Serves the built dashboard; unknown non-API paths fall back to index.html (client routing). */
export async function registerWeb(app: FastifyInstance): Promise<void> {
  if (!existsSync(`${WEB_ROOT}/index.html`)) {
    app.log.warn('dist/web is missing: run `npm run build:web` to serve the dashboard');
  }
  await app.register(fastifyStatic, {
    root: WEB_ROOT,
    wildcard: false,
    index: 'index.html',
    setHeaders: setWidgetScriptHeaders,
  });
}

import { basename } from 'node:path';
import type { FastifyReply } from 'fastify';

/**
 * Headers for /widget.js, served from dist/web with the dashboard. Other sites load it, so it
 * must not carry the same-origin resource policy the rest of the app has; customers embed a
 * fixed URL, so it is cached for an hour and revalidated by ETag rather than cached forever.
 */
export function setWidgetScriptHeaders(reply: FastifyReply, filePath: string): void {
  if (basename(filePath) !== 'widget.js') return;
  void reply.header('cache-control', 'public, max-age=3600, stale-while-revalidate=86400');
  void reply.header('cross-origin-resource-policy', 'cross-origin');
  void reply.header('access-control-allow-origin', '*');
}

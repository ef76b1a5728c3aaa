import type { Db } from '../../db/client.ts';
import { compileDirectory } from '../analysis/analyse.ts';
import { directoryVersion, loadDirectory } from '../staff-directory/staff-directory.service.ts';

export type CompiledDirectory = ReturnType<typeof compileDirectory>;

/** Workspaces whose compiled directory a worker keeps; the least recently used goes first. */
const MAX_CACHED = 200;
const cache = new Map<string, { version: number; matcher: CompiledDirectory }>();

/**
 * The workspace's directory compiled for mention matching, recompiled only when its version
 * moved: each job run costs one indexed read of the version instead of loading and compiling
 * every name and alias again.
 */
export async function compiledDirectory(db: Db, workspaceId: string): Promise<CompiledDirectory> {
  const version = await directoryVersion(db, workspaceId);
  const cached = cache.get(workspaceId);
  if (cached && cached.version === version) {
    cache.delete(workspaceId);
    cache.set(workspaceId, cached);
    return cached.matcher;
  }
  const loaded = await loadDirectory(db, workspaceId);
  const entry = { version: loaded.version, matcher: compileDirectory(loaded.directory) };
  cache.delete(workspaceId);
  cache.set(workspaceId, entry);
  if (cache.size > MAX_CACHED) cache.delete(cache.keys().next().value!);
  return entry.matcher;
}

/** For tests: how many workspaces are cached, and which version each holds. */
export function cachedDirectoryVersion(workspaceId: string): number | undefined {
  return cache.get(workspaceId)?.version;
}

import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Embedded PGlite is a database inside one process: two processes opening the same DATA_DIR would
 * corrupt it. A lock file with the owner's pid keeps a second server or a CLI command out; a lock
 * left by a process that no longer exists (a crash, SIGKILL) is taken over.
 */
export function lockDataDir(dataDir: string): () => void {
  const path = join(dataDir, 'hearken.lock');
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      const fd = openSync(path, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return () => rmSync(path, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = Number(readFileSync(path, 'utf8'));
      if (owner && owner !== process.pid && isAlive(owner)) {
        throw new Error(
          `Another Hearken process (pid ${owner}) is using ${dataDir}. Embedded PGlite serves one process: ` +
            'stop that process first, or set DATABASE_URL to a PostgreSQL server to run several.',
          { cause: error },
        );
      }
      rmSync(path, { force: true });
    }
  }
  throw new Error(`Could not lock ${dataDir}`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { PROTOCOL_PREFIX, type ChildReport } from './noop-job.ts';

const CHILD_SCRIPT = fileURLToPath(new URL('./jobs-worker.ts', import.meta.url));

export interface WorkerProcess {
  pid: number | undefined;
  start(): void;
  /** Stops the worker and returns what it ran. */
  stop(): Promise<ChildReport>;
  /** Ends the process if it is still running (after a failure). */
  kill(): void;
}

/**
 * Spawns a worker in a separate Node process (`node --import tsx bench/lib/jobs-worker.ts`)
 * and resolves once it has connected and is ready to claim.
 */
export function spawnWorkerProcess(
  databaseUrl: string,
  readyTimeoutMs = 30_000,
): Promise<WorkerProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD_SCRIPT, databaseUrl], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const lines = createInterface({ input: child.stdout });
  let onReport: ((report: ChildReport) => void) | undefined;
  let exited = false;
  child.once('exit', () => (exited = true));

  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`worker process was not ready within ${readyTimeoutMs} ms`));
    }, readyTimeoutMs);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`worker process exited early with code ${code}`));
    });
    lines.on('line', (line) => {
      if (!line.startsWith(PROTOCOL_PREFIX)) {
        process.stderr.write(`  [worker ${child.pid}] ${line}\n`);
        return;
      }
      const message = line.slice(PROTOCOL_PREFIX.length);
      if (message === 'ready') {
        clearTimeout(timer);
        resolve({
          pid: child.pid,
          start: () => child.stdin.write('start\n'),
          stop: () =>
            new Promise<ChildReport>((resolveStop, rejectStop) => {
              onReport = resolveStop;
              child.once('exit', () =>
                rejectStop(new Error('worker process exited without a report')),
              );
              child.stdin.write('stop\n');
            }),
          kill: () => {
            if (!exited) child.kill('SIGKILL');
          },
        });
      } else if (message.startsWith('report ')) {
        onReport?.(JSON.parse(message.slice('report '.length)) as ChildReport);
        child.stdin.end();
      }
    });
  });
}

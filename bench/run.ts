import { readdirSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

/**
 * `npm run bench -- <name> [args]` runs `bench/<name>.ts`; `npm run bench` lists the benches.
 * A bench module exports `description` (one line) and `main(args)`.
 */
interface BenchModule {
  description?: string;
  main(args: string[]): Promise<void>;
}

const benchDir = fileURLToPath(new URL('.', import.meta.url));
const NAME = /^[a-z0-9][a-z0-9-]*$/;

function benchNames(): string[] {
  return readdirSync(benchDir)
    .filter((file) => file.endsWith('.ts') && file !== 'run.ts')
    .map((file) => file.slice(0, -'.ts'.length))
    .filter((name) => NAME.test(name))
    .sort();
}

async function load(name: string): Promise<BenchModule> {
  const module = (await import(
    pathToFileURL(`${benchDir}${name}.ts`).href
  )) as Partial<BenchModule>;
  if (typeof module.main !== 'function') throw new Error(`bench/${name}.ts does not export main()`);
  return module as BenchModule;
}

async function list(): Promise<void> {
  process.stdout.write('Benchmarks (run one with `npm run bench -- <name> [args]`):\n\n');
  const names = benchNames();
  const width = Math.max(...names.map((name) => name.length));
  for (const name of names) {
    let description: string;
    try {
      description = (await load(name)).description ?? '';
    } catch (error) {
      description = `(cannot load: ${error instanceof Error ? error.message.split('\n')[0] : String(error)})`;
    }
    process.stdout.write(`  ${name.padEnd(width)}  ${description}\n`);
  }
}

const [name, ...args] = process.argv.slice(2);
if (!name || name === '--help' || name === '-h') {
  await list();
} else if (!benchNames().includes(name)) {
  process.stderr.write(`Unknown bench "${name}". Known: ${benchNames().join(', ')}\n`);
  process.exitCode = 2;
} else {
  try {
    await (await load(name)).main(args);
  } catch (error) {
    process.stderr.write(
      `bench ${name} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exitCode = 1;
  }
}

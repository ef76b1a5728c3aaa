/** Output helpers shared by every bench: an aligned table, notes, and the final figures line. */
import { cpus, loadavg } from 'node:os';

export type Cell = string | number | null | undefined;

const NUMERIC = /^[-+]?[\d,]+(\.\d+)?\s*[a-z%/]*$/i;

function cellText(cell: Cell): string {
  if (cell === null || cell === undefined) return '—';
  return typeof cell === 'number' ? formatNumber(cell) : cell;
}

/** Thousands separators, and decimals only where the value is small enough for them to matter. */
export function formatNumber(value: number, digits?: number): string {
  if (!Number.isFinite(value)) return String(value);
  const fraction =
    digits ??
    (Number.isInteger(value) || Math.abs(value) >= 100 ? 0 : Math.abs(value) >= 10 ? 1 : 2);
  return value.toLocaleString('en-US', {
    minimumFractionDigits: fraction,
    maximumFractionDigits: fraction,
  });
}

/** Prints a table with a header rule; numeric columns are right-aligned, text left-aligned. */
export function printTable(title: string, headers: string[], rows: Cell[][]): void {
  const text = rows.map((row) => headers.map((_, index) => cellText(row[index])));
  const widths = headers.map((header, index) =>
    Math.max(header.length, ...text.map((row) => (row[index] ?? '').length)),
  );
  const numeric = headers.map(
    (_, index) =>
      text.length > 0 && text.every((row) => NUMERIC.test(row[index] ?? '') || row[index] === '—'),
  );
  const line = (cells: string[]) =>
    cells
      .map((cell, index) => {
        const width = widths[index] ?? 0;
        return numeric[index] ? cell.padStart(width) : cell.padEnd(width);
      })
      .join('  ')
      .trimEnd();
  process.stdout.write(`\n${title}\n\n`);
  process.stdout.write(`${line(headers)}\n`);
  process.stdout.write(`${widths.map((width) => '-'.repeat(width)).join('  ')}\n`);
  for (const row of text) process.stdout.write(`${line(row)}\n`);
  process.stdout.write('\n');
}

/** A line of context under a table (what was measured, what was skipped and why). */
export function note(message: string): void {
  process.stdout.write(`  note: ${message}\n`);
}

/** The machine and its load, since every figure depends on them. */
export function noteMachine(): void {
  const load = loadavg()
    .map((value) => value.toFixed(2))
    .join(' / ');
  const cpu = cpus()[0]?.model.trim() ?? 'unknown CPU';
  note(
    `machine: ${cpus().length} × ${cpu}, Node ${process.version}, load average ${load} (1/5/15 min)`,
  );
}

/** Progress for long phases, on stderr so stdout stays a clean report. */
export function progress(message: string): void {
  process.stderr.write(`  … ${message}\n`);
}

/**
 * The last line of every bench: `key=value` pairs, machine-readable. Numbers are printed without
 * separators; a figure that could not be measured is printed as `na`.
 */
export function printFigures(figures: Record<string, number | string | null | undefined>): void {
  const pairs = Object.entries(figures).map(([key, value]) => {
    if (value === null || value === undefined) return `${key}=na`;
    if (typeof value === 'number') {
      return `${key}=${Number.isInteger(value) ? value : Number(value.toFixed(2))}`;
    }
    return `${key}=${value}`;
  });
  process.stdout.write(`${pairs.join(' ')}\n`);
}

/** Per-second rate from a count and a duration in milliseconds. */
export function perSecond(count: number, ms: number): number {
  return ms > 0 ? Math.round((count * 1000) / ms) : 0;
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  if (sorted.length === 0) return Number.NaN;
  return sorted.length % 2 === 1
    ? (sorted[middle] ?? Number.NaN)
    : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

/** Reads `--name=value` from a bench's arguments as a positive integer. */
export function intArg(args: string[], name: string, fallback: number): number {
  const prefix = `--${name}=`;
  const raw = args.find((arg) => arg.startsWith(prefix))?.slice(prefix.length);
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0) {
    throw new Error(`--${name} must be a positive integer, got "${raw}"`);
  }
  return value;
}

export function flagArg(args: string[], name: string): boolean {
  return args.includes(`--${name}`);
}

import { detectMapping } from './mapping.ts';
import { readHeader } from './vendors.ts';

/** Header rows and data rows, as a CSV parser would give them. */
export function detect(
  records: string[][],
  explicit?: Record<string, never> | Parameters<typeof detectMapping>[2],
) {
  const header = readHeader(records.slice(0, 3));
  return { header, ...detectMapping(header, records.slice(header.headerRows), explicit) };
}

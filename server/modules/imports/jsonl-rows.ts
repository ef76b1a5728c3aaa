/** Longest line read; a longer one is reported as a bad row and its content is not kept. */
export const MAX_LINE_CHARS = 16 * 1024 * 1024;

export type JsonLineEvent =
  | { type: 'record'; line: number; value: Record<string, unknown> }
  | { type: 'error'; line: number; message: string };

function parseLine(text: string, line: number): JsonLineEvent {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return {
      type: 'error',
      line,
      message: `not valid JSON: ${error instanceof Error ? error.message : String(error)}`,
    };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return { type: 'error', line, message: 'not a JSON object' };
  return { type: 'record', line, value: value as Record<string, unknown> };
}

/**
 * Splits JSON-lines text into objects, one a line, numbering lines from 1 and skipping blank
 * ones. A line longer than the limit is reported, not held in memory: the reader keeps only
 * the line being read.
 */
export async function* readJsonLines(
  text: AsyncIterable<string | Buffer>,
): AsyncGenerator<JsonLineEvent> {
  let partial = '';
  let line = 1;
  let tooLong = false;
  const finish = (content: string): JsonLineEvent | undefined => {
    const current = line++;
    if (tooLong) {
      tooLong = false;
      return {
        type: 'error',
        line: current,
        message: `line longer than ${MAX_LINE_CHARS.toLocaleString('en')} characters`,
      };
    }
    const trimmed = content.replace(/^\uFEFF/, '').trim();
    return trimmed === '' ? undefined : parseLine(trimmed, current);
  };
  for await (const chunk of text) {
    const piece = chunk.toString();
    let start = 0;
    for (let end = piece.indexOf('\n'); end !== -1; end = piece.indexOf('\n', start)) {
      const event = finish(partial + piece.slice(start, end));
      partial = '';
      start = end + 1;
      if (event) yield event;
    }
    if (!tooLong) partial += piece.slice(start);
    if (partial.length > MAX_LINE_CHARS) {
      tooLong = true;
      partial = '';
    }
  }
  if (partial !== '' || tooLong) {
    const last = finish(partial);
    if (last) yield last;
  }
}

/**
 * Flattens an object into `{ "dotted.path": "text" }`, so a JSON line with nested objects can be
 * mapped like a CSV row (`person.email`). Arrays are kept as JSON text.
 */
export function flattenObject(value: Record<string, unknown>, prefix = ''): Record<string, string> {
  const flat: Record<string, string> = {};
  for (const [key, entry] of Object.entries(value)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (entry === null || entry === undefined) flat[path] = '';
    else if (typeof entry === 'object' && !Array.isArray(entry))
      Object.assign(flat, flattenObject(entry as Record<string, unknown>, path));
    else if (typeof entry === 'object') flat[path] = JSON.stringify(entry);
    else flat[path] = String(entry);
  }
  return flat;
}

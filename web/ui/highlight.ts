/**
 * Splits a text into runs for highlighting overlapping spans (a sentence's mood, a mention inside
 * it, a key phrase inside that). Each run carries every mark that covers it, so the view can
 * layer styles without ever building HTML from the customer's text.
 */
export interface Mark<Kind extends string = string> {
  start: number;
  end: number;
  kind: Kind;
  /** Shown as a tooltip and read by screen readers, e.g. "Mention of Samantha Reed (positive)". */
  label: string;
  /** A style hint such as "positive" or "negative". */
  tone?: string;
}

export interface Run<Kind extends string = string> {
  start: number;
  end: number;
  text: string;
  marks: Mark<Kind>[];
}

export function highlightRuns<Kind extends string>(
  text: string,
  marks: readonly Mark<Kind>[],
): Run<Kind>[] {
  const valid = marks
    .map((mark) => ({
      ...mark,
      start: safeBoundary(text, clamp(mark.start, text.length)),
      end: safeBoundary(text, clamp(mark.end, text.length)),
    }))
    .filter((mark) => mark.end > mark.start);
  const cuts = new Set([0, text.length]);
  for (const mark of valid) {
    cuts.add(mark.start);
    cuts.add(mark.end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const byStart = [...valid].sort((a, b) => a.start - b.start);
  const runs: Run<Kind>[] = [];
  let active: Mark<Kind>[] = [];
  let next = 0;
  for (let index = 0; index < points.length - 1; index += 1) {
    const start = points[index]!;
    const end = points[index + 1]!;
    active = active.filter((mark) => mark.end > start);
    while (next < byStart.length && byStart[next]!.start <= start) active.push(byStart[next++]!);
    runs.push({ start, end, text: text.slice(start, end), marks: [...active] });
  }
  return runs;
}

const clamp = (value: number, length: number) =>
  Number.isFinite(value) ? Math.min(Math.max(Math.trunc(value), 0), length) : 0;

/** Never cut between the halves of a surrogate pair (an emoji): move the cut after it. */
function safeBoundary(text: string, at: number): number {
  const code = text.charCodeAt(at - 1);
  return code >= 0xd800 && code <= 0xdbff && at < text.length ? at + 1 : at;
}

export interface Excerpt {
  text: string;
  /** Where the focus span sits in `text`, or null when there is none. */
  focus: { start: number; end: number } | null;
}

const ELLIPSIS = '…';
/** How far from an edge a space may be to cut there instead of inside a word. */
const WORD_SLACK = 30;

/** Moves a cut off the second half of a surrogate pair (an emoji), so it is never split. */
function safe(text: string, at: number, direction: -1 | 1): number {
  const code = text.charCodeAt(at);
  return code >= 0xdc00 && code <= 0xdfff ? at + direction : at;
}

/**
 * At most `max` characters of `text` around the focus span, cut at spaces where it can and
 * marked with ellipses, so a long e-mail shows the sentence that made it a quote. A focus
 * longer than `max` keeps its beginning.
 */
export function excerpt(
  text: string,
  focusStart: number | null,
  focusEnd: number | null,
  max = 280,
): Excerpt {
  const focus =
    focusStart !== null &&
    focusEnd !== null &&
    focusStart >= 0 &&
    focusEnd <= text.length &&
    focusStart < focusEnd
      ? { start: focusStart, end: focusEnd }
      : null;
  if (text.length <= max) return { text, focus };

  const start = focus?.start ?? 0;
  const end = focus ? Math.min(focus.end, focus.start + max) : 0;
  const room = max - (end - start);
  let from = Math.max(0, start - Math.floor(room / 2));
  let to = Math.min(text.length, from + max);
  from = Math.max(0, to - max);
  if (from > 0) {
    const space = text.indexOf(' ', from);
    if (space !== -1 && space < start && space - from < WORD_SLACK) from = space + 1;
  }
  if (to < text.length) {
    const space = text.lastIndexOf(' ', to);
    if (space >= end && to - space < WORD_SLACK) to = space;
  }
  from = safe(text, from, 1);
  to = safe(text, to, -1);

  const before = from > 0 ? ELLIPSIS : '';
  const after = to < text.length ? ELLIPSIS : '';
  const shift = (at: number) => Math.min(Math.max(at, from), to) - from + before.length;
  return {
    text: before + text.slice(from, to) + after,
    focus: focus && shift(end) > shift(start) ? { start: shift(start), end: shift(end) } : null,
  };
}

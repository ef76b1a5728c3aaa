/**
 * Analysis works on a bounded prefix so a 1 MB message costs no more than a long email: the
 * analysers are linear, and this bound keeps each call within a few milliseconds.
 */
export const MAX_ANALYSED_CHARS = 20_000;

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * The text analysers see: lone UTF-16 surrogates (invalid text from broken clients) become
 * U+FFFD, which keeps the length and so every offset, and the text is cut to the bound without
 * splitting a surrogate pair.
 */
export function prepareText(text: string): { text: string; truncated: boolean } {
  let prepared = text.replace(LONE_SURROGATE, '\uFFFD');
  const truncated = prepared.length > MAX_ANALYSED_CHARS;
  if (truncated) {
    let end = MAX_ANALYSED_CHARS;
    const last = prepared.charCodeAt(end - 1);
    if (last >= 0xd800 && last <= 0xdbff) end -= 1;
    prepared = prepared.slice(0, end);
  }
  return { text: prepared, truncated };
}

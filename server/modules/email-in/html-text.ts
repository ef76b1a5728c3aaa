const NAMED: Record<string, string> = {
  nbsp: ' ',
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  hellip: '…',
  mdash: '—',
  ndash: '–',
  rsquo: '’',
  lsquo: '‘',
  rdquo: '”',
  ldquo: '“',
};

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, entity: string) => {
    if (entity[0] === '#') {
      const code =
        entity[1] === 'x' || entity[1] === 'X'
          ? parseInt(entity.slice(2), 16)
          : parseInt(entity.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED[entity.toLowerCase()] ?? whole;
  });
}

/**
 * Drops comments and script, style, head and title elements with their content, scanning once (a regular
 * expression with a lazy body is quadratic on hostile HTML full of unclosed tags).
 */
function dropInvisible(html: string): string {
  const lower = html.toLowerCase();
  const opener = /<(script|style|head|title)\b|<!--/g;
  let out = '';
  let from = 0;
  for (let match = opener.exec(lower); match; match = opener.exec(lower)) {
    if (match.index < from) continue;
    out += html.slice(from, match.index);
    const closer = match[1] ? `</${match[1]}` : '-->';
    const close = lower.indexOf(closer, match.index + match[0].length);
    if (close === -1) return out;
    const end = lower.indexOf('>', close + closer.length - 1);
    from = end === -1 ? html.length : end + 1;
    opener.lastIndex = from;
  }
  return out + html.slice(from);
}

/**
 * Readable text from an email's HTML, for the messages mailparser leaves without text (an HTML
 * part inside multipart/mixed). Deliberately simple: blocks become lines, tags go, entities are
 * decoded; scripts and styles are dropped with their content.
 */
export function htmlToPlainText(html: string): string {
  return decodeEntities(
    dropInvisible(html)
      // Line breaks in the HTML source are only spaces; blocks and <br> make the lines.
      .replace(/\s+/g, ' ')
      .replace(/<br\s*\/?>/gi, '\n')
      .replace(/<\/(p|div|li|tr|h[1-6]|blockquote|table|ul|ol)\s*>/gi, '\n')
      .replace(/<[^<>]*>/g, ''),
  )
    .replace(/[ \t\u00a0]+/g, ' ')
    .replace(/ *\n */g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

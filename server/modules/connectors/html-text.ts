/**
 * HTML to plain text for feed and social content, in one pass over the input with no regular
 * expression over the markup (so no catastrophic backtracking on hostile input): tags are skipped,
 * `<script>`/`<style>` content is dropped, block elements become line breaks and character
 * references are decoded. The result is text to analyse and to show escaped, never HTML.
 */

const BLOCK_TAGS = new Set([
  'p', 'div', 'br', 'li', 'ul', 'ol', 'tr', 'table', 'blockquote', 'pre', 'section', 'article',
  'header', 'footer', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hr', 'dd', 'dt', 'figure', 'figcaption',
]); // prettier-ignore
const DROP_CONTENT = new Set(['script', 'style', 'template', 'noscript', 'iframe', 'object']);

const NAMED: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', ndash: '–', mdash: '—',
  hellip: '…', lsquo: '‘', rsquo: '’', ldquo: '“', rdquo: '”', laquo: '«', raquo: '»',
  copy: '©', reg: '®', trade: '™', euro: '€', pound: '£', yen: '¥', cent: '¢', deg: '°',
  middot: '·', bull: '•', times: '×', eacute: 'é', egrave: 'è', agrave: 'à', ccedil: 'ç',
  uuml: 'ü', ouml: 'ö', auml: 'ä', szlig: 'ß', ntilde: 'ñ', zwj: '\u200d', shy: '',
}; // prettier-ignore

/** Decodes `&amp;`, `&#39;`, `&#x2014;` and common named references; unknown ones stay as written. */
export function decodeEntities(text: string): string {
  let out = '';
  let i = 0;
  while (i < text.length) {
    const amp = text.indexOf('&', i);
    if (amp < 0) break;
    out += text.slice(i, amp);
    const semi = text.indexOf(';', amp);
    const name = semi > amp && semi - amp <= 10 ? text.slice(amp + 1, semi) : '';
    const decoded = name ? decodeReference(name) : undefined;
    if (decoded === undefined) {
      out += '&';
      i = amp + 1;
    } else {
      out += decoded;
      i = semi + 1;
    }
  }
  return out + text.slice(i);
}

function decodeReference(name: string): string | undefined {
  if (name.startsWith('#')) {
    const hex = name[1] === 'x' || name[1] === 'X';
    const digits = name.slice(hex ? 2 : 1);
    if (!digits || !(hex ? /^[0-9a-f]+$/i : /^[0-9]+$/).test(digits)) return undefined;
    const code = Number.parseInt(digits, hex ? 16 : 10);
    if (code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return '\ufffd';
    return String.fromCodePoint(code);
  }
  return NAMED[name] ?? NAMED[name.toLowerCase()];
}

/** Reads the tag name at `start` (just after `<` or `</`). */
function tagNameAt(html: string, start: number): string {
  let end = start;
  while (end < html.length && /[A-Za-z0-9]/.test(html[end]!)) end += 1;
  return html.slice(start, end).toLowerCase();
}

/** Index just past the `>` closing a tag that starts at `start`, honouring quoted attributes. */
function endOfTag(html: string, start: number): number {
  let quote: string | null = null;
  for (let i = start; i < html.length; i += 1) {
    const c = html[i]!;
    if (quote) {
      if (c === quote) quote = null;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '>') return i + 1;
  }
  return html.length;
}

export function htmlToText(html: string): string {
  const parts: string[] = [];
  let i = 0;
  while (i < html.length) {
    const lt = html.indexOf('<', i);
    if (lt < 0) {
      parts.push(decodeEntities(html.slice(i)));
      break;
    }
    parts.push(decodeEntities(html.slice(i, lt)));
    if (html.startsWith('<!--', lt)) {
      const close = html.indexOf('-->', lt + 4);
      i = close < 0 ? html.length : close + 3;
      continue;
    }
    const closing = html[lt + 1] === '/';
    const name = tagNameAt(html, lt + (closing ? 2 : 1));
    if (!name && !closing && html[lt + 1] !== '!' && html[lt + 1] !== '?') {
      parts.push('<'); // a lone "<" in text, as in "a < b"
      i = lt + 1;
      continue;
    }
    i = endOfTag(html, lt + 1);
    if (BLOCK_TAGS.has(name)) parts.push('\n');
    if (!closing && DROP_CONTENT.has(name)) {
      let close = html.indexOf('</', i);
      while (close >= 0 && tagNameAt(html, close + 2) !== name)
        close = html.indexOf('</', close + 2);
      i = close < 0 ? html.length : endOfTag(html, close + 2);
    }
  }
  return tidy(parts.join(''));
}

/** Collapses runs of spaces, and the blank lines markup leaves, into single spaces and line breaks. */
function tidy(text: string): string {
  return text
    .split('\n')
    .map((line) => line.replace(/[ \t\r\f\v\u00a0]+/g, ' ').trim())
    .join('\n')
    .replace(/\n{2,}/g, '\n')
    .trim();
}

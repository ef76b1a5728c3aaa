import EmailReplyParser from 'email-reply-parser';

export interface SplitReply {
  /** What the sender wrote in this message. */
  text: string;
  /** The history they quoted (earlier messages), kept but not analysed as theirs. */
  quoted: string;
  /** Their signature block ("-- ", "Sent from my iPhone", ...). */
  signature: string;
}

/**
 * Lines that start the quoted history in clients email-reply-parser misses: it only recognises a
 * quote header after a blank line, so Outlook's "-----Original Message-----" or a "From: ... Sent:"
 * block right under the sign-off stays in the text. We cut there first.
 */
const HISTORY_STARTS: RegExp[] = [
  /^-{2,}\s*(original message|message d'origine|ursprüngliche nachricht|mensaje original)\s*-{2,}\s*$/i,
  /^-{2,}\s*forwarded message\s*-{2,}\s*$/i,
  /^_{10,}\s*$/, // Outlook's rule above "From: ... Sent: ..."
  /^(from|von|de|van|da)\s*:\s.+$/i, // only counts when the next lines look like a header block
];
const HEADER_FOLLOWERS = /^(sent|date|to|subject|cc|gesendet|envoyé|an|à|objet|betreff)\s*:/i;
/** Gmail and Apple Mail: "On <date>, <name> <email> wrote:", sometimes wrapped over two lines. */
const WROTE =
  /^(on|le|am|el|il|em|op)\s.+\s(wrote|a écrit|schrieb|escribió|ha scritto|escreveu|schreef)\s?:\s*$/i;

/** Quote headers are short lines; longer ones are not tested (the patterns backtrack on long lines). */
const MAX_HEADER_LINE = 400;
/**
 * email-reply-parser's patterns run over the whole text and slow down sharply on long texts
 * (seconds for a few hundred KB of long lines); longer messages keep their own part whole.
 */
const MAX_PARSED_LENGTH = 20_000;

function historyStart(lines: string[]): number {
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]!.trim();
    if (line.length > MAX_HEADER_LINE) continue;
    const joined = `${line} ${lines[index + 1]?.trim() ?? ''}`;
    if (WROTE.test(line) || (/^on\s/i.test(line) && WROTE.test(joined))) return index;
    const [original, forwarded, rule, from] = HISTORY_STARTS;
    if (original!.test(line) || forwarded!.test(line)) return index;
    const headerBlockFollows = (at: number) =>
      lines.slice(at, at + 4).some((next) => HEADER_FOLLOWERS.test(next.trim()));
    if (rule!.test(line) && from!.test(lines[index + 1]?.trim() ?? '')) return index;
    if (from!.test(line) && /[<@[]/.test(line) && headerBlockFollows(index + 1)) return index;
  }
  return -1;
}

const tidy = (text: string) => text.replace(/\n{3,}/g, '\n\n').trim();

/**
 * Separates the new text of a reply from its signature and quoted history: our cut for
 * Outlook-style headers first, then email-reply-parser for "On ... wrote:", "> " lines and
 * signatures ("-- ", "Sent from my iPhone", "Regards,").
 */
export function splitReply(body: string): SplitReply {
  const lines = body.replace(/\r\n?/g, '\n').split('\n');
  const cut = historyStart(lines);
  const own = cut === -1 ? lines.join('\n') : lines.slice(0, cut).join('\n');
  const history = cut === -1 ? '' : lines.slice(cut).join('\n');

  const text: string[] = [];
  const quoted: string[] = [];
  const signature: string[] = [];
  const fragments =
    own.length > MAX_PARSED_LENGTH ? [] : new EmailReplyParser().read(own).getFragments();
  if (own.length > MAX_PARSED_LENGTH) text.push(own);
  for (const fragment of fragments) {
    const content = fragment.getContent();
    if (fragment.isSignature()) signature.push(content);
    else if (fragment.isQuoted() || fragment.isHidden()) quoted.push(content);
    else text.push(content);
  }
  if (history) quoted.push(history);
  const split = {
    text: tidy(text.join('\n')),
    quoted: tidy(quoted.join('\n')),
    signature: tidy(signature.join('\n')),
  };
  // A message that is all quote or all signature (a bare forward) keeps its body as the text
  // rather than becoming empty feedback.
  return split.text === '' ? { ...split, text: tidy(body.replace(/\r\n?/g, '\n')) } : split;
}

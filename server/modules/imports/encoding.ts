import { isUtf8 } from 'node:buffer';
import { pipeline, Readable, Transform, type TransformCallback } from 'node:stream';
import chardet from 'chardet';
import iconv from 'iconv-lite';
import { peekChunks } from './streams.ts';

/** How many bytes of a file are looked at to tell its encoding. */
export const SNIFF_BYTES = 64 * 1024;

export interface DetectedEncoding {
  /** A name iconv-lite knows: `utf-8`, `utf-16le`, `utf-16be`, `windows-1252`, ... */
  encoding: string;
  bom: boolean;
  /** Why this encoding was chosen, for the import summary. */
  reason: 'bom' | 'nul-pattern' | 'valid-utf8' | 'chardet' | 'default';
}

const UTF8_BOM = [0xef, 0xbb, 0xbf];

/** The single-byte code pages chardet may name that are worth trusting on its word. */
const LEGACY_ENCODINGS =
  /^(windows-125\d|iso-8859-\d+|koi8-r|shift_jis|euc-jp|euc-kr|gb18030|big5)$/i;

/**
 * Tells the encoding of a file from its first bytes: a byte-order mark first, then the pattern of
 * NUL bytes that UTF-16 without a BOM leaves in mostly-ASCII text, then whether the bytes are valid
 * UTF-8 (pure ASCII counts as UTF-8), and last chardet's guess among legacy code pages, defaulting
 * to Windows-1252 (what Excel writes on Western Windows machines) when its guess is weak.
 * Unless `wholeFile`, a character cut off at the end of `head` is not held against UTF-8.
 */
export function detectEncoding(head: Uint8Array, wholeFile = false): DetectedEncoding {
  if (UTF8_BOM.every((byte, index) => head[index] === byte))
    return { encoding: 'utf-8', bom: true, reason: 'bom' };
  if (head[0] === 0xff && head[1] === 0xfe)
    return { encoding: 'utf-16le', bom: true, reason: 'bom' };
  if (head[0] === 0xfe && head[1] === 0xff)
    return { encoding: 'utf-16be', bom: true, reason: 'bom' };
  const utf16 = utf16ByNulPattern(head);
  if (utf16) return { encoding: utf16, bom: false, reason: 'nul-pattern' };
  if (isUtf8(wholeFile ? head : trimIncompleteUtf8(head)))
    return { encoding: 'utf-8', bom: false, reason: 'valid-utf8' };
  const guess = chardet
    .analyse(head)
    .find((match) => LEGACY_ENCODINGS.test(match.name) && iconv.encodingExists(match.name));
  if (!guess) return { encoding: 'windows-1252', bom: false, reason: 'default' };
  const name = guess.name.toLowerCase();
  // ISO-8859-1 is read as Windows-1252 (as browsers do): same letters, plus “smart quotes” and €.
  if (name === 'iso-8859-1' || name === 'windows-1252')
    return { encoding: 'windows-1252', bom: false, reason: 'chardet' };
  if (guess.confidence < 50) return { encoding: 'windows-1252', bom: false, reason: 'default' };
  return { encoding: name, bom: false, reason: 'chardet' };
}

/**
 * UTF-16 without a BOM: text that is mostly ASCII has a NUL in every other byte, at odd offsets
 * for little-endian and even offsets for big-endian.
 */
function utf16ByNulPattern(head: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  const pairs = Math.floor(Math.min(head.length, 4096) / 2);
  if (pairs < 2) return undefined;
  let evenNul = 0;
  let oddNul = 0;
  for (let pair = 0; pair < pairs; pair++) {
    if (head[2 * pair] === 0) evenNul++;
    if (head[2 * pair + 1] === 0) oddNul++;
  }
  if (oddNul >= pairs * 0.6 && evenNul <= pairs * 0.1) return 'utf-16le';
  if (evenNul >= pairs * 0.6 && oddNul <= pairs * 0.1) return 'utf-16be';
  return undefined;
}

/** Drops a multi-byte character cut off at the end of a sample, so the cut is not read as invalid. */
function trimIncompleteUtf8(bytes: Uint8Array): Uint8Array {
  const end = bytes.length;
  for (let back = 1; back <= Math.min(3, end); back++) {
    const byte = bytes[end - back]!;
    if ((byte & 0xc0) === 0x80) continue; // a continuation byte: keep looking for the lead byte
    const needed = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
    return needed > back ? bytes.subarray(0, end - back) : bytes;
  }
  return bytes;
}

/**
 * A stream that turns bytes in `encoding` into strings, dropping a byte-order mark. UTF-8 is read
 * leniently: a byte that is not valid UTF-8 (a file that is ASCII in its first 64 KB and
 * Windows-1252 further on) is read as Windows-1252 rather than as a replacement character.
 */
export function decoderFor(encoding: string): Transform {
  if (encoding === 'utf-8') return new LenientUtf8Decoder();
  return iconv.decodeStream(encoding, { stripBOM: true }) as unknown as Transform;
}

class LenientUtf8Decoder extends Transform {
  private carry: Buffer = Buffer.alloc(0);
  private started = false;

  constructor() {
    super({ decodeStrings: true, readableObjectMode: false, encoding: 'utf8' });
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    let bytes = this.carry.length > 0 ? Buffer.concat([this.carry, chunk]) : chunk;
    if (!this.started) {
      if (bytes.length < 3) {
        this.carry = bytes;
        return done();
      }
      this.started = true;
      if (UTF8_BOM.every((byte, index) => bytes[index] === byte)) bytes = bytes.subarray(3);
    }
    const whole = trimIncompleteUtf8(bytes);
    this.carry = Buffer.from(bytes.subarray(whole.length));
    done(null, decodeLenient(whole));
  }

  override _flush(done: TransformCallback): void {
    done(null, this.carry.length > 0 ? decodeLenient(this.carry) : '');
  }
}

function decodeLenient(bytes: Uint8Array): string {
  if (isUtf8(bytes)) return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString();
  let text = '';
  let start = 0;
  let index = 0;
  while (index < bytes.length) {
    const length = validSequenceLength(bytes, index);
    if (length > 0) {
      index += length;
      continue;
    }
    text += Buffer.from(bytes.subarray(start, index)).toString();
    text += iconv.decode(bytes.subarray(index, index + 1), 'windows-1252');
    index += 1;
    start = index;
  }
  return text + Buffer.from(bytes.subarray(start)).toString();
}

/** The length of the valid UTF-8 sequence at `index`, or 0 when the byte there starts none. */
function validSequenceLength(bytes: Uint8Array, index: number): number {
  const lead = bytes[index]!;
  if (lead < 0x80) return 1;
  const length = lead >= 0xc2 && lead <= 0xdf ? 2 : lead >= 0xe0 && lead <= 0xef ? 3 : 0;
  const four = lead >= 0xf0 && lead <= 0xf4 ? 4 : 0;
  const needed = length || four;
  if (needed === 0 || index + needed > bytes.length) return 0;
  return isUtf8(bytes.subarray(index, index + needed)) ? needed : 0;
}

export interface DecodedFile {
  detected: DetectedEncoding;
  /** The file's text, in order, as strings; it pulls from the source only as it is read. */
  text: Readable;
  /** Bytes pulled from the source so far. */
  bytesRead(): number;
}

/**
 * Reads the first bytes of a stream to tell its encoding, then gives the whole file as text: the
 * bytes already read and the rest, decoded as they are pulled. Nothing is read ahead beyond the
 * sniffed head and the streams' own small buffers, so memory stays bounded for any file size.
 */
export async function openDecoded(
  source: AsyncIterable<Uint8Array | string>,
): Promise<DecodedFile> {
  let bytes = 0;
  async function* counted() {
    for await (const chunk of source) {
      const buffer =
        typeof chunk === 'string'
          ? Buffer.from(chunk)
          : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
      bytes += buffer.length;
      yield buffer;
    }
  }
  let ended = true;
  const { head, rest } = await peekChunks(counted(), (chunks) => {
    ended = chunks.reduce((sum, chunk) => sum + chunk.length, 0) < SNIFF_BYTES;
    return !ended;
  });
  const sniffed = Buffer.concat(head);
  const detected = detectEncoding(sniffed.subarray(0, SNIFF_BYTES), ended);
  // A failure anywhere (the source, the decoder) destroys `text` with that error, so its reader sees it.
  const text = pipeline(Readable.from(rest), decoderFor(detected.encoding), () => undefined);
  return { detected, text, bytesRead: () => bytes };
}

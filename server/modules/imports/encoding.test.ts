import { Readable } from 'node:stream';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decoderFor, detectEncoding, openDecoded } from './encoding.ts';

const TEXT = 'score,comment\n9,Très bon “service”, über alles — merci\n';

/** Bytes split into chunks of `size`, so decoders meet characters cut in half. */
function chunked(bytes: Buffer, size: number): Buffer[] {
  const chunks: Buffer[] = [];
  for (let start = 0; start < bytes.length; start += size)
    chunks.push(bytes.subarray(start, start + size));
  return chunks;
}

async function decodeAll(bytes: Buffer, chunkSize = 7) {
  const file = await openDecoded(Readable.from(chunked(bytes, chunkSize)));
  let text = '';
  for await (const chunk of file.text) text += String(chunk);
  return { encoding: file.detected.encoding, text, bytes: file.bytesRead() };
}

describe('detectEncoding', () => {
  it('recognises byte-order marks', () => {
    const utf8 = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(TEXT)]);
    expect(detectEncoding(utf8)).toEqual({ encoding: 'utf-8', bom: true, reason: 'bom' });
    expect(detectEncoding(iconv.encode(TEXT, 'utf-16le', { addBOM: true }))).toMatchObject({
      encoding: 'utf-16le',
      bom: true,
    });
    expect(detectEncoding(iconv.encode(TEXT, 'utf-16be', { addBOM: true }))).toMatchObject({
      encoding: 'utf-16be',
      bom: true,
    });
  });

  it('recognises UTF-16 without a BOM by its NUL bytes', () => {
    expect(detectEncoding(iconv.encode(TEXT, 'utf-16le'))).toEqual({
      encoding: 'utf-16le',
      bom: false,
      reason: 'nul-pattern',
    });
    expect(detectEncoding(iconv.encode(TEXT, 'utf-16be')).encoding).toBe('utf-16be');
  });

  it('takes valid UTF-8 and plain ASCII as UTF-8, even with a character cut at the end', () => {
    expect(detectEncoding(Buffer.from(TEXT)).reason).toBe('valid-utf8');
    expect(detectEncoding(Buffer.from('score,comment\n9,ok\n')).encoding).toBe('utf-8');
    const cut = Buffer.from('ok “quoted”').subarray(0, -2);
    expect(detectEncoding(cut).encoding).toBe('utf-8');
  });

  it('reads invalid UTF-8 as Windows-1252 with chardet', () => {
    const cp1252 = iconv.encode(TEXT, 'windows-1252');
    expect(detectEncoding(cp1252)).toEqual({
      encoding: 'windows-1252',
      bom: false,
      reason: 'chardet',
    });
    // A single accented byte is too little for chardet; Windows-1252 is the default. At the end
    // of a whole file, a lone lead byte is not a character cut off by the sample.
    const cafe = Buffer.from([0x63, 0x61, 0x66, 0xe9]);
    expect(detectEncoding(cafe, true).encoding).toBe('windows-1252');
    expect(detectEncoding(cafe, false).encoding).toBe('utf-8');
  });
});

describe('openDecoded', () => {
  it.each([
    ['utf-8 with BOM', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(TEXT)])],
    ['utf-8', Buffer.from(TEXT)],
    ['utf-16le with BOM', iconv.encode(TEXT, 'utf-16le', { addBOM: true })],
    ['utf-16be with BOM', iconv.encode(TEXT, 'utf-16be', { addBOM: true })],
    ['utf-16le', iconv.encode(TEXT, 'utf-16le')],
    ['windows-1252', iconv.encode(TEXT, 'windows-1252')],
  ])('decodes %s in odd-sized chunks, without the BOM', async (_name, bytes) => {
    const decoded = await decodeAll(bytes);
    expect(decoded.text).toBe(TEXT);
    expect(decoded.bytes).toBe(bytes.length);
  });

  it('reads a Windows-1252 byte that appears after a UTF-8 head as Windows-1252', async () => {
    const head = Buffer.from(`${'a'.repeat(70 * 1024)}\n`);
    const late = Buffer.concat([head, iconv.encode('Caf\u00e9 “ok”\n', 'windows-1252')]);
    const decoded = await decodeAll(late, 4096);
    expect(decoded.encoding).toBe('utf-8');
    expect(decoded.text.endsWith('Café “ok”\n')).toBe(true);
  });

  it('keeps UTF-8 characters cut between chunks whole', async () => {
    const decoder = decoderFor('utf-8');
    const bytes = Buffer.from('€uro “x”');
    const out: string[] = [];
    decoder.on('data', (chunk: string) => out.push(chunk));
    for (const byte of bytes) decoder.write(Buffer.from([byte]));
    decoder.end();
    await new Promise((resolve) => decoder.on('end', resolve));
    expect(out.join('')).toBe('€uro “x”');
  });
});

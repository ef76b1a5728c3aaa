import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { streamWriter } from './line-stream.ts';

describe('streamWriter', () => {
  it('writes one line per call', async () => {
    const stream = new PassThrough();
    const chunks: string[] = [];
    stream.on('data', (chunk: Buffer) => chunks.push(chunk.toString()));
    const write = streamWriter(stream);
    await write('{"a":1}');
    await write('{"b":2}');
    expect(chunks.join('')).toBe('{"a":1}\n{"b":2}\n');
  });

  it('waits while the reader is behind, and goes on when it catches up', async () => {
    const stream = new PassThrough({ highWaterMark: 16 });
    const write = streamWriter(stream);
    let done = false;
    const pending = write('x'.repeat(64)).then(() => (done = true));
    await new Promise((resolve) => setImmediate(resolve));
    expect(done).toBe(false);
    stream.resume();
    await pending;
    expect(done).toBe(true);
  });

  it('fails a waiting write and every later one once the stream is closed', async () => {
    const stream = new PassThrough({ highWaterMark: 16 });
    const write = streamWriter(stream);
    const pending = write('x'.repeat(64));
    stream.destroy();
    await expect(pending).rejects.toThrow(/closed/);
    await expect(write('more')).rejects.toThrow(/closed/);
    expect(stream.listenerCount('drain')).toBe(0);
  });

  it('passes on the error that broke the stream', async () => {
    const stream = new PassThrough({ highWaterMark: 16 });
    const write = streamWriter(stream);
    const pending = write('x'.repeat(64));
    stream.destroy(new Error('EPIPE'));
    await expect(pending).rejects.toThrow('EPIPE');
    await expect(write('more')).rejects.toThrow('EPIPE');
  });
});

import { Transform, type TransformCallback } from 'node:stream';

export interface Peeked<T> {
  /** The chunks read to decide something about the stream (they are also replayed by `rest`). */
  head: T[];
  /** Every chunk, the head first, pulled from the source only as it is consumed. */
  rest: AsyncGenerator<T>;
}

/**
 * Reads chunks until `enough(head)` says so or the source ends, then hands back those chunks and
 * a generator of the whole stream. The rest is not read ahead: memory stays bounded.
 */
export async function peekChunks<T>(
  source: AsyncIterable<T>,
  enough: (head: T[]) => boolean,
): Promise<Peeked<T>> {
  const iterator = source[Symbol.asyncIterator]();
  const head: T[] = [];
  let ended = false;
  while (!enough(head)) {
    const step = await iterator.next();
    if (step.done) {
      ended = true;
      break;
    }
    head.push(step.value);
  }
  async function* rest(): AsyncGenerator<T> {
    try {
      yield* head.slice();
      if (ended) return;
      for (let step = await iterator.next(); !step.done; step = await iterator.next())
        yield step.value;
    } finally {
      await iterator.return?.();
    }
  }
  return { head, rest: rest() };
}

/**
 * Turns Windows (CRLF) and old Mac (CR) line ends into LF, so every line break is one character and
 * line numbers count the same way in every file. A CR at the end of a chunk waits for the next one.
 */
export class NewlineNormaliser extends Transform {
  private pendingCr = false;

  constructor() {
    super({ decodeStrings: false, encoding: 'utf8' });
  }

  override _transform(chunk: string | Buffer, _encoding: string, done: TransformCallback): void {
    let text = (this.pendingCr ? '\r' : '') + chunk.toString();
    this.pendingCr = text.endsWith('\r');
    if (this.pendingCr) text = text.slice(0, -1);
    done(null, text.replace(/\r\n?/g, '\n'));
  }

  override _flush(done: TransformCallback): void {
    done(null, this.pendingCr ? '\n' : '');
  }
}

/** How many LF characters `text` holds from `from` on. */
export function countNewlines(text: string, from = 0): number {
  let count = 0;
  for (let index = text.indexOf('\n', from); index !== -1; index = text.indexOf('\n', index + 1))
    count++;
  return count;
}

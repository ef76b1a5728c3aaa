import type { Writable } from 'node:stream';

/**
 * Writes each line and its newline into a stream, waiting whenever the reader is slower than
 * the database, and failing (so an export stops querying) once the stream breaks or closes,
 * for instance because the client went away mid-download or stdout's reader exited.
 */
export function streamWriter(stream: Writable): (line: string) => Promise<void> {
  let failure: Error | undefined;
  stream.on('error', (error) => {
    failure = error;
  });
  const broken = () => failure ?? new Error('the export stream was closed');
  return async (line) => {
    if (failure || stream.destroyed) throw broken();
    if (stream.write(`${line}\n`)) return;
    await new Promise<void>((resolve, reject) => {
      const settle = (error?: Error) => {
        stream.off('drain', onDrain);
        stream.off('close', onClose);
        stream.off('error', onClose);
        if (error) reject(error);
        else resolve();
      };
      const onDrain = () => settle();
      const onClose = () => settle(broken());
      stream.once('drain', onDrain);
      stream.once('close', onClose);
      stream.once('error', onClose);
    });
  };
}

import { connect } from 'node:net';

/** Speaks SMTP line by line and returns the server's reply to the greeting and each command. */
export function smtpDialogue(port: number, commands: string[]): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    const replies: string[] = [];
    let buffer = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => {
      buffer += chunk;
      // A reply ends with a line "NNN text" (a dash after the code means more lines follow).
      while (/^\d{3} .*\r\n/m.test(buffer)) {
        const match = /^(\d{3}) .*\r\n/m.exec(buffer)!;
        const end = match.index + match[0].length;
        replies.push(buffer.slice(0, end).split('\r\n').filter(Boolean).at(-1)!);
        buffer = buffer.slice(end);
        const next = commands[replies.length - 1];
        if (next) socket.write(`${next}\r\n`);
      }
    });
    socket.on('close', () => resolve(replies.slice(1)));
    socket.on('error', reject);
  });
}

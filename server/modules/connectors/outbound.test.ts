import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../config/env.ts';
import { fetchOutbound } from './outbound-fetch.ts';
import { isAddressAllowed, outboundPolicy } from './outbound-guard.ts';

const strict = outboundPolicy({ OUTBOUND_ALLOW_PRIVATE: false, OUTBOUND_ALLOW_CIDRS: [] });
const loopbackOnly = outboundPolicy({
  OUTBOUND_ALLOW_PRIVATE: false,
  OUTBOUND_ALLOW_CIDRS: ['127.0.0.1/32'],
});

describe('address classification', () => {
  it.each([
    '127.0.0.1',
    '127.8.9.10',
    '10.0.0.5',
    '172.16.3.4',
    '192.168.1.1',
    '169.254.169.254',
    '100.64.0.1',
    '0.0.0.0',
    '224.0.0.1',
    '255.255.255.255',
    '::1',
    '::',
    'fe80::1',
    'fc00::1',
    'fd12:3456::1',
    'ff02::1',
    '::ffff:127.0.0.1',
    '::ffff:10.0.0.1',
    '64:ff9b::a00:1',
    '2002:7f00:1::',
    'not-an-address',
  ])('refuses %s by default', (address) => {
    expect(isAddressAllowed(address, strict)).toBe(false);
  });

  it.each(['93.184.216.34', '1.1.1.1', '2606:4700:4700::1111', '::ffff:8.8.8.8'])(
    'allows the public address %s',
    (address) => {
      expect(isAddressAllowed(address, strict)).toBe(true);
    },
  );

  it('allows exactly the ranges the operator lists, or everything when told to', () => {
    expect(isAddressAllowed('127.0.0.1', loopbackOnly)).toBe(true);
    expect(isAddressAllowed('127.0.0.2', loopbackOnly)).toBe(false);
    expect(isAddressAllowed('::1', loopbackOnly)).toBe(false);
    const everything = outboundPolicy(parseConfig({ OUTBOUND_ALLOW_PRIVATE: 'true' }));
    expect(isAddressAllowed('10.1.2.3', everything)).toBe(true);
    expect(() => parseConfig({ OUTBOUND_ALLOW_CIDRS: '10.0.0.0/8, nonsense' })).toThrow(/CIDR/);
    expect(
      parseConfig({ OUTBOUND_ALLOW_CIDRS: '10.0.0.0/8, fd00::/8' }).OUTBOUND_ALLOW_CIDRS,
    ).toEqual(['10.0.0.0/8', 'fd00::/8']);
  });
});

describe('guarded fetch against a loopback server', () => {
  let server: Server;
  let port: number;
  beforeAll(async () => {
    server = createServer((req, res) => {
      if (req.url === '/to-other-loopback') {
        res.writeHead(302, { location: `http://127.0.0.2:${port}/hello` }).end();
      } else if (req.url === '/to-metadata') {
        res.writeHead(301, { location: 'http://169.254.169.254/latest/meta-data/' }).end();
      } else if (req.url === '/loop') {
        res.writeHead(302, { location: '/loop' }).end();
      } else if (req.url === '/big') {
        res.writeHead(200, { 'content-type': 'text/plain' });
        res.end('x'.repeat(2048));
      } else if (req.url === '/slow') {
        setTimeout(() => res.end('late'), 2000).unref();
      } else {
        res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' }).end('hello');
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('refuses loopback, private and metadata addresses when they are not allowed', async () => {
    for (const url of [
      `http://127.0.0.1:${port}/`,
      `http://localhost:${port}/`,
      `http://[::1]:${port}/`,
      'http://10.0.0.1/',
      'http://169.254.169.254/latest/meta-data/',
      'http://[::ffff:127.0.0.1]/',
    ]) {
      await expect(fetchOutbound(url, { policy: strict }), url).rejects.toThrow(/Refused/);
    }
  });

  it('checks the resolved address of a name at connect time', async () => {
    // `localhost` is not an IP literal: only the connect-time lookup can refuse it.
    await expect(fetchOutbound(`http://localhost:${port}/`, { policy: strict })).rejects.toThrow(
      /Refused to connect to localhost \((127\.0\.0\.1|::1)\)/,
    );
  });

  it('fetches from an allowed range, and checks every redirect target', async () => {
    const ok = await fetchOutbound(`http://127.0.0.1:${port}/`, { policy: loopbackOnly });
    expect(ok).toMatchObject({ status: 200, body: 'hello' });
    await expect(
      fetchOutbound(`http://127.0.0.1:${port}/to-other-loopback`, { policy: loopbackOnly }),
    ).rejects.toThrow(/Refused to connect to 127\.0\.0\.2/);
    await expect(
      fetchOutbound(`http://127.0.0.1:${port}/to-metadata`, { policy: loopbackOnly }),
    ).rejects.toThrow(/169\.254\.169\.254/);
    await expect(
      fetchOutbound(`http://127.0.0.1:${port}/loop`, { policy: loopbackOnly }),
    ).rejects.toThrow(/More than 5 redirects/);
  });

  it('limits size and time, and fetches only http(s)', async () => {
    await expect(
      fetchOutbound(`http://127.0.0.1:${port}/big`, { policy: loopbackOnly, maxBytes: 1024 }),
    ).rejects.toThrow(/larger than 1 KB/);
    await expect(
      fetchOutbound(`http://127.0.0.1:${port}/slow`, { policy: loopbackOnly, timeoutMs: 200 }),
    ).rejects.toThrow(/in time/);
    await expect(fetchOutbound('file:///etc/passwd', { policy: loopbackOnly })).rejects.toThrow(
      /Only http and https/,
    );
  });
});

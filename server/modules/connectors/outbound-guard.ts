import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import type { LookupFunction } from 'node:net';
import ipaddr from 'ipaddr.js';
import type { Config } from '../../config/env.ts';

/**
 * Which addresses outbound fetches may reach. By default only public unicast addresses: a feed
 * URL typed by a workspace admin must not let them read the cloud metadata service, the database
 * or anything else on the server's private network (SSRF).
 */
export interface OutboundPolicy {
  allowPrivate: boolean;
  allowCidrs: Array<[ipaddr.IPv4 | ipaddr.IPv6, number]>;
}

export function outboundPolicy(
  config: Pick<Config, 'OUTBOUND_ALLOW_PRIVATE' | 'OUTBOUND_ALLOW_CIDRS'>,
): OutboundPolicy {
  return {
    allowPrivate: config.OUTBOUND_ALLOW_PRIVATE,
    allowCidrs: config.OUTBOUND_ALLOW_CIDRS.map((cidr) => ipaddr.parseCIDR(cidr)),
  };
}

export class BlockedAddressError extends Error {
  readonly code = 'blocked_address';
  constructor(host: string, address: string) {
    super(
      `Refused to connect to ${host} (${address}): a private, loopback or otherwise non-public address. ` +
        'An operator can allow it with OUTBOUND_ALLOW_CIDRS or OUTBOUND_ALLOW_PRIVATE.',
    );
  }
}

/**
 * Whether an address may be reached. Only ipaddr.js's `unicast` range counts as public: loopback,
 * private, link-local (169.254.169.254), CGNAT, multicast, unique-local, reserved, and the IPv6
 * ranges that embed an IPv4 address (6to4, Teredo, NAT64) are all refused. IPv4-mapped IPv6
 * addresses are judged as the IPv4 address they carry.
 */
export function isAddressAllowed(address: string, policy: OutboundPolicy): boolean {
  if (!ipaddr.isValid(address)) return false;
  const parsed = ipaddr.process(address);
  if (policy.allowPrivate) return true;
  for (const [range, bits] of policy.allowCidrs) {
    if (range.kind() === parsed.kind() && parsed.match(range, bits)) return true;
  }
  return parsed.range() === 'unicast';
}

/** The host of a URL without IPv6 brackets. */
export function bareHost(url: URL): string {
  return url.hostname.replace(/^\[(.*)\]$/, '$1');
}

/**
 * A DNS lookup for the HTTP client's connections that refuses the connection when any address
 * the name resolves to is not allowed. It runs at connect time, so the address checked is the
 * address connected to: a name that resolves to a public address when a URL is saved and to
 * 127.0.0.1 later (DNS rebinding) is still refused.
 */
export function guardedLookup(policy: OutboundPolicy): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { ...options, all: true }, (error, addresses: LookupAddress[]) => {
      if (error) return callback(error, '', 0);
      const blocked = addresses.find((entry) => !isAddressAllowed(entry.address, policy));
      if (blocked || addresses.length === 0) {
        return callback(new BlockedAddressError(hostname, blocked?.address ?? 'no address'), '', 0);
      }
      if (options.all) return (callback as AllCallback)(null, addresses);
      const first = addresses[0]!;
      return callback(null, first.address, first.family);
    });
  };
}

type AllCallback = (error: NodeJS.ErrnoException | null, addresses: LookupAddress[]) => void;

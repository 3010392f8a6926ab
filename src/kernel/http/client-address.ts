import type { IncomingMessage } from 'node:http';
import { isIPv6 } from 'node:net';
import proxyAddr from '@fastify/proxy-addr';
import type { TrustProxy } from '../../config.js';

/** Whether the peer `addr`, `hop` steps from the socket (0: the socket itself), may speak for the client. */
export type TrustFunction = (addr: string, hop: number) => boolean;

/**
 * CONG_TRUST_PROXY as one function, given to Fastify as its `trustProxy` and used by the raw
 * hits (raw-hits.ts), so both read the same client address. A hop count trusts the nearest N
 * peers, as Express does (Fastify 5 alone treats a number as "trust nobody").
 */
export function trustFunction(trust: TrustProxy): TrustFunction | false {
  if (trust === false || trust === 0) return false;
  if (trust === true) return () => true;
  if (typeof trust === 'number') return (_addr, hop) => hop < trust;
  return proxyAddr.compile(trust);
}

/** The client's address as Fastify's `request.ip` gives it for the same request and trust. */
export function clientAddress(req: IncomingMessage, trust: TrustFunction | false): string {
  if (!trust) return req.socket.remoteAddress ?? '';
  return proxyAddr(req, trust);
}

/**
 * The part of an address that rate limits count by: an IPv4 address whole, an IPv6 address by
 * its /64 (one subscriber line gets a whole /64 and can take any address in it at will).
 */
export function limitKeyOf(ip: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  if (mapped) return mapped[1]!;
  if (!isIPv6(ip)) return ip;
  const [head = '', tail = ''] = ip.toLowerCase().split('%')[0]!.split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  // Expand "::" so that the first four groups are the /64, whatever the spelling.
  const groups = ip.includes('::') ? [...left, ...Array<string>(8 - left.length - right.length).fill('0'), ...right] : left;
  return `${groups.slice(0, 4).map((g) => g.replace(/^0+(?=.)/, '')).join(':')}::/64`;
}

import type { IncomingMessage } from 'node:http';
import proxyAddr from '@fastify/proxy-addr';

/** Fastify's `trustProxy` option, as config.ts passes it. */
export type TrustProxy = boolean | number | string | string[];

/**
 * The client's address exactly as Fastify's `request.ip` gives it for the same `trustProxy`
 * (fastify/lib/request.js), for the answers made before Fastify (raw-hits.ts). A different
 * reading would let one client's limit be applied to another.
 */
export function clientAddressOf(trust: TrustProxy): (req: IncomingMessage) => string | undefined {
  if (!trust) return (req) => req.socket.remoteAddress;
  let trusts: (address: string, hop: number) => boolean;
  if (trust === true) trusts = () => true;
  // Fastify fails closed on a bare hop count (it cannot validate the immediate peer).
  else if (typeof trust === 'number') trusts = () => false;
  else trusts = proxyAddr.compile(typeof trust === 'string' ? trust.split(',').map((v) => v.trim()) : trust);
  return (req) => {
    const all = proxyAddr.all(req, trusts);
    return all[all.length - 1];
  };
}

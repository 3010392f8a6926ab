import type { Server, ServerOptions } from 'node:http';
import type { Socket } from 'node:net';

/**
 * How long a client may hold a connection of ours. Fastify's own defaults (no request timeout)
 * let a client that sends its headers and then trickles its body keep a connection forever; with
 * a serverFactory (raw-hits.ts) Fastify sets none of its options on the server, so they are here.
 */
export interface ServerTimeouts {
  /** CONG_REQUEST_TIMEOUT_SECONDS: headers and body must have arrived within it (408, then closed). */
  requestTimeoutMs: number;
  /** CONG_MAX_CONNECTIONS: open connections one process accepts; more are closed at once. */
  maxConnections: number;
}

/** The headers of a request arrive within this (or the request timeout, when shorter). */
const HEADERS_TIMEOUT_MS = 10_000;
/**
 * An idle kept-alive connection is closed after this: longer than nginx's upstream keepalive (60 s),
 * so that nginx, not us, closes it (we would otherwise race its next request on a closing socket).
 */
const KEEP_ALIVE_TIMEOUT_MS = 72_000;
/**
 * A connection on which nothing moves either way for this long while an answer is being made or
 * sent (a client that stopped reading) is closed. Between requests the keep-alive timeout applies.
 */
export const IDLE_SOCKET_MS = 120_000;

export function serverOptions(t: ServerTimeouts): ServerOptions {
  return {
    requestTimeout: t.requestTimeoutMs,
    headersTimeout: Math.min(HEADERS_TIMEOUT_MS, t.requestTimeoutMs),
    // Node checks the two timeouts above on this interval (30 s by default): a quarter of the timeout keeps the cut near it.
    connectionsCheckingInterval: Math.min(30_000, Math.max(250, Math.floor(t.requestTimeoutMs / 4))),
  };
}

/**
 * The server's own idle timer (`server.setTimeout`) is not used: Node would arm it at the start of
 * every request and re-arm it on every read and write, a cost on each cache hit, whose bytes are
 * handed to the kernel at once. The request handler arms it instead (`guardIdle`) for what may
 * take long: every request Fastify handles, and a cache hit the kernel did not take whole.
 */
export function limitConnections(server: Server, t: ServerTimeouts): void {
  server.keepAliveTimeout = KEEP_ALIVE_TIMEOUT_MS;
  server.maxConnections = t.maxConnections;
}

/** Closes the request's connection once nothing has moved on it for IDLE_SOCKET_MS (until the answer ends). */
export function guardIdle(socket: Socket): void {
  socket.setTimeout(IDLE_SOCKET_MS);
}

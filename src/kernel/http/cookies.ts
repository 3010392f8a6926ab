import type { FastifyRequest } from 'fastify';
import { schemeOf } from '../sites/origin.js';

/**
 * Cookies follow the site's configured scheme, not `request.protocol`: behind a TLS proxy the
 * request reaches us as http, and trusting X-Forwarded-Proto would let a client decide.
 */
export function secureCookies(request: FastifyRequest): boolean {
  return schemeOf(request.site, request.server.cong.config.production) === 'https';
}

/**
 * `__Host-<name>` on an https site: the browser then accepts it only with Secure, path "/" and no
 * Domain, so neither a plain-http page nor a sibling subdomain can set or shadow it.
 */
export function cookieName(request: FastifyRequest, name: string): string {
  return secureCookies(request) ? `__Host-${name}` : name;
}

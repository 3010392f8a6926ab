import { createHash, randomBytes } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '../db/connection.js';
import { SaltBook, visitorHash } from './identity.js';
import { cookieName, secureCookies } from '../http/cookies.js';

/**
 * Who is voting or commenting, without knowing who they are (DESIGN.md, Privacy). The daily
 * salted hash of site, IP address and user agent comes from the visitor statistics
 * (src/kernel/citizen/identity.ts: same salts table, same rule, salts rotated daily and deleted after
 * 48 h). The voter cookie is a random id the browser keeps for a year so that a vote can be
 * changed on another day; only its hash is stored.
 */
export const VOTER_COOKIE = 'cong_bd';
const COOKIE_FORMAT = /^[A-Za-z0-9_-]{24}$/;

export class VisitorKeys {
  private readonly salts: SaltBook;

  constructor(db: Db) {
    this.salts = new SaltBook(db);
  }

  /** The salted daily visitor hash of the request. */
  async hashOf(request: FastifyRequest, nowMs: number): Promise<string> {
    const salts = await this.salts.saltsAt(nowMs);
    return visitorHash(salts.current, request.site.id, request.ip, request.headers['user-agent'] ?? '');
  }
}

/** The hashed voter id from the request's cookie, or null when it has none (or a forged one). */
export function voterFromCookie(request: FastifyRequest): string | null {
  const raw = request.cookies[cookieName(request, VOTER_COOKIE)];
  return raw && COOKIE_FORMAT.test(raw) ? hashVoter(request.site.id, raw) : null;
}

/** Gives the browser a new voter cookie; returns its hash. */
export function issueVoterCookie(request: FastifyRequest, reply: FastifyReply): string {
  const raw = randomBytes(18).toString('base64url');
  reply.setCookie(cookieName(request, VOTER_COOKIE), raw, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: secureCookies(request),
    maxAge: 365 * 86_400,
  });
  return hashVoter(request.site.id, raw);
}

function hashVoter(siteId: number, raw: string): string {
  return createHash('sha256').update(`${siteId}:${raw}`).digest('base64url').slice(0, 32);
}

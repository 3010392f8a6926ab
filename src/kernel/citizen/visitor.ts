import { createHash, randomBytes } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '../db/connection.js';
import { SaltBook, visitorHash } from './identity.js';
import { limitKeyOf } from '../http/client-address.js';
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

  /**
   * The salted daily hash of the network address alone (an IPv6 address by its /64), whatever
   * the browser says it is: what caps the cookie-less votes of one address (vote-cap.ts).
   */
  async addressOf(request: FastifyRequest, nowMs: number): Promise<{ address: string; day: string }> {
    const salts = await this.salts.saltsAt(nowMs);
    return { address: visitorHash(salts.current, request.site.id, `address ${limitKeyOf(request.ip)}`, ''), day: salts.day };
  }
}

/** The hashed voter id from the request's cookie, or null when it has none (or a forged one). */
export function voterFromCookie(request: FastifyRequest): string | null {
  const raw = request.cookies[cookieName(request, VOTER_COOKIE)];
  return raw && COOKIE_FORMAT.test(raw) ? hashVoter(request.site.id, raw) : null;
}

/** A new voter id: the value for the cookie and the hash a vote is stored under. */
export interface NewVoter {
  raw: string;
  hash: string;
}

/** A new voter id, not yet given to the browser (a vote that is not counted gives no cookie). */
export function newVoter(request: FastifyRequest): NewVoter {
  const raw = randomBytes(18).toString('base64url');
  return { raw, hash: hashVoter(request.site.id, raw) };
}

/** Sets the voter cookie of `voter` on the answer. */
export function giveVoterCookie(request: FastifyRequest, reply: FastifyReply, voter: NewVoter): void {
  reply.setCookie(cookieName(request, VOTER_COOKIE), voter.raw, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: secureCookies(request),
    maxAge: 365 * 86_400,
  });
}

function hashVoter(siteId: number, raw: string): string {
  return createHash('sha256').update(`${siteId}:${raw}`).digest('base64url').slice(0, 32);
}

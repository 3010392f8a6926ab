import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { VNode } from 'preact';
import type { SessionRow } from '../db/schema.js';
import { adminNavOf } from '../feature.js';
import { AppError } from '../lib/errors.js';
import { renderHtml } from './render.js';
import { cookieName, secureCookies } from './cookies.js';
import { hasAnyRole, loadActor, type Actor } from '../access/actor.js';
import { mustUseTwoFactor } from '../access/two-factor.js';
import { randomToken, safeEqual } from '../lib/tokens.js';
import { findUserById } from '../access/users-repo.js';
import type { AdminFrame } from '../views/admin/layout.js';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
    session: SessionRow | null;
  }
  interface FastifyContextConfig {
    /** Reachable without a signed-in session (the login pages). */
    anonymous?: boolean;
    /** Reachable while the second sign-in step is still pending. */
    mfaStep?: boolean;
    /** A change still allowed while the site is an archive (the system admins' sites screen). */
    onArchive?: boolean;
    /** Reachable by a signed-in person without a role on this site (their invitations to sites). */
    invitee?: boolean;
  }
}

export const ADMIN = '/quan-tri';
/** The two-factor set-up screen, where someone who must have it and has none is kept. */
export const TOTP_SETUP = `${ADMIN}/tai-khoan/hai-lop`;
export const SESSION_COOKIE = 'cong_sid';
/** Before sign-in there is no session: the login form is protected by a double-submit cookie. */
export const LOGIN_CSRF_COOKIE = 'cong_lcsrf';

/**
 * On an https site (its configured scheme, not the request's: behind a TLS proxy the request is
 * plain http) the cookies are `Secure` and `__Host-` named, which requires the path "/".
 */
export function cookieOptions(request: FastifyRequest, maxAgeSeconds?: number) {
  const secure = secureCookies(request);
  return {
    path: secure ? '/' : ADMIN,
    httpOnly: true,
    sameSite: 'lax' as const,
    secure,
    ...(maxAgeSeconds ? { maxAge: maxAgeSeconds } : {}),
  };
}

/** Ends the back-office session cookie. */
export function clearSessionCookie(request: FastifyRequest, reply: FastifyReply): void {
  reply.clearCookie(cookieName(request, SESSION_COOKIE), cookieOptions(request));
}

/** Gives the browser the back-office session cookie. */
export function setSessionCookie(request: FastifyRequest, reply: FastifyReply, token: string, maxAgeSeconds: number): void {
  reply.setCookie(cookieName(request, SESSION_COOKIE), token, cookieOptions(request, maxAgeSeconds));
}

/**
 * Session, actor and CSRF handling for everything under /quan-tri. Every admin response is
 * private and uncacheable; every state-changing request carries the session's CSRF token.
 */
export async function adminSessionHooks(app: FastifyInstance): Promise<void> {
  const ctx = app.cong;
  app.decorateRequest('actor', null);
  app.decorateRequest('session', null);

  app.addHook('onRequest', async (request, reply) => {
    reply.header('cache-control', 'no-store');
    reply.header('x-robots-tag', 'noindex');
    const token = request.cookies[cookieName(request, SESSION_COOKIE)];
    if (token) {
      const session = await ctx.sessions.load(token, ctx.now());
      const user = session && (await findUserById(ctx.db, session.user_id));
      if (session && user && !user.disabled) {
        request.session = session;
        request.actor = await loadActor(ctx.db, user);
      }
    }
    const config = request.routeOptions.config;
    if (config.anonymous) return;
    if (!request.actor || !request.session) {
      const next = encodeURIComponent(request.url);
      return reply.redirect(`${ADMIN}/dang-nhap${request.method === 'GET' ? `?tiep=${next}` : ''}`, 303);
    }
    if (request.session.mfa_pending && !config.mfaStep) return reply.redirect(`${ADMIN}/dang-nhap/xac-thuc`, 303);
    if (!hasAnyRole(request.actor, request.site.id) && !config.invitee) throw new AppError('forbidden');
    const path = request.url.split('?', 1)[0]!;
    const ownAccount = path.startsWith(`${ADMIN}/tai-khoan`) || path.startsWith(`${ADMIN}/dang-xuat`);
    // A generated password has been on a screen or in a file: nothing else until it is replaced.
    if (request.actor.mustChangePassword) {
      if (!ownAccount) return reply.redirect(`${ADMIN}/tai-khoan?doi-mat-khau=1`, 303);
      return;
    }
    // Set-up is forced: someone who must sign in with two factors and has none reaches only the set-up screen.
    if (!request.actor.totpEnabled && mustUseTwoFactor(request.actor, request.site.id, request.site.settings)) {
      if (path !== TOTP_SETUP && path !== `${ADMIN}/dang-xuat`) return reply.redirect(`${TOTP_SETUP}?batbuoc=1`, 303);
    }
  });

  app.addHook('preHandler', async (request) => {
    if (request.method === 'GET' || request.method === 'HEAD') return;
    const sent = bodyField(request, '_csrf') ?? (request.headers['x-csrf-token'] as string | undefined) ?? '';
    const expected = request.session?.csrf_token ?? request.cookies[cookieName(request, LOGIN_CSRF_COOKIE)] ?? '';
    if (!expected || !sent || !safeEqual(sent, expected)) throw new AppError('csrf');
    if (request.site.archivedAt && !changesAllowedOnArchive(request)) throw new AppError('archived_site');
  });
}

/**
 * An archived site is read-only (issue 14): of the back office's changes, only signing in and out,
 * one's own account and the routes marked `onArchive` (making the site live again) still work.
 * One check here instead of one per content command.
 */
function changesAllowedOnArchive(request: FastifyRequest): boolean {
  const config = request.routeOptions.config;
  if (config.anonymous || config.mfaStep || config.onArchive) return true;
  return request.url.startsWith(`${ADMIN}/tai-khoan`) || request.url.startsWith(`${ADMIN}/dang-xuat`);
}

export function bodyField(request: FastifyRequest, name: string): string | undefined {
  const body = request.body as Record<string, unknown> | undefined;
  const v = body?.[name];
  if (typeof v === 'string') return v.normalize('NFC');
  if (Array.isArray(v) && typeof v[0] === 'string') return String(v[0]).normalize('NFC');
  return undefined;
}

export function bodyFields(request: FastifyRequest, name: string): string[] {
  const v = (request.body as Record<string, unknown> | undefined)?.[name];
  if (typeof v === 'string') return [v];
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}

/** The CSRF token for forms: the session's, or a fresh double-submit cookie before sign-in. */
export function csrfFor(request: FastifyRequest, reply: FastifyReply): string {
  if (request.session) return request.session.csrf_token;
  let t = request.cookies[cookieName(request, LOGIN_CSRF_COOKIE)];
  if (!t) {
    t = randomToken(24);
    reply.setCookie(cookieName(request, LOGIN_CSRF_COOKIE), t, cookieOptions(request));
  }
  return t;
}

export function adminFrame(app: FastifyInstance, request: FastifyRequest, reply: FastifyReply): AdminFrame {
  return {
    site: request.site,
    assets: app.cong.assets,
    actor: request.actor,
    csrf: csrfFor(request, reply),
    path: request.url.split('?', 1)[0]!,
    nav: request.actor ? adminNavOf(app.cong.features, request.actor, request.site.id) : [],
  };
}

export function sendAdmin(reply: FastifyReply, vnode: VNode, status = 200): FastifyReply {
  return reply.code(status).type('text/html; charset=utf-8').send(renderHtml(vnode));
}

/** The signed-in actor of a route that is not anonymous (the hook guarantees it). */
export function actorOf(request: FastifyRequest): Actor {
  if (!request.actor) throw new AppError('forbidden');
  return request.actor;
}

/** Only same-site back-office paths are followed after sign-in. */
export function safeNext(next: string | undefined): string {
  return next && next.startsWith(`${ADMIN}`) && !next.startsWith('//') && !next.includes('\\') ? next : ADMIN;
}

import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { flash, type FlashMessages } from '../../../kernel/http/flash.js';
import { perMinute } from '../../../kernel/http/limits.js';
import { QueryText } from '../../../kernel/http/route-schemas.js';
import { writeAudit } from '../../../kernel/audit.js';
import { ADMIN, adminFrame, bodyField, clearSessionCookie, safeNext, sendAdmin, setSessionCookie, TOTP_SETUP } from '../../../kernel/http/admin-scope.js';
import { findUserById, findUserByLogin } from '../../../kernel/access/users-repo.js';
import { dummyHash, verifyPassword } from './passwords.js';
import { ABSOLUTE_MS } from '../../../kernel/access/sessions.js';
import { accountKey, addressKey, beginAttempt, secondStepKey, tooMany } from './throttle.js';
import { auditLoginFailure, auditSecondStepFailure } from './audit-events.js';
import { acceptTotp, consumeRecoveryCode } from './second-factor.js';
import { loadActor } from '../../../kernel/access/actor.js';
import { mustUseTwoFactor } from '../../../kernel/access/two-factor.js';
import { LoginPage, TotpPage } from './views.js';

const WRONG = 'Tên đăng nhập hoặc mật khẩu không đúng.';
/** Why the sign-in page is shown: ?ra=1 after signing out, ?ra=het-han when the session ended. */
const SIGNED_OUT: FlashMessages = { '1': 'Bạn đã đăng xuất.', 'het-han': 'Phiên làm việc đã kết thúc, vui lòng đăng nhập lại.' };
/** ?tiep=<back-office path>: where to go once signed in. */
const NextQuery = Type.Object({ tiep: QueryText, ra: QueryText });


export async function authRoutes(root: FastifyInstance): Promise<void> {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();
  const ctx = app.cong;
  const anon = { config: { anonymous: true } };

  app.get(`${ADMIN}/dang-nhap`, { ...anon, schema: { querystring: NextQuery } }, async (request, reply) => {
    if (request.actor && !request.session?.mfa_pending) return reply.redirect(ADMIN, 303);
    return sendAdmin(reply, <LoginPage frame={adminFrame(app, request, reply)} next={request.query.tiep} info={flash(request, SIGNED_OUT, 'ra')} />);
  });

  app.post(`${ADMIN}/dang-nhap`, { config: { anonymous: true, rateLimit: perMinute(30) } }, async (request, reply) => {
    const login = (bodyField(request, 'login') ?? '').trim().slice(0, 200);
    const password = bodyField(request, 'password') ?? '';
    const next = bodyField(request, 'tiep');
    const now = ctx.now();
    const page = (error: string, status: number) =>
      sendAdmin(reply, <LoginPage frame={adminFrame(app, request, reply)} login={login} error={error} next={next} />, status);

    if (!login || !password) return page('Vui lòng nhập email hoặc tên đăng nhập và mật khẩu.', 400);
    const user = await findUserByLogin(ctx.db, login);
    // Counted before the password is checked: parallel guesses cannot outrun the count.
    const attempt = await beginAttempt(ctx.db, [accountKey(user?.id ?? null, login), addressKey(request.ip)], now);
    if (!attempt.ok) return page(tooMany(attempt.waitMs), 429);
    const ok = await verifyPassword(user?.password_hash ?? (await dummyHash()), password);
    if (!user || !ok || user.disabled) {
      await auditLoginFailure(ctx.db, request.site.id, login, attempt, now);
      return page(attempt.lockMs > 0 ? `${WRONG} ${tooMany(attempt.lockMs)}` : WRONG, 401);
    }
    await attempt.succeeded(now);
    const { token } = await ctx.sessions.create(user.id, user.totp_enabled === 1, now);
    setSessionCookie(request, reply, token, ABSOLUTE_MS / 1000);
    await writeAudit(ctx.db, { siteId: request.site.id, userId: user.id, action: 'user.login', entityType: 'user', entityId: user.id }, now);
    if (user.totp_enabled) return reply.redirect(`${ADMIN}/dang-nhap/xac-thuc?tiep=${encodeURIComponent(safeNext(next))}`, 303);
    // Someone who must have a second factor and has none sets it up now (the session hook keeps them there).
    if (!user.must_change_password && mustUseTwoFactor(await loadActor(ctx.db, user), request.site.id, request.site.settings)) {
      return reply.redirect(`${TOTP_SETUP}?batbuoc=1`, 303);
    }
    return reply.redirect(safeNext(next), 303);
  });

  app.get(`${ADMIN}/dang-nhap/xac-thuc`, { config: { mfaStep: true } }, async (request, reply) => {
    if (!request.session?.mfa_pending) return reply.redirect(ADMIN, 303);
    return sendAdmin(reply, <TotpPage frame={adminFrame(app, request, reply)} />);
  });

  app.post(`${ADMIN}/dang-nhap/xac-thuc`, { config: { mfaStep: true, rateLimit: perMinute(30) }, schema: { querystring: NextQuery } }, async (request, reply) => {
    const session = request.session!;
    if (!session.mfa_pending) return reply.redirect(ADMIN, 303);
    const now = ctx.now();
    const page = (error: string, status: number) => sendAdmin(reply, <TotpPage frame={adminFrame(app, request, reply)} error={error} />, status);
    const attempt = await beginAttempt(ctx.db, [secondStepKey(session.user_id)], now);
    if (!attempt.ok) return page(tooMany(attempt.waitMs), 429);
    const user = (await findUserById(ctx.db, session.user_id))!;
    const code = bodyField(request, 'code') ?? '';
    let ok = await acceptTotp(ctx.db, ctx.secrets, user, code, now);
    if (!ok && code.trim() && (await consumeRecoveryCode(ctx.db, user.id, code))) {
      ok = true;
      await writeAudit(ctx.db, { siteId: request.site.id, userId: user.id, action: 'user.recovery_code_used', entityType: 'user', entityId: user.id }, now);
    }
    if (!ok) {
      await auditSecondStepFailure(ctx.db, request.site.id, user.id, attempt, now);
      return page(attempt.lockMs > 0 ? `Mã xác thực không đúng. ${tooMany(attempt.lockMs)}` : 'Mã xác thực không đúng.', 401);
    }
    await attempt.succeeded(now);
    // A new token once both factors are given: a token planted or seen before the second step
    // (session fixation) is worth nothing. The pending session is claimed by ending it, so two
    // parallel second steps on it (a code and a recovery code) do not both open a session.
    if (!(await ctx.sessions.destroy(session.id))) {
      clearSessionCookie(request, reply);
      return reply.redirect(`${ADMIN}/dang-nhap?ra=het-han`, 303);
    }
    const { token } = await ctx.sessions.create(user.id, false, now);
    setSessionCookie(request, reply, token, ABSOLUTE_MS / 1000);
    await writeAudit(ctx.db, { siteId: request.site.id, userId: user.id, action: 'user.login_second_step', entityType: 'user', entityId: user.id }, now);
    return reply.redirect(safeNext(request.query.tiep), 303);
  });

  app.post(`${ADMIN}/dang-xuat`, { config: { mfaStep: true } }, async (request, reply) => {
    if (request.session) await ctx.sessions.destroy(request.session.id);
    clearSessionCookie(request, reply);
    return reply.redirect(`${ADMIN}/dang-nhap?ra=1`, 303);
  });
}

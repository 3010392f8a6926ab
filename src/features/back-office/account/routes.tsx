import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { flash, redirectWithFlash, type FlashMessages } from '../../../kernel/http/flash.js';
import { QueryText } from '../../../kernel/http/route-schemas.js';
import { totpQrSvg, totpUri } from '../auth/totp.js';
import { findUserById } from '../../../kernel/access/users-repo.js';
import { actorOf, ADMIN, adminFrame, bodyField, clearSessionCookie, sendAdmin } from '../../../kernel/http/admin-scope.js';
import { AdminLayout, type AdminFrame } from '../../../kernel/views/admin/layout.js';
import { Csrf, Field, Notice, type FieldErrors } from '../../../kernel/views/admin/forms.js';
import { pendingTotpSecret, changePassword, confirmTotp, disableTotp, logoutEverywhere } from './commands.js';

function AccountPage({ frame, totpEnabled, errors, notice }: { frame: AdminFrame; totpEnabled: boolean; errors: FieldErrors; notice?: string }) {
  return (
    <AdminLayout frame={frame} title="Tài khoản của tôi">
      <h1>Tài khoản của tôi</h1>
      {notice && <Notice kind="ok">{notice}</Notice>}
      {frame.actor?.mustChangePassword && <Notice kind="info">Tài khoản đang dùng mật khẩu do hệ thống tạo. Vui lòng đặt mật khẩu mới trước khi tiếp tục.</Notice>}
      <section aria-labelledby="doi-mk" class="status-panel">
        <h2 id="doi-mk">Đổi mật khẩu</h2>
        <form method="post" action="/quan-tri/tai-khoan/mat-khau" novalidate>
          <Csrf token={frame.csrf} />
          <Field name="current" label="Mật khẩu hiện tại" type="password" errors={errors} required autocomplete="current-password" />
          <Field name="next" label="Mật khẩu mới" type="password" errors={errors} required autocomplete="new-password" hint="Ít nhất 10 ký tự, không chứa tên đăng nhập." />
          <Field name="confirm" label="Nhập lại mật khẩu mới" type="password" errors={errors} required autocomplete="new-password" />
          <button type="submit" class="primary">Đổi mật khẩu</button>
        </form>
      </section>
      <section aria-labelledby="hai-lop" class="status-panel">
        <h2 id="hai-lop">Xác thực hai lớp</h2>
        {totpEnabled ? (
          <form method="post" action="/quan-tri/tai-khoan/hai-lop/tat" novalidate>
            <p>Đang bật. Để tắt, nhập mật khẩu và mã xác thực đang hiện trong ứng dụng (hoặc một mã khôi phục).</p>
            <Csrf token={frame.csrf} />
            <Field name="password" label="Mật khẩu" type="password" errors={errors} required autocomplete="current-password" />
            <Field name="code" label="Mã xác thực" errors={errors} required inputMode="numeric" autocomplete="one-time-code" maxLength={20} />
            <button type="submit" class="danger">Tắt xác thực hai lớp</button>
          </form>
        ) : (
          <p>Chưa bật. <a href="/quan-tri/tai-khoan/hai-lop">Bật xác thực hai lớp</a></p>
        )}
      </section>
      <section aria-labelledby="phien" class="status-panel">
        <h2 id="phien">Phiên đăng nhập</h2>
        <form method="post" action="/quan-tri/tai-khoan/dang-xuat-tat-ca">
          <Csrf token={frame.csrf} />
          <button type="submit">Đăng xuất khỏi mọi thiết bị</button>
        </form>
      </section>
    </AdminLayout>
  );
}

function TotpSetupPage({ frame, secret, qr, errors, forced, codes }: { frame: AdminFrame; secret?: string; qr?: string; errors: FieldErrors; forced: boolean; codes?: string[] }) {
  return (
    <AdminLayout frame={frame} title="Bật xác thực hai lớp">
      <h1>Bật xác thực hai lớp</h1>
      {forced && <Notice kind="info">Tài khoản của bạn phải đăng nhập hai lớp. Vui lòng bật xác thực hai lớp để tiếp tục.</Notice>}
      {codes ? (
        <>
          <Notice kind="ok">Đã bật xác thực hai lớp.</Notice>
          <p>Hãy lưu các mã khôi phục dưới đây ở nơi an toàn. Mỗi mã dùng được một lần khi bạn mất điện thoại. Các mã chỉ hiển thị lần này.</p>
          <ul class="codes">{codes.map((c) => <li>{c}</li>)}</ul>
          <p><a href="/quan-tri">Tiếp tục</a></p>
        </>
      ) : (
        <>
          <ol>
            <li>Mở ứng dụng xác thực (Google Authenticator, Microsoft Authenticator…) và quét mã QR.</li>
            <li>Nếu không quét được, nhập khóa bí mật: <code>{secret}</code></li>
            <li>Nhập mã 6 chữ số ứng dụng hiển thị để xác nhận.</li>
          </ol>
          {/* The QR code is an SVG generated on the server from the otpauth URI. */}
          <div class="qr" role="img" aria-label="Mã QR để thêm tài khoản vào ứng dụng xác thực" dangerouslySetInnerHTML={{ __html: qr ?? '' }} />
          <form method="post" action="/quan-tri/tai-khoan/hai-lop" novalidate>
            <Csrf token={frame.csrf} />
            <Field name="code" label="Mã xác thực" errors={errors} required inputMode="numeric" autocomplete="one-time-code" maxLength={10} />
            <button type="submit" class="primary">Xác nhận và bật</button>
          </form>
        </>
      )}
    </AdminLayout>
  );
}

const NOTICES: FlashMessages = {
  mk: 'Đã đổi mật khẩu. Các phiên đăng nhập khác đã kết thúc.',
  'tat-2fa': 'Đã tắt xác thực hai lớp.',
};

export async function accountRoutes(root: FastifyInstance): Promise<void> {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();
  const ctx = app.cong;
  const page = async (request: FastifyRequest, reply: FastifyReply, errors: FieldErrors = {}, status = 200, notice?: string) => {
    const user = await findUserById(ctx.db, actorOf(request).userId);
    return sendAdmin(reply, <AccountPage frame={adminFrame(app, request, reply)} totpEnabled={!!user?.totp_enabled} errors={errors} notice={notice} />, status);
  };
  const setup = async (request: FastifyRequest, reply: FastifyReply, forced: boolean, errors: FieldErrors = {}, status = 200) => {
    const actor = actorOf(request);
    const user = (await findUserById(ctx.db, actor.userId))!;
    if (user.totp_enabled) return reply.redirect(`${ADMIN}/tai-khoan`, 303);
    const secret = await pendingTotpSecret(ctx.db, ctx.secrets, user);
    const qr = await totpQrSvg(totpUri(secret, user.email, request.site.name));
    return sendAdmin(reply, <TotpSetupPage frame={adminFrame(app, request, reply)} secret={secret} qr={qr} errors={errors} forced={forced} />, status);
  };

  app.get(`${ADMIN}/tai-khoan`, async (request, reply) => page(request, reply, {}, 200, flash(request, NOTICES)));

  app.post(`${ADMIN}/tai-khoan/mat-khau`, async (request, reply) => {
    const r = await changePassword(ctx.db, ctx.sessions, actorOf(request).userId, request.session!.id, bodyField(request, 'current') ?? '', bodyField(request, 'next') ?? '', bodyField(request, 'confirm') ?? '', request.site.id, request.ip, ctx.now());
    if (!r.ok) return page(request, reply, r.errors, r.status ?? 422);
    return redirectWithFlash(reply, `${ADMIN}/tai-khoan`, 'mk');
  });

  // ?batbuoc=1: the site requires a second step of its admins, who are sent here until they set one up.
  const enrol = { schema: { querystring: Type.Object({ batbuoc: QueryText }) } };
  app.get(`${ADMIN}/tai-khoan/hai-lop`, enrol, async (request, reply) => setup(request, reply, request.query.batbuoc === '1'));

  app.post(`${ADMIN}/tai-khoan/hai-lop`, enrol, async (request, reply) => {
    const r = await confirmTotp(ctx.db, ctx.secrets, actorOf(request).userId, bodyField(request, 'code') ?? '', request.site.id, ctx.now());
    if (!r.ok) return setup(request, reply, request.query.batbuoc === '1', r.errors, 422);
    return sendAdmin(reply, <TotpSetupPage frame={adminFrame(app, request, reply)} errors={{}} forced={false} codes={r.value} />);
  });

  app.post(`${ADMIN}/tai-khoan/hai-lop/tat`, async (request, reply) => {
    const r = await disableTotp(ctx.db, ctx.secrets, actorOf(request).userId, bodyField(request, 'password') ?? '', bodyField(request, 'code') ?? '', request.site.id, request.ip, ctx.now());
    if (!r.ok) return page(request, reply, r.errors, r.status ?? 422);
    return redirectWithFlash(reply, `${ADMIN}/tai-khoan`, 'tat-2fa');
  });

  app.post(`${ADMIN}/tai-khoan/dang-xuat-tat-ca`, async (request, reply) => {
    await logoutEverywhere(ctx.db, ctx.sessions, actorOf(request).userId, request.site.id, ctx.now());
    clearSessionCookie(request, reply);
    return reply.redirect(`${ADMIN}/dang-nhap?ra=1`, 303);
  });
}

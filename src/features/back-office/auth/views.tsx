import { AdminLayout, type AdminFrame } from '../../../kernel/views/admin/layout.js';
import { Csrf, Field, Notice } from '../../../kernel/views/admin/forms.js';

export function LoginPage({ frame, login, error, info, next }: { frame: AdminFrame; login?: string; error?: string; info?: string; next?: string }) {
  return (
    <AdminLayout frame={frame} title="Đăng nhập">
      <div class="auth-box">
        <h1>Đăng nhập quản trị</h1>
        {info && <Notice kind="info">{info}</Notice>}
        {error && <Notice kind="error">{error}</Notice>}
        <form method="post" action="/quan-tri/dang-nhap" novalidate>
          <Csrf token={frame.csrf} />
          {next && <input type="hidden" name="tiep" value={next} />}
          <Field name="login" label="Email hoặc tên đăng nhập" value={login} required autocomplete="username" maxLength={200} />
          <Field name="password" label="Mật khẩu" type="password" required autocomplete="current-password" maxLength={200} />
          <button type="submit" class="primary">Đăng nhập</button>
        </form>
      </div>
    </AdminLayout>
  );
}

export function TotpPage({ frame, error }: { frame: AdminFrame; error?: string }) {
  return (
    <AdminLayout frame={{ ...frame, actor: null }} title="Xác thực hai lớp">
      <div class="auth-box">
        <h1>Xác thực hai lớp</h1>
        <p>Nhập mã 6 chữ số trong ứng dụng xác thực trên điện thoại của bạn, hoặc một mã khôi phục.</p>
        {error && <Notice kind="error">{error}</Notice>}
        <form method="post" action="/quan-tri/dang-nhap/xac-thuc" novalidate>
          <Csrf token={frame.csrf} />
          <Field name="code" label="Mã xác thực" required autocomplete="one-time-code" inputMode="numeric" maxLength={20} />
          <button type="submit" class="primary">Xác nhận</button>
        </form>
        <form method="post" action="/quan-tri/dang-xuat">
          <Csrf token={frame.csrf} />
          <button type="submit" class="link-button">Hủy và đăng xuất</button>
        </form>
      </div>
    </AdminLayout>
  );
}

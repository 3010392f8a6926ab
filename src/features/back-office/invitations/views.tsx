import { ROLE_NAMES, ROLES } from '../../../kernel/access/actor.js';
import type { Role } from '../../../kernel/db/schema.js';
import type { InvitationRow } from '../../../kernel/db/tables/invitations.js';
import { formatDateTime } from '../../../kernel/lib/format.js';
import { AdminLayout, type AdminFrame } from '../../../kernel/views/admin/layout.js';
import { Csrf, ErrorSummary, Field, Notice, type FieldErrors } from '../../../kernel/views/admin/forms.js';
import { INVITATION_DAYS, type InviteForm } from './invite.js';
import type { MyInvitation } from './repo.js';

const roleList = (json: string) => (JSON.parse(json) as Role[]).map((r) => ROLE_NAMES[r] ?? r).join(', ');

/** The site administrator's form: invite an existing account by its login or e-mail. */
export function InviteSection({ frame, form, errors }: { frame: AdminFrame; form: InviteForm; errors: FieldErrors }) {
  return (
    <section class="status-panel" aria-labelledby="moi-tai-khoan">
      <h2 id="moi-tai-khoan">Mời tài khoản có sẵn</h2>
      <p>
        Người được mời thấy lời mời khi đăng nhập và chỉ có vai trò trên trang này sau khi chấp nhận. Lời mời hết hạn sau {INVITATION_DAYS} ngày.{' '}
        <a href="/quan-tri/nguoi-dung/loi-moi">Xem các lời mời đang chờ</a>
      </p>
      <ErrorSummary errors={errors} />
      <form method="post" action="/quan-tri/nguoi-dung/moi" novalidate>
        <Csrf token={frame.csrf} />
        <Field name="login" label="Tên đăng nhập hoặc email" value={form.login} errors={errors} required maxLength={200} />
        <fieldset id="f-invite_roles" class={errors.invite_roles ? 'field has-error' : 'field'} aria-describedby={errors.invite_roles ? 'f-invite_roles-error' : undefined}>
          <legend>Vai trò khi chấp nhận</legend>
          {errors.invite_roles && <p class="field-error" id="f-invite_roles-error">{errors.invite_roles}</p>}
          {ROLES.map((r) => (
            <div class="checkbox">
              <input type="checkbox" id={`moi-${r}`} name="invite_roles" value={r} checked={form.roles.includes(r)} />
              <label for={`moi-${r}`}>{ROLE_NAMES[r]}</label>
            </div>
          ))}
        </fieldset>
        <button type="submit">Gửi lời mời</button>
      </form>
    </section>
  );
}

/** The site's open invitations: what was typed, the roles, until when. Nothing about the accounts. */
export function SiteInvitationsPage({ frame, invitations, notice }: { frame: AdminFrame; invitations: InvitationRow[]; notice?: string }) {
  return (
    <AdminLayout frame={frame} title="Lời mời đang chờ">
      <h1>Lời mời đang chờ</h1>
      {notice && <Notice kind="ok">{notice}</Notice>}
      <p><a href="/quan-tri/nguoi-dung">« Người dùng và vai trò</a></p>
      {invitations.length ? (
        <table class="data-table">
          <caption>Lời mời chưa được chấp nhận và chưa hết hạn</caption>
          <thead><tr><th scope="col">Tên đăng nhập hoặc email</th><th scope="col">Vai trò</th><th scope="col">Mời lúc</th><th scope="col">Hết hạn</th><th scope="col">Thao tác</th></tr></thead>
          <tbody>
            {invitations.map((i) => (
              <tr><th scope="row">{i.login}</th><td>{roleList(i.roles)}</td><td>{formatDateTime(i.created_at)}</td><td>{formatDateTime(i.expires_at)}</td>
                <td>
                  <form method="post" action={`/quan-tri/nguoi-dung/loi-moi/${i.id}/huy`} class="inline-form">
                    <Csrf token={frame.csrf} />
                    <button type="submit" aria-label={`Hủy lời mời ${i.login}`}>Hủy lời mời</button>
                  </form>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p class="muted">Không có lời mời nào đang chờ.</p>
      )}
    </AdminLayout>
  );
}

/** The invited person's page: each open invitation with accept and decline. */
export function MyInvitationsPage({ frame, invitations, notice }: { frame: AdminFrame; invitations: MyInvitation[]; notice?: string }) {
  return (
    <AdminLayout frame={frame} title="Lời mời tham gia">
      <h1>Lời mời tham gia trang khác</h1>
      {notice && <Notice kind="ok">{notice}</Notice>}
      {invitations.length ? (
        <ul class="invitations">
          {invitations.map((i) => (
            <li>
              <p>
                <strong>{i.site_name}</strong> mời bạn với vai trò: {roleList(i.roles)}. Hết hạn lúc {formatDateTime(i.expires_at)}.
              </p>
              <form method="post" action={`/quan-tri/loi-moi/${i.id}/chap-nhan`} class="inline-form">
                <Csrf token={frame.csrf} />
                <button type="submit" class="primary" aria-label={`Chấp nhận lời mời của ${i.site_name}`}>Chấp nhận</button>
              </form>
              <form method="post" action={`/quan-tri/loi-moi/${i.id}/tu-choi`} class="inline-form">
                <Csrf token={frame.csrf} />
                <button type="submit" aria-label={`Từ chối lời mời của ${i.site_name}`}>Từ chối</button>
              </form>
            </li>
          ))}
        </ul>
      ) : (
        <p class="muted">Bạn không có lời mời nào.</p>
      )}
    </AdminLayout>
  );
}

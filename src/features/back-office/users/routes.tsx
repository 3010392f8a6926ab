import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { IdParams } from '../../../kernel/http/route-schemas.js';
import { AppError } from '../../../kernel/lib/errors.js';
import { ROLE_NAMES, ROLES } from '../../../kernel/access/actor.js';
import { backOfficePolicy } from '../policy.js';
import { actorOf, ADMIN, adminFrame, bodyField, bodyFields, sendAdmin } from '../../../kernel/http/admin-scope.js';
import { listSiteMembers, type SiteMember } from '../../../kernel/access/users-repo.js';
import { AdminLayout, type AdminFrame } from '../../../kernel/views/admin/layout.js';
import { Csrf, ErrorSummary, Field, Notice, type FieldErrors } from '../../../kernel/views/admin/forms.js';
import { addMember, setRoles, type MemberForm } from './commands.js';
import { flash, redirectWithFlash } from '../../../kernel/http/flash.js';
import { inviteMember, type InviteForm } from '../invitations/invite.js';
import { InviteSection } from '../invitations/views.js';

/** The same words whether or not the login belongs to an account, here or elsewhere. */
const NOTICES = {
  'da-moi': 'Đã ghi lời mời. Nếu tên đăng nhập hoặc email này thuộc một tài khoản, người đó sẽ thấy lời mời khi đăng nhập; vai trò chỉ có hiệu lực khi họ chấp nhận.',
};

function RoleBoxes({ name, selected, idPrefix }: { name: string; selected: string[]; idPrefix: string }) {
  return (
    <>
      {ROLES.map((r) => (
        <div class="checkbox">
          <input type="checkbox" id={`${idPrefix}-${r}`} name={name} value={r} checked={selected.includes(r)} />
          <label for={`${idPrefix}-${r}`}>{ROLE_NAMES[r]}</label>
        </div>
      ))}
    </>
  );
}

function UsersPage({ frame, members, form, errors, created, invite, notice }: {
  frame: AdminFrame; members: SiteMember[]; form: MemberForm; errors: FieldErrors; created?: { name: string; password: string | null };
  invite: { form: InviteForm; errors: FieldErrors }; notice?: string;
}) {
  return (
    <AdminLayout frame={frame} title="Người dùng">
      <h1>Người dùng và vai trò</h1>
      {notice && <Notice kind="ok">{notice}</Notice>}
      {created && (
        <Notice kind="ok">
          Đã thêm {created.name}.{' '}
          {created.password ? <>Mật khẩu tạm thời (chỉ hiển thị một lần, hãy gửi riêng cho người dùng): <code>{created.password}</code></> : 'Tài khoản đã có sẵn, đã gán vai trò trên trang này.'}
        </Notice>
      )}
      <table class="data-table">
        <caption class="visually-hidden">Người dùng của trang</caption>
        <thead><tr><th scope="col">Họ và tên</th><th scope="col">Email</th><th scope="col">Vai trò</th><th scope="col">Hai lớp</th></tr></thead>
        <tbody>
          {members.map((m) => (
            <tr>
              <th scope="row">{m.display_name}</th>
              <td>{m.email}</td>
              <td>
                <form method="post" action={`/quan-tri/nguoi-dung/${m.id}/vai-tro`}>
                  <Csrf token={frame.csrf} />
                  <fieldset>
                    <legend class="visually-hidden">Vai trò của {m.display_name}</legend>
                    <RoleBoxes name="roles" selected={m.roles} idPrefix={`u${m.id}`} />
                  </fieldset>
                  <button type="submit">Lưu vai trò</button>
                </form>
              </td>
              <td>{m.totp_enabled ? 'Đã bật' : 'Chưa bật'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <InviteSection frame={frame} form={invite.form} errors={invite.errors} />
      <section class="status-panel" aria-labelledby="them-nguoi">
        <h2 id="them-nguoi">Tạo tài khoản mới</h2>
        <ErrorSummary errors={errors} />
        <form method="post" action="/quan-tri/nguoi-dung" novalidate>
          <Csrf token={frame.csrf} />
          <Field name="email" label="Email" type="email" value={form.email} errors={errors} required />
          <Field name="username" label="Tên đăng nhập" value={form.username} errors={errors} />
          <Field name="display_name" label="Họ và tên" value={form.display_name} errors={errors} />
          <fieldset id="f-roles" class={errors.roles ? 'field has-error' : 'field'} aria-describedby={errors.roles ? 'f-roles-error' : undefined}>
            <legend>Vai trò trên trang này</legend>
            {errors.roles && <p class="field-error" id="f-roles-error">{errors.roles}</p>}
            <RoleBoxes name="roles" selected={form.roles} idPrefix="new" />
          </fieldset>
          <button type="submit" class="primary">Tạo tài khoản</button>
        </form>
      </section>
    </AdminLayout>
  );
}

export async function userRoutes(root: FastifyInstance): Promise<void> {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();
  const ctx = app.cong;
  const guard = (request: FastifyRequest) => {
    if (!backOfficePolicy.manageUsers(actorOf(request), request.site.id)) throw new AppError('forbidden');
  };
  const emptyInvite: InviteForm = { login: '', roles: ['contributor'] };
  const page = async (request: FastifyRequest, reply: FastifyReply, form: MemberForm, errors: FieldErrors, status = 200, created?: { name: string; password: string | null }, invite = { form: emptyInvite, errors: {} as FieldErrors }) =>
    sendAdmin(reply, <UsersPage frame={adminFrame(app, request, reply)} members={await listSiteMembers(ctx.db, request.site.id)} form={form} errors={errors} created={created} invite={invite} notice={flash(request, NOTICES)} />, status);
  const empty: MemberForm = { email: '', username: '', display_name: '', roles: ['contributor'] };

  app.get(`${ADMIN}/nguoi-dung`, async (request, reply) => {
    guard(request);
    return page(request, reply, empty, {});
  });

  app.post(`${ADMIN}/nguoi-dung`, async (request, reply) => {
    guard(request);
    const form: MemberForm = { email: bodyField(request, 'email') ?? '', username: bodyField(request, 'username') ?? '', display_name: bodyField(request, 'display_name') ?? '', roles: bodyFields(request, 'roles') };
    const actor = actorOf(request);
    const r = await addMember(ctx.db, request.site.id, actor.userId, form, ctx.now(), actor.isSystemAdmin);
    if (!r.ok) return page(request, reply, form, r.errors, 422);
    return page(request, reply, empty, {}, 201, { name: form.display_name || form.email, password: r.value.password });
  });

  /** Inviting answers alike for every login: a redirect to the same page with the same words. */
  app.post(`${ADMIN}/nguoi-dung/moi`, async (request, reply) => {
    guard(request);
    const form: InviteForm = { login: bodyField(request, 'login') ?? '', roles: bodyFields(request, 'invite_roles') };
    const r = await inviteMember(ctx.db, request.site.id, actorOf(request).userId, form, ctx.now());
    if (!r.ok) return page(request, reply, empty, {}, 422, undefined, { form, errors: r.errors });
    return redirectWithFlash(reply, `${ADMIN}/nguoi-dung`, 'da-moi');
  });

  app.post(`${ADMIN}/nguoi-dung/:id/vai-tro`, { schema: { params: IdParams } }, async (request, reply) => {
    guard(request);
    const id = Number(request.params.id);
    const members = await listSiteMembers(ctx.db, request.site.id);
    if (!members.some((m) => m.id === id)) throw new AppError('not_found');
    await setRoles(ctx.db, request.site.id, actorOf(request).userId, id, bodyFields(request, 'roles'), ctx.now());
    return reply.redirect(`${ADMIN}/nguoi-dung`, 303);
  });
}

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

function UsersPage({ frame, members, form, errors, created }: { frame: AdminFrame; members: SiteMember[]; form: MemberForm; errors: FieldErrors; created?: { name: string; password: string | null } }) {
  return (
    <AdminLayout frame={frame} title="Người dùng">
      <h1>Người dùng và vai trò</h1>
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
      <section class="status-panel" aria-labelledby="them-nguoi">
        <h2 id="them-nguoi">Thêm người dùng</h2>
        <ErrorSummary errors={errors} />
        <form method="post" action="/quan-tri/nguoi-dung" novalidate>
          <Csrf token={frame.csrf} />
          <Field name="email" label="Email" type="email" value={form.email} errors={errors} required />
          <Field name="username" label="Tên đăng nhập" value={form.username} errors={errors} hint="Bỏ trống nếu người này đã có tài khoản (cùng email)." />
          <Field name="display_name" label="Họ và tên" value={form.display_name} errors={errors} />
          <fieldset id="f-roles" class={errors.roles ? 'field has-error' : 'field'} aria-describedby={errors.roles ? 'f-roles-error' : undefined}>
            <legend>Vai trò trên trang này</legend>
            {errors.roles && <p class="field-error" id="f-roles-error">{errors.roles}</p>}
            <RoleBoxes name="roles" selected={form.roles} idPrefix="new" />
          </fieldset>
          <button type="submit" class="primary">Thêm người dùng</button>
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
  const page = async (request: FastifyRequest, reply: FastifyReply, form: MemberForm, errors: FieldErrors, status = 200, created?: { name: string; password: string | null }) =>
    sendAdmin(reply, <UsersPage frame={adminFrame(app, request, reply)} members={await listSiteMembers(ctx.db, request.site.id)} form={form} errors={errors} created={created} />, status);
  const empty: MemberForm = { email: '', username: '', display_name: '', roles: ['contributor'] };

  app.get(`${ADMIN}/nguoi-dung`, async (request, reply) => {
    guard(request);
    return page(request, reply, empty, {});
  });

  app.post(`${ADMIN}/nguoi-dung`, async (request, reply) => {
    guard(request);
    const form: MemberForm = { email: bodyField(request, 'email') ?? '', username: bodyField(request, 'username') ?? '', display_name: bodyField(request, 'display_name') ?? '', roles: bodyFields(request, 'roles') };
    const r = await addMember(ctx.db, request.site.id, actorOf(request).userId, form, ctx.now());
    if (!r.ok) return page(request, reply, form, r.errors, 422);
    return page(request, reply, empty, {}, 201, { name: form.display_name || form.email, password: r.value.password });
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

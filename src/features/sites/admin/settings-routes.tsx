import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../../../kernel/lib/errors.js';
import { findSiteRow } from '../admin-repo.js';
import { saveSiteSettings, SETTINGS_FIELDS, settingsFormOf, type SettingsForm } from '../commands/save-site-settings.js';
import { adminFrame, bodyField, sendAdmin } from '../../../kernel/http/admin-scope.js';
import type { AdminFrame } from '../../../kernel/views/admin/layout.js';
import { Csrf, Field, type FieldErrors } from '../../../kernel/views/admin/forms.js';
import { BASE, guardSiteAdmin, SitePage } from './shared.js';
import { siteCommandContext } from '../commands/context.js';
import { flash, redirectWithFlash } from '../../../kernel/http/flash.js';

const PATH = `${BASE}/cai-dat`;

function Check({ name, label, checked, hint }: { name: string; label: string; checked: boolean; hint: string }) {
  return (
    <div class="checkbox">
      <input type="checkbox" id={`f-${name}`} name={name} value="1" checked={checked} aria-describedby={`f-${name}-hint`} />
      <label for={`f-${name}`}>{label}</label>
      <p class="hint" id={`f-${name}-hint`}>{hint}</p>
    </div>
  );
}

function SettingsPage({ frame, form, errors, notice }: { frame: AdminFrame; form: SettingsForm; errors: FieldErrors; notice?: string }) {
  const f = (name: keyof SettingsForm, label: string, extra: { hint?: string; type?: string; required?: boolean; maxLength?: number; multiline?: number } = {}) => (
    <Field name={name} label={label} value={form[name]} errors={errors} required={extra.required ?? true} {...extra} />
  );
  return (
    <SitePage frame={frame} title="Cài đặt trang" notice={notice} errors={errors}>
      <form method="post" action={PATH} novalidate>
        <Csrf token={frame.csrf} />
        <fieldset>
          <legend>Đầu trang</legend>
          {f('name', 'Tên trang', { maxLength: 200, hint: 'Ví dụ: Cổng thông tin điện tử phường Nam Hồng Lĩnh' })}
          {f('tagline', 'Dòng giới thiệu dưới tên trang', { required: false, maxLength: 120, hint: 'Ví dụ: Tỉnh Hà Tĩnh' })}
        </fieldset>
        <fieldset>
          <legend>Thông tin cơ quan chủ quản (chân trang, bắt buộc theo quy định)</legend>
          {f('agency', 'Cơ quan chủ quản', { maxLength: 200 })}
          {f('address', 'Địa chỉ', { maxLength: 300 })}
          {f('phone', 'Điện thoại', { type: 'tel', maxLength: 40 })}
          {f('email', 'Email', { type: 'email', maxLength: 200 })}
          {f('responsible', 'Người chịu trách nhiệm chính', { maxLength: 200, hint: 'Họ tên và chức vụ.' })}
          {f('licence', 'Giấy phép', { maxLength: 300, multiline: 2, hint: 'Ví dụ: Giấy phép số 15/GP-STTTT do Sở Thông tin và Truyền thông tỉnh Hà Tĩnh cấp ngày 12/6/2019' })}
        </fieldset>
        <fieldset>
          <legend>Tiêu đề các ô tiện ích</legend>
          {f('links_title', 'Tiêu đề ô liên kết website', { maxLength: 100 })}
          {f('songs_title', 'Tiêu đề ô bài hát', { maxLength: 100 })}
        </fieldset>
        <fieldset>
          <legend>Thống kê truy cập</legend>
          {f('counter_base', 'Số lượt truy cập ban đầu', { hint: 'Số lượt truy cập đã có trước khi chuyển sang hệ thống này (số nguyên không âm). Mọi thay đổi đều được ghi vào nhật ký thao tác.' })}
        </fieldset>
        <fieldset>
          <legend>Bảo mật và quy trình</legend>
          <Check name="two_person_rule" label="Nguyên tắc hai người: không ai tự xuất bản bài mình viết hoặc sửa lần cuối" checked={form.two_person_rule === '1'} hint="Bài viết phải do một người khác duyệt và xuất bản." />
          <Check name="require_totp" label="Bắt buộc mọi tài khoản của trang đăng nhập hai lớp (mã TOTP)" checked={form.require_totp === '1'} hint="Quản trị trang, trưởng ban biên tập, biên tập viên và kiểm duyệt viên luôn phải đăng nhập hai lớp. Chọn mục này để bắt buộc cả phóng viên, cộng tác viên; ai chưa bật sẽ được yêu cầu bật ở lần truy cập tiếp theo." />
        </fieldset>
        <fieldset>
          <legend>Giám sát EMC (Thông tư 22/2023/TT-BTTTT)</legend>
          {f('emc_script', 'Địa chỉ mã theo dõi EMC', {
            required: false,
            type: 'url',
            maxLength: 500,
            hint: 'Địa chỉ https:// của tệp mã theo dõi do hệ thống giám sát EMC cấp cho trang. Mã được gắn vào mọi trang công khai; để trống nếu chưa kết nối.',
          })}
        </fieldset>
        <div class="form-actions">
          <button type="submit" class="primary">Lưu cài đặt</button>
        </div>
      </form>
    </SitePage>
  );
}

/** Site settings: name, publisher information, widget titles, counter base, security switches, EMC script. */
export async function settingsRoutes(root: FastifyInstance): Promise<void> {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();
  const ctx = app.cong;
  const page = (request: FastifyRequest, reply: FastifyReply, form: SettingsForm, errors: FieldErrors, status = 200) =>
    sendAdmin(reply, <SettingsPage frame={adminFrame(app, request, reply)} form={form} errors={errors} notice={status === 200 ? flash(request, { 'da-luu': 'Đã lưu cài đặt trang.' }) : undefined} />, status);

  app.get(PATH, async (request, reply) => {
    guardSiteAdmin(request);
    const row = await findSiteRow(ctx.db, request.site.id);
    if (!row) throw new AppError('not_found');
    return page(request, reply, settingsFormOf(row), {});
  });

  app.post(PATH, async (request, reply) => {
    guardSiteAdmin(request);
    const form = Object.fromEntries(SETTINGS_FIELDS.map((k) => [k, bodyField(request, k) ?? ''])) as unknown as SettingsForm;
    const r = await saveSiteSettings(siteCommandContext(request), form);
    if (!r.ok) return page(request, reply, form, r.errors, r.errors._form ? 409 : 422);
    return redirectWithFlash(reply, PATH, 'da-luu');
  });
}

import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../../../kernel/lib/errors.js';
import { mediaUrl } from '../../media/present.js';
import { listMedia } from '../../media/repo.js';
import type { MediaRow } from '../../../kernel/db/tables/media.js';
import { findSiteRow } from '../admin-repo.js';
import { DEFAULT_COLOR } from '../appearance.js';
import { appearanceFormOf, saveAppearance, type AppearanceForm } from '../commands/save-appearance.js';
import type { SiteSettings } from '../../../kernel/sites/settings.js';
import { adminFrame, sendAdmin } from '../../../kernel/http/admin-scope.js';
import type { AdminFrame } from '../../../kernel/views/admin/layout.js';
import { Csrf, Field, type FieldErrors } from '../../../kernel/views/admin/forms.js';
import { BASE, formOf, guardSiteAdmin, SitePage } from './shared.js';
import { siteCommandContext } from '../commands/context.js';
import { flash, redirectWithFlash } from '../../../kernel/http/flash.js';

const PATH = `${BASE}/giao-dien`;
/** The images offered in the lists: the newest of the library. */
const CHOICES = 200;

function ImageChoice({ name, label, hint, value, images, errors }: { name: keyof AppearanceForm; label: string; hint: string; value: string; images: MediaRow[]; errors: FieldErrors }) {
  const chosen = images.find((m) => String(m.id) === value);
  return (
    <Field name={name} label={label} errors={errors} hint={hint}>
      <select id={`f-${name}`} name={name} aria-invalid={errors[name] ? 'true' : undefined} aria-describedby={errors[name] ? `f-${name}-hint f-${name}-error` : `f-${name}-hint`}>
        <option value="">-- Không dùng --</option>
        {value && !chosen && <option value={value} selected>{`Ảnh số ${value}`}</option>}
        {images.map((m) => <option value={String(m.id)} selected={String(m.id) === value}>{`${m.title || m.original_name} (số ${m.id}, ${m.width}×${m.height})`}</option>)}
      </select>
      {chosen && <img class="appearance-preview" src={mediaUrl(chosen.disk_path)} alt="" />}
    </Field>
  );
}

function AppearancePage({ frame, form, images, errors, notice }: { frame: AdminFrame; form: AppearanceForm; images: MediaRow[]; errors: FieldErrors; notice?: string }) {
  return (
    <SitePage frame={frame} title="Giao diện" notice={notice} errors={errors}>
      <p>Biểu trưng, ảnh nền đầu trang và màu chủ đạo của trang. Ảnh lấy từ <a href="/quan-tri/thu-vien">Thư viện tệp</a>; hãy tải ảnh lên đó trước.</p>
      <form method="post" action={PATH} novalidate>
        <Csrf token={frame.csrf} />
        <ImageChoice name="logo_media_id" label="Biểu trưng (logo)" hint="Hiện bên trái tên trang, cao khoảng 64 điểm ảnh. Không chọn: dùng biểu tượng mặc định." value={form.logo_media_id} images={images} errors={errors} />
        <ImageChoice name="banner_media_id" label="Ảnh nền đầu trang" hint="Ảnh rộng (ví dụ 1600×300), phủ một lớp màu chủ đạo để tên trang vẫn dễ đọc." value={form.banner_media_id} images={images} errors={errors} />
        <Field name="color" label="Màu chủ đạo" value={form.color} errors={errors} maxLength={7} hint={`Mã màu hex, ví dụ ${DEFAULT_COLOR} (màu đỏ mặc định). Để trống: dùng màu mặc định. Màu phải đủ đậm để chữ trắng trên nền màu dễ đọc.`} />
        <div class="form-actions">
          <button type="submit" class="primary">Lưu giao diện</button>
        </div>
      </form>
    </SitePage>
  );
}

/** Logo, header banner and main colour of the public site. */
export async function appearanceRoutes(root: FastifyInstance): Promise<void> {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();
  const ctx = app.cong;
  const page = async (request: FastifyRequest, reply: FastifyReply, form: AppearanceForm, errors: FieldErrors, status = 200) => {
    const images = await listMedia(ctx.db, request.site.id, { kind: 'image', limit: CHOICES });
    const notice = status === 200 ? flash(request, { 'da-luu': 'Đã lưu giao diện. Trang công khai đã dùng giao diện mới.' }) : undefined;
    return sendAdmin(reply, <AppearancePage frame={adminFrame(app, request, reply)} form={form} images={images} errors={errors} notice={notice} />, status);
  };

  app.get(PATH, async (request, reply) => {
    guardSiteAdmin(request);
    const row = await findSiteRow(ctx.db, request.site.id);
    if (!row) throw new AppError('not_found');
    return page(request, reply, appearanceFormOf(JSON.parse(row.settings) as SiteSettings), {});
  });

  app.post(PATH, async (request, reply) => {
    guardSiteAdmin(request);
    const form = formOf(request, { logo_media_id: '', banner_media_id: '', color: '' });
    const r = await saveAppearance(siteCommandContext(request), form);
    if (!r.ok) return page(request, reply, form, r.errors, r.errors._form ? 409 : 422);
    return redirectWithFlash(reply, PATH, 'da-luu');
  });
}

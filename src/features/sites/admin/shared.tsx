import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ComponentChildren } from 'preact';
import { AppError } from '../../../kernel/lib/errors.js';
import { commandContext } from '../../../kernel/commands.js';
import { redirectWithFlash } from '../../../kernel/http/flash.js';
import { IdParams } from '../../../kernel/http/route-schemas.js';
import { moveItem } from '../commands/move-item.js';
import type { OrderedTable } from '../../../kernel/db/ordering.js';
import { sitePolicy } from '../policy.js';
import { actorOf, ADMIN, bodyField } from '../../../kernel/http/admin-scope.js';
import { AdminLayout, type AdminFrame } from '../../../kernel/views/admin/layout.js';
import { Csrf, FormMessages, SectionCrumbs, type FieldErrors } from '../../../kernel/views/admin/forms.js';

/** Pieces shared by the site-management screens (/quan-tri/trang-web…). */
export const BASE = `${ADMIN}/trang-web`;

/** The screens of the site-management hub (the categories and static pages screens belong to those features). */
export const SITE_SCREENS: { href: string; label: string; about: string; systemOnly?: boolean }[] = [
  { href: `${BASE}/chuyen-muc`, label: 'Chuyên mục', about: 'Cây chuyên mục, thứ tự, tên và đường dẫn.' },
  { href: `${BASE}/menu`, label: 'Thanh menu', about: 'Những chuyên mục và trang hiện trên thanh menu đầu trang, theo thứ tự.' },
  { href: `${BASE}/trang-tinh`, label: 'Trang tĩnh', about: 'Giới thiệu, Liên hệ và các trang nội dung cố định khác.' },
  { href: `${BASE}/lien-ket`, label: 'Liên kết website', about: 'Danh sách website trong ô liên kết.' },
  { href: `${BASE}/bai-hat`, label: 'Bài hát', about: 'Các bài hát của ô nghe nhạc: tải lên, sửa tên, sắp xếp.' },
  { href: `${BASE}/ban-do`, label: 'Bản đồ', about: 'Tiêu đề, nguồn bản đồ, vị trí trung tâm và các địa điểm đánh dấu.' },
  { href: `${BASE}/giao-dien`, label: 'Giao diện', about: 'Biểu trưng, ảnh nền đầu trang và màu chủ đạo.' },
  { href: `${BASE}/dia-chi-cu`, label: 'Địa chỉ cũ', about: 'Địa chỉ của cổng thông tin cũ dẫn tới trang mới: xem, thử, thêm, xoá.' },
  { href: `${BASE}/cai-dat`, label: 'Cài đặt trang', about: 'Tên trang, thông tin cơ quan chủ quản ở chân trang, số lượt truy cập, bảo mật.' },
  { href: `${BASE}/cac-trang`, label: 'Các trang thông tin', about: 'Tạo trang cho phường, xã mới và gán tên miền (quản trị hệ thống).', systemOnly: true },
];

/** The screens are for the site's admins; the commands check again before writing. */
export function guardSiteAdmin(request: FastifyRequest): void {
  if (!sitePolicy.manage(actorOf(request), request.site.id)) throw new AppError('forbidden');
}

/** The posted fields named like those of `empty`, as typed (NFC); missing ones are empty. */
export function formOf<T extends object>(request: FastifyRequest, empty: T): T {
  const out = { ...empty } as Record<string, string>;
  for (const k of Object.keys(out)) out[k] = bodyField(request, k) ?? '';
  return out as T;
}

/** POST <path>/:id/len and /xuong for a list ordered with buttons; back to `back` (the list), whose messages have 'da-sap-xep'. */
export function moveRoutes(root: FastifyInstance, path: string, table: OrderedTable, back = path): void {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();
  for (const [suffix, dir] of [['len', 'up'], ['xuong', 'down']] as const) {
    app.post(`${path}/:id/${suffix}`, { schema: { params: IdParams } }, async (request, reply) => {
      guardSiteAdmin(request);
      await moveItem(commandContext(request), table, Number(request.params.id), dir);
      return redirectWithFlash(reply, back, 'da-sap-xep');
    });
  }
}

export function SitePage({ frame, title, notice, errors, children }: { frame: AdminFrame; title: string; notice?: string; errors?: FieldErrors; children: ComponentChildren }) {
  return (
    <AdminLayout frame={frame} title={title}>
      <SectionCrumbs href={BASE} label="Quản lý trang" title={title} />
      <h1>{title}</h1>
      <FormMessages notice={notice} errors={errors} />
      {children}
    </AdminLayout>
  );
}

/** Up / down / edit / delete buttons of one row; each is a small form (works without JS). */
export function RowActions({ path, id, name, csrf, first, last, editable = true, deleteLabel = 'Xoá' }: {
  path: string; id: number; name: string; csrf: string; first: boolean; last: boolean; editable?: boolean; deleteLabel?: string;
}) {
  return (
    <td class="workflow">
      {!first && (
        <form method="post" action={`${path}/${id}/len`}>
          <Csrf token={csrf} />
          <button type="submit" aria-label={`Lên: ${name}`}><span aria-hidden="true">↑ </span>Lên</button>
        </form>
      )}
      {!last && (
        <form method="post" action={`${path}/${id}/xuong`}>
          <Csrf token={csrf} />
          <button type="submit" aria-label={`Xuống: ${name}`}><span aria-hidden="true">↓ </span>Xuống</button>
        </form>
      )}
      {editable && <a class="button" href={`${path}/${id}`} aria-label={`Sửa: ${name}`}>Sửa</a>}
      <form method="post" action={`${path}/${id}/xoa`}>
        <Csrf token={csrf} />
        <button type="submit" class="danger" aria-label={`${deleteLabel}: ${name}`}>{deleteLabel}</button>
      </form>
    </td>
  );
}

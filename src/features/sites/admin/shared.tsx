import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ComponentChildren } from 'preact';
import { AppError } from '../../../kernel/lib/errors.js';
import type { SiteCommandContext } from '../commands/context.js';
import { moveItem } from '../commands/move-item.js';
import type { OrderedTable } from '../../../kernel/db/ordering.js';
import { sitePolicy } from '../policy.js';
import { actorOf, ADMIN, bodyField } from '../../../kernel/http/admin-scope.js';
import { AdminLayout, type AdminFrame } from '../../../kernel/views/admin/layout.js';
import { Csrf, FormMessages, SectionCrumbs, type FieldErrors } from '../../../kernel/views/admin/forms.js';

/** Pieces shared by the site-management screens (/quan-tri/trang-web…). */
export const BASE = `${ADMIN}/trang-web`;

export const SECTIONS: { href: string; label: string; about: string; systemOnly?: boolean }[] = [
  { href: `${BASE}/chuyen-muc`, label: 'Chuyên mục', about: 'Cây chuyên mục, thứ tự, tên và đường dẫn.' },
  { href: `${BASE}/menu`, label: 'Thanh menu', about: 'Những chuyên mục và trang hiện trên thanh menu đầu trang, theo thứ tự.' },
  { href: `${BASE}/trang-tinh`, label: 'Trang tĩnh', about: 'Giới thiệu, Liên hệ và các trang nội dung cố định khác.' },
  { href: `${BASE}/lien-ket`, label: 'Liên kết website', about: 'Danh sách website trong ô liên kết.' },
  { href: `${BASE}/bai-hat`, label: 'Bài hát', about: 'Các bài hát của ô nghe nhạc: tải lên, sửa tên, sắp xếp.' },
  { href: `${BASE}/ban-do`, label: 'Bản đồ', about: 'Tiêu đề, nguồn bản đồ, vị trí trung tâm và các địa điểm đánh dấu.' },
  { href: `${BASE}/giao-dien`, label: 'Giao diện', about: 'Biểu trưng, ảnh nền đầu trang và màu chủ đạo.' },
  { href: `${BASE}/cai-dat`, label: 'Cài đặt trang', about: 'Tên trang, thông tin cơ quan chủ quản ở chân trang, số lượt truy cập, bảo mật.' },
  { href: `${BASE}/cac-trang`, label: 'Các trang thông tin', about: 'Tạo trang cho phường, xã mới và gán tên miền (quản trị hệ thống).', systemOnly: true },
];

export function idParam(request: FastifyRequest, name = 'id'): number {
  const v = (request.params as Record<string, string>)[name] ?? '';
  if (!/^\d{1,12}$/.test(v)) throw new AppError('not_found');
  return Number(v);
}

/** The screens are for the site's admins; the commands check again before writing. */
export function guardSiteAdmin(request: FastifyRequest): void {
  if (!sitePolicy.manage(actorOf(request), request.site.id)) throw new AppError('forbidden');
}

export function commandContext(app: FastifyInstance, request: FastifyRequest): SiteCommandContext {
  const ctx = app.cong;
  return { db: ctx.db, site: request.site, actor: actorOf(request), now: ctx.now(), cache: ctx.pageCache, sites: ctx.sites };
}

/** The posted fields named like those of `empty`, as typed (NFC); missing ones are empty. */
export function formOf<T extends object>(request: FastifyRequest, empty: T): T {
  const out = { ...empty } as Record<string, string>;
  for (const k of Object.keys(out)) out[k] = bodyField(request, k) ?? '';
  return out as T;
}

/** "?tb=<key>" after a redirect becomes a confirmation message. */
export function noticeOf(request: FastifyRequest, notices: Record<string, string>): string | undefined {
  return notices[(request.query as { tb?: string }).tb ?? ''];
}

export function redirect(reply: FastifyReply, path: string, notice?: string): FastifyReply {
  return reply.redirect(notice ? `${path}?tb=${notice}` : path, 303);
}

/** POST <path>/:id/len and /xuong for a list ordered with buttons; back to `back` (the list). */
export function moveRoutes(app: FastifyInstance, path: string, table: OrderedTable, back = path): void {
  for (const [suffix, dir] of [['len', 'up'], ['xuong', 'down']] as const) {
    app.post(`${path}/:id/${suffix}`, async (request, reply) => {
      guardSiteAdmin(request);
      await moveItem(commandContext(app, request), table, idParam(request), dir);
      return redirect(reply, back, 'da-sap-xep');
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

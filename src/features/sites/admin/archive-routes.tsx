import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../../../kernel/lib/errors.js';
import { formatDate } from '../../../kernel/lib/format.js';
import { listSitesWithHosts, type SiteWithHosts } from '../admin-repo.js';
import { archiveSite } from '../commands/archive-site.js';
import { unarchiveSite } from '../commands/unarchive-site.js';
import { siteCommandContext } from '../commands/context.js';
import { sitePolicy } from '../policy.js';
import { actorOf, adminFrame, bodyFields, sendAdmin } from '../../../kernel/http/admin-scope.js';
import type { AdminFrame } from '../../../kernel/views/admin/layout.js';
import { Csrf, type FieldErrors } from '../../../kernel/views/admin/forms.js';
import { redirectWithFlash } from '../../../kernel/http/flash.js';
import { IdParams } from '../../../kernel/http/route-schemas.js';
import { BASE, SitePage } from './shared.js';

export const SITES_PATH = `${BASE}/cac-trang`;
export const ARCHIVE_FLASH = { 'da-luu-tru': 'Đã chuyển trang thành trang lưu trữ.', 'da-mo-lai': 'Trang đã hoạt động trở lại.' };

function ArchivePage({ frame, site, candidates, chosen, errors }: { frame: AdminFrame; site: SiteWithHosts; candidates: SiteWithHosts[]; chosen: number[]; errors: FieldErrors }) {
  const err = errors.successors;
  return (
    <SitePage frame={frame} title={`Lưu trữ “${site.name}”`} errors={errors}>
      <p>
        Trang lưu trữ vẫn được đọc và tìm kiếm, các địa chỉ cũ vẫn dùng được; mỗi trang hiện dòng “Trang lưu trữ” dẫn đến các trang tiếp nhận. Bình luận,
        đánh giá, hỏi đáp, bình chọn và góp ý bị đóng; không thêm hay sửa được nội dung. Có thể đưa trang hoạt động lại bất cứ lúc nào.
      </p>
      <form method="post" action={`${SITES_PATH}/${site.id}/luu-tru`} novalidate>
        <Csrf token={frame.csrf} />
        <fieldset class={err ? 'field has-error' : 'field'} aria-describedby={err ? 'f-successors-error' : undefined}>
          <legend>Trang tiếp nhận thông tin <span class="req" aria-hidden="true">*</span></legend>
          {err && <p class="field-error" id="f-successors-error">{err}</p>}
          {candidates.map((s) => (
            <div class="checkbox">
              <input type="checkbox" id={`ke-tiep-${s.id}`} name="successors" value={String(s.id)} checked={chosen.includes(s.id)} />
              <label for={`ke-tiep-${s.id}`}>{s.name}</label>
            </div>
          ))}
        </fieldset>
        <div class="form-actions">
          <button type="submit" class="primary">Chuyển thành trang lưu trữ</button>
          <a href={SITES_PATH}>Quay lại danh sách</a>
        </div>
      </form>
    </SitePage>
  );
}

/** A site's archive state in the sites list, and the button that changes it. */
export function ArchiveCell({ site, csrf }: { site: SiteWithHosts; csrf: string }) {
  if (!site.archivedAt) return <a class="button" href={`${SITES_PATH}/${site.id}/luu-tru`} aria-label={`Lưu trữ: ${site.name}`}>Lưu trữ</a>;
  return (
    <form method="post" action={`${SITES_PATH}/${site.id}/hoat-dong-lai`}>
      <Csrf token={csrf} />
      <p class="muted">Lưu trữ từ {formatDate(site.archivedAt)}</p>
      <button type="submit" aria-label={`Đưa hoạt động lại: ${site.name}`}>Đưa hoạt động lại</button>
    </form>
  );
}

/**
 * Archiving a site and making it live again (system admins only). Marked `onArchive`: they work
 * while the site the back office is opened on is itself an archive.
 */
export async function archiveRoutes(root: FastifyInstance): Promise<void> {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();
  const ctx = app.cong;
  const guard = (request: FastifyRequest) => {
    if (!sitePolicy.manageSites(actorOf(request))) throw new AppError('forbidden');
  };
  const page = async (request: FastifyRequest, reply: FastifyReply, id: number, chosen: number[], errors: FieldErrors, status = 200) => {
    const sites = await listSitesWithHosts(ctx.db);
    const site = sites.find((s) => s.id === id);
    if (!site) throw new AppError('not_found');
    const candidates = sites.filter((s) => s.id !== id && !s.archivedAt);
    return sendAdmin(reply, <ArchivePage frame={adminFrame(app, request, reply)} site={site} candidates={candidates} chosen={chosen} errors={errors} />, status);
  };

  app.get(`${SITES_PATH}/:id/luu-tru`, { schema: { params: IdParams } }, async (request, reply) => {
    guard(request);
    return page(request, reply, Number(request.params.id), [], {});
  });

  app.post(`${SITES_PATH}/:id/luu-tru`, { schema: { params: IdParams }, config: { onArchive: true } }, async (request, reply) => {
    guard(request);
    const id = Number(request.params.id);
    const chosen = bodyFields(request, 'successors').map(Number).filter((n) => Number.isInteger(n) && n > 0);
    const r = await archiveSite(siteCommandContext(request), id, chosen);
    if (!r.ok) return page(request, reply, id, chosen, r.errors, 422);
    return redirectWithFlash(reply, SITES_PATH, 'da-luu-tru');
  });

  app.post(`${SITES_PATH}/:id/hoat-dong-lai`, { schema: { params: IdParams }, config: { onArchive: true } }, async (request, reply) => {
    guard(request);
    await unarchiveSite(siteCommandContext(request), Number(request.params.id));
    return redirectWithFlash(reply, SITES_PATH, 'da-mo-lai');
  });
}

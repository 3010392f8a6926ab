import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../../../kernel/lib/errors.js';
import { listSitesWithHosts, type SiteWithHosts } from '../admin-repo.js';
import { createSite, EMPTY_NEW_SITE, type NewSiteForm } from '../commands/create-site.js';
import { saveSiteHosts } from '../commands/save-site-hosts.js';
import { sitePolicy } from '../policy.js';
import { actorOf, adminFrame, bodyField, sendAdmin } from '../../../kernel/http/admin-scope.js';
import type { AdminFrame } from '../../../kernel/views/admin/layout.js';
import { Csrf, Field, type FieldErrors } from '../../../kernel/views/admin/forms.js';
import { BASE, formOf, SitePage } from './shared.js';
import { siteCommandContext } from '../commands/context.js';
import { flash, redirectWithFlash } from '../../../kernel/http/flash.js';
import { IdParams } from '../../../kernel/http/route-schemas.js';
import { ARCHIVE_FLASH, ArchiveCell, archiveRoutes, SITES_PATH } from './archive-routes.js';

const PATH = SITES_PATH;
const HOSTS_HINT = 'Mỗi dòng một tên miền, ví dụ phuongmoi.hatinh.gov.vn. Tên miền ở dòng đầu là tên miền chính: liên kết chuẩn, RSS, sơ đồ trang và mọi địa chỉ đầy đủ của trang dùng tên miền này. Khi thử nghiệm, <mã trang>.localhost luôn dùng được.';
const SCHEMES: [string, string][] = [
  ['', 'Mặc định (https khi chạy thật, http khi thử nghiệm)'],
  ['https', 'https'],
  ['http', 'http (chỉ khi chưa có chứng chỉ TLS)'],
];

function SitesPage({ frame, sites, form, errors, notice }: { frame: AdminFrame; sites: SiteWithHosts[]; form: NewSiteForm; errors: FieldErrors; notice?: string }) {
  return (
    <SitePage frame={frame} title="Các trang thông tin" notice={notice} errors={errors}>
      <table class="data-table">
        <caption class="visually-hidden">Các trang thông tin trên hệ thống và tên miền của chúng</caption>
        <thead><tr><th scope="col">Tên trang</th><th scope="col">Mã</th><th scope="col">Tên miền</th><th scope="col">Thao tác</th><th scope="col">Lưu trữ</th></tr></thead>
        <tbody>
          {sites.map((s) => (
            <tr>
              <th scope="row">{s.name}{s.isDefault && <span class="muted"> (mặc định)</span>}</th>
              <td><code>{s.code}</code></td>
              <td>{s.hosts.length ? <ul>{s.hosts.map((h, i) => <li><a href={`//${h}/`}>{h}</a>{i === 0 && s.hosts.length > 1 && <span class="muted"> (chính)</span>}</li>)}</ul> : <span class="muted">Chưa có</span>}</td>
              <td><a class="button" href={`${PATH}/${s.id}`} aria-label={`Sửa tên miền: ${s.name}`}>Sửa tên miền</a></td>
              <td><ArchiveCell site={s} csrf={frame.csrf} /></td>
            </tr>
          ))}
        </tbody>
      </table>
      <section class="status-panel" aria-labelledby="tao-trang">
        <h2 id="tao-trang">Tạo trang mới</h2>
        <p class="hint">Trang mới nhận cài đặt bản đồ và bảo mật của trang này, hai chuyên mục và trang Giới thiệu ban đầu. Sau khi tạo, hãy mở trang mới và hoàn thiện thông tin cơ quan chủ quản ở Cài đặt trang.</p>
        <form method="post" action={PATH} novalidate>
          <Csrf token={frame.csrf} />
          <Field name="code" label="Mã trang" value={form.code} errors={errors} required maxLength={40} hint="2–40 chữ thường không dấu, chữ số hoặc gạch ngang, ví dụ phuongmoi. Không đổi được sau khi tạo." />
          <Field name="name" label="Tên trang" value={form.name} errors={errors} required maxLength={200} hint="Ví dụ: Cổng thông tin điện tử phường Mới" />
          <Field name="hosts" label="Tên miền" value={form.hosts} errors={errors} required multiline={3} hint={HOSTS_HINT} />
          <button type="submit" class="primary">Tạo trang</button>
        </form>
      </section>
    </SitePage>
  );
}

function HostsPage({ frame, site, hosts, scheme, errors }: { frame: AdminFrame; site: SiteWithHosts; hosts: string; scheme: string; errors: FieldErrors }) {
  return (
    <SitePage frame={frame} title={`Tên miền của “${site.name}”`} errors={errors}>
      <form method="post" action={`${PATH}/${site.id}`} novalidate>
        <Csrf token={frame.csrf} />
        <Field name="hosts" label="Tên miền" value={hosts} errors={errors} required multiline={5} hint={HOSTS_HINT} />
        <Field name="scheme" label="Giao thức của địa chỉ đầy đủ" errors={errors} hint="Cookie đăng nhập chỉ được gửi qua https khi chọn https.">
          <select id="f-scheme" name="scheme" aria-invalid={errors.scheme ? 'true' : undefined} aria-describedby={`f-scheme-hint${errors.scheme ? ' f-scheme-error' : ''}`}>
            {SCHEMES.map(([value, label]) => <option value={value} selected={value === scheme}>{label}</option>)}
          </select>
        </Field>
        <div class="form-actions">
          <button type="submit" class="primary">Lưu tên miền</button>
          <a href={PATH}>Quay lại danh sách</a>
        </div>
      </form>
    </SitePage>
  );
}

/** All sites of the installation: list, create, hostnames (system admins only). */
export async function sitesRoutes(root: FastifyInstance): Promise<void> {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();
  const ctx = app.cong;
  await archiveRoutes(root);
  const guard = (request: FastifyRequest) => {
    if (!sitePolicy.manageSites(actorOf(request))) throw new AppError('forbidden');
  };
  const list = async (request: FastifyRequest, reply: FastifyReply, form: NewSiteForm, errors: FieldErrors, status = 200) => {
    const notice = status === 200 ? flash(request, { 'da-tao': 'Đã tạo trang mới.', 'da-luu': 'Đã lưu tên miền.', ...ARCHIVE_FLASH }) : undefined;
    return sendAdmin(reply, <SitesPage frame={adminFrame(app, request, reply)} sites={await listSitesWithHosts(ctx.db)} form={form} errors={errors} notice={notice} />, status);
  };
  const hostsPage = async (request: FastifyRequest, reply: FastifyReply, id: number, typed: { hosts: string; scheme: string } | null, errors: FieldErrors, status = 200) => {
    const site = (await listSitesWithHosts(ctx.db)).find((s) => s.id === id);
    if (!site) throw new AppError('not_found');
    const form = typed ?? { hosts: site.hosts.join('\n'), scheme: site.scheme ?? '' };
    return sendAdmin(reply, <HostsPage frame={adminFrame(app, request, reply)} site={site} hosts={form.hosts} scheme={form.scheme} errors={errors} />, status);
  };

  app.get(PATH, async (request, reply) => {
    guard(request);
    return list(request, reply, EMPTY_NEW_SITE, {});
  });

  app.post(PATH, { config: { onArchive: true } }, async (request, reply) => {
    guard(request);
    const form = formOf(request, EMPTY_NEW_SITE);
    const r = await createSite(siteCommandContext(request), form);
    if (!r.ok) return list(request, reply, form, r.errors, 422);
    return redirectWithFlash(reply, PATH, 'da-tao');
  });

  app.get(`${PATH}/:id`, { schema: { params: IdParams } }, async (request, reply) => {
    guard(request);
    return hostsPage(request, reply, Number(request.params.id), null, {});
  });

  app.post(`${PATH}/:id`, { schema: { params: IdParams }, config: { onArchive: true } }, async (request, reply) => {
    guard(request);
    const id = Number(request.params.id);
    const typed = { hosts: bodyField(request, 'hosts') ?? '', scheme: bodyField(request, 'scheme') ?? '' };
    const r = await saveSiteHosts(siteCommandContext(request), id, typed.hosts, typed.scheme);
    if (!r.ok) return hostsPage(request, reply, id, typed, r.errors, 422);
    return redirectWithFlash(reply, PATH, 'da-luu');
  });
}

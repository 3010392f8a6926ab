import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { listCategories } from '../../articles/repo.js';
import { treeOrder } from '../../articles/category-tree.js';
import type { CategoryRow } from '../../../kernel/db/schema.js';
import { listPagesAdmin, type PageListRow } from '../admin-repo.js';
import { addMenuItem } from '../commands/add-menu-item.js';
import { removeMenuItem } from '../commands/remove-menu-item.js';
import { resetMenu } from '../commands/reset-menu.js';
import { listMenu, type MenuEntry } from '../menu-repo.js';
import type { PublicSection } from '../../../kernel/feature.js';
import { adminFrame, bodyField, sendAdmin } from '../../../kernel/http/admin-scope.js';
import type { AdminFrame } from '../../../kernel/views/admin/layout.js';
import { Csrf, Field, Notice, type FieldErrors } from '../../../kernel/views/admin/forms.js';
import { BASE, guardSiteAdmin, moveRoutes, RowActions, SitePage } from './shared.js';
import { siteCommandContext } from '../commands/context.js';
import { flash, redirectWithFlash, type FlashMessages } from '../../../kernel/http/flash.js';
import { IdParams } from '../../../kernel/http/route-schemas.js';

const PATH = `${BASE}/menu`;
const KIND_LABELS: Record<MenuEntry['kind'], string> = { category: 'Chuyên mục', page: 'Trang tĩnh', section: 'Mục thông tin' };
const NOTICES: FlashMessages = {
  'da-them': 'Đã thêm vào thanh menu.',
  'da-bo': 'Đã bỏ khỏi thanh menu.',
  'da-sap-xep': 'Đã đổi thứ tự thanh menu.',
  'mac-dinh': 'Trang đã dùng lại thanh menu mặc định.',
};

function MenuPage({ frame, sections, menu, categories, pages, target, errors, notice }: {
  frame: AdminFrame; sections: readonly PublicSection[]; menu: MenuEntry[]; categories: CategoryRow[]; pages: PageListRow[]; target: string; errors: FieldErrors; notice?: string;
}) {
  const inMenu = new Set(menu.map((m) => (m.kind === 'section' ? `s:${m.section}` : `${m.kind === 'category' ? 'c' : 'p'}:${m.targetId}`)));
  const sectionOptions = sections.filter((s) => !inMenu.has(`s:${s.key}`));
  const categoryOptions = treeOrder(categories).filter((e) => !inMenu.has(`c:${e.row.id}`));
  const pageOptions = pages.filter((p) => !inMenu.has(`p:${p.id}`));
  return (
    <SitePage frame={frame} title="Thanh menu" notice={notice} errors={errors}>
      {menu.length ? (
        <table class="data-table">
          <caption class="visually-hidden">Các mục trên thanh menu, theo thứ tự</caption>
          <thead><tr><th scope="col">Mục</th><th scope="col">Loại</th><th scope="col">Thao tác</th></tr></thead>
          <tbody>
            {menu.map((m, i) => (
              <tr>
                <th scope="row"><a href={m.href}>{m.label}</a></th>
                <td>{KIND_LABELS[m.kind]}</td>
                <RowActions path={PATH} id={m.id} name={m.label} csrf={frame.csrf} first={i === 0} last={i === menu.length - 1} editable={false} deleteLabel="Bỏ khỏi menu" />
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <Notice kind="info">Trang đang dùng thanh menu mặc định: mọi chuyên mục và trang tĩnh đầu tiên. Thêm mục dưới đây để tự chọn những gì hiện trên thanh menu.</Notice>
      )}
      <section class="status-panel" aria-labelledby="them-muc">
        <h2 id="them-muc">Thêm vào thanh menu</h2>
        <form method="post" action={PATH} novalidate>
          <Csrf token={frame.csrf} />
          <Field name="target" label="Chuyên mục, trang hoặc mục thông tin" errors={errors}>
            <select id="f-target" name="target" aria-invalid={errors.target ? 'true' : undefined} aria-describedby={errors.target ? 'f-target-error' : undefined}>
              <option value="">-- Chọn --</option>
              <optgroup label="Chuyên mục">
                {categoryOptions.map((e) => <option value={`c:${e.row.id}`} selected={target === `c:${e.row.id}`}>{`${'— '.repeat(e.depth)}${e.row.name}`}</option>)}
              </optgroup>
              <optgroup label="Trang tĩnh">
                {pageOptions.map((p) => <option value={`p:${p.id}`} selected={target === `p:${p.id}`}>{p.title}</option>)}
              </optgroup>
              <optgroup label="Mục thông tin">
                {sectionOptions.map((s) => <option value={`s:${s.key}`} selected={target === `s:${s.key}`}>{s.label}</option>)}
              </optgroup>
            </select>
          </Field>
          <button type="submit" class="primary">Thêm vào thanh menu</button>
        </form>
      </section>
      {menu.length > 0 && (
        <form method="post" action={`${PATH}/mac-dinh`}>
          <Csrf token={frame.csrf} />
          <button type="submit" class="danger">Dùng lại thanh menu mặc định</button>
        </form>
      )}
    </SitePage>
  );
}

/** The header menu: which categories and pages, in which order. */
export async function menuRoutes(root: FastifyInstance): Promise<void> {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();
  const ctx = app.cong;

  async function page(request: FastifyRequest, reply: FastifyReply, target: string, errors: FieldErrors, status = 200) {
    const siteId = request.site.id;
    const [menu, categories, pages] = await Promise.all([listMenu(ctx.db, siteId, ctx.sections), listCategories(ctx.db, siteId), listPagesAdmin(ctx.db, siteId)]);
    const notice = status === 200 ? flash(request, NOTICES) : undefined;
    return sendAdmin(reply, <MenuPage frame={adminFrame(app, request, reply)} sections={ctx.sections} menu={menu} categories={categories} pages={pages} target={target} errors={errors} notice={notice} />, status);
  }

  app.get(PATH, async (request, reply) => {
    guardSiteAdmin(request);
    return page(request, reply, '', {});
  });

  app.post(PATH, async (request, reply) => {
    guardSiteAdmin(request);
    const target = bodyField(request, 'target') ?? '';
    const r = await addMenuItem(siteCommandContext(request), target, app.cong.sections);
    if (!r.ok) return page(request, reply, target, r.errors, 422);
    return redirectWithFlash(reply, PATH, 'da-them');
  });

  app.post(`${PATH}/mac-dinh`, async (request, reply) => {
    guardSiteAdmin(request);
    await resetMenu(siteCommandContext(request));
    return redirectWithFlash(reply, PATH, 'mac-dinh');
  });

  app.post(`${PATH}/:id/xoa`, { schema: { params: IdParams } }, async (request, reply) => {
    guardSiteAdmin(request);
    await removeMenuItem(siteCommandContext(request), Number(request.params.id));
    return redirectWithFlash(reply, PATH, 'da-bo');
  });

  moveRoutes(app, PATH, 'menu_items');
}

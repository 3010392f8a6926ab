import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { deleteCategory } from '../commands/delete-category.js';
import { moveCategory } from '../commands/move-category.js';
import { EMPTY_CATEGORY, saveCategory, type CategoryForm } from '../commands/save-category.js';
import { listCategories } from '../repo.js';
import { AppError } from '../../../kernel/lib/errors.js';
import { countArticlesByCategory } from '../../sites/admin-repo.js';
import { adminFrame, sendAdmin } from '../../../kernel/http/admin-scope.js';
import type { FieldErrors } from '../../../kernel/views/admin/forms.js';
import { CategoriesPage, CategoryEditPage } from './categories-view.js';
import { BASE, formOf, guardSiteAdmin } from '../../sites/admin/shared.js';
import { commandContext } from '../../../kernel/commands.js';
import { flash, redirectWithFlash, type FlashMessages } from '../../../kernel/http/flash.js';
import { IdParams } from '../../../kernel/http/route-schemas.js';

const PATH = `${BASE}/chuyen-muc`;
const NOTICES: FlashMessages = {
  'da-them': 'Đã thêm chuyên mục.',
  'da-luu': 'Đã lưu chuyên mục.',
  'da-xoa': 'Đã xoá chuyên mục.',
  'da-sap-xep': 'Đã đổi thứ tự chuyên mục.',
};

/** Categories: the tree, its order, create / rename / change slug or parent / delete. */
export async function categoryRoutes(root: FastifyInstance): Promise<void> {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();
  const ctx = app.cong;

  async function listPage(request: FastifyRequest, reply: FastifyReply, form: CategoryForm, errors: FieldErrors, status = 200) {
    const [categories, counts] = await Promise.all([listCategories(ctx.db, request.site.id), countArticlesByCategory(ctx.db, request.site.id)]);
    const notice = status === 200 ? flash(request, NOTICES) : undefined;
    return sendAdmin(reply, <CategoriesPage frame={adminFrame(app, request, reply)} categories={categories} counts={counts} form={form} errors={errors} notice={notice} />, status);
  }

  async function editPage(request: FastifyRequest, reply: FastifyReply, id: number, form: CategoryForm | null, errors: FieldErrors, status = 200) {
    const categories = await listCategories(ctx.db, request.site.id);
    const category = categories.find((c) => c.id === id);
    if (!category) throw new AppError('not_found');
    const shown = form ?? { name: category.name, slug: category.slug, parent_id: category.parent_id === null ? '' : String(category.parent_id) };
    return sendAdmin(reply, <CategoryEditPage frame={adminFrame(app, request, reply)} category={category} categories={categories} form={shown} errors={errors} />, status);
  }

  app.get(PATH, async (request, reply) => {
    guardSiteAdmin(request);
    return listPage(request, reply, EMPTY_CATEGORY, {});
  });

  app.post(PATH, async (request, reply) => {
    guardSiteAdmin(request);
    const form = formOf(request, EMPTY_CATEGORY);
    const r = await saveCategory(commandContext(request), null, form);
    if (!r.ok) return listPage(request, reply, form, r.errors, 422);
    return redirectWithFlash(reply, PATH, 'da-them');
  });

  app.get(`${PATH}/:id`, { schema: { params: IdParams } }, async (request, reply) => {
    guardSiteAdmin(request);
    return editPage(request, reply, Number(request.params.id), null, {});
  });

  app.post(`${PATH}/:id`, { schema: { params: IdParams } }, async (request, reply) => {
    guardSiteAdmin(request);
    const form = formOf(request, EMPTY_CATEGORY);
    const id = Number(request.params.id);
    const r = await saveCategory(commandContext(request), id, form);
    if (!r.ok) return editPage(request, reply, id, form, r.errors, 422);
    return redirectWithFlash(reply, PATH, 'da-luu');
  });

  for (const [suffix, dir] of [['len', 'up'], ['xuong', 'down']] as const) {
    app.post(`${PATH}/:id/${suffix}`, { schema: { params: IdParams } }, async (request, reply) => {
      guardSiteAdmin(request);
      await moveCategory(commandContext(request), Number(request.params.id), dir);
      return redirectWithFlash(reply, PATH, 'da-sap-xep');
    });
  }

  app.post(`${PATH}/:id/xoa`, { schema: { params: IdParams } }, async (request, reply) => {
    guardSiteAdmin(request);
    const r = await deleteCategory(commandContext(request), Number(request.params.id));
    if (!r.ok) return listPage(request, reply, EMPTY_CATEGORY, r.errors, 409);
    return redirectWithFlash(reply, PATH, 'da-xoa');
  });
}

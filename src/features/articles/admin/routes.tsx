import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { findArticle, findRevision, listArticlesAdmin, listRevisions, sortValue, type AdminSort } from '../admin-repo.js';
import { EMPTY_FORM, formFromArticle, formFromBody } from '../input.js';
import { commandContext as cx } from '../../../kernel/commands.js';
import { flash, redirectWithFlash, type FlashMessages } from '../../../kernel/http/flash.js';
import { Id, IdParams, QueryText } from '../../../kernel/http/route-schemas.js';
import { parseCursor, parseId } from '../../../kernel/lib/ids.js';
import { restoreRevision } from '../commands/restore-revision.js';
import { saveArticle } from '../commands/save-article.js';
import { publishArticle, returnArticle, submitArticle, unpublishArticle } from '../commands/workflow.js';
import { articlePolicy } from '../policy.js';
import { listCategories } from '../repo.js';
import type { ArticleRow, ArticleStatus } from '../../../kernel/db/schema.js';
import { AppError } from '../../../kernel/lib/errors.js';
import { fromLocalTime } from '../../../kernel/lib/format.js';
import { frameFor, renderHtml } from '../../../kernel/http/render.js';
import { ArticlePage } from '../public/article.js';
import { listSiteMembers } from '../../../kernel/access/users-repo.js';
import { actorOf, ADMIN, adminFrame, bodyField, sendAdmin } from '../../../kernel/http/admin-scope.js';
import { limitedTo } from '../../../kernel/http/limits.js';
import { ArticleEditPage, type ArticleActions, type ArticleReview } from './edit-view.js';
import { findPendingEdit, listEditors } from '../review-repo.js';
import { approvePendingEdit } from '../commands/approve-edit.js';
import { returnPendingEdit, submitPendingEdit } from '../commands/review-edit.js';
import type { Snapshot } from '../snapshot.js';
import { ArticleListPage } from './list-view.js';
import { RevisionsPage } from './revisions-view.js';
import { coverOf } from '../../media/cover.js';
import { STATUSES } from './status.js';

const PAGE = 30;
const NOTICES: FlashMessages = {
  'da-luu': 'Đã lưu bài viết.',
  'da-tao': 'Đã tạo bài viết nháp.',
  'da-gui': 'Đã gửi bài viết để duyệt.',
  'da-xuat-ban': 'Đã xuất bản bài viết.',
  'da-hen-gio': 'Đã hẹn giờ xuất bản.',
  'da-tra-lai': 'Đã trả lại bài viết cho tác giả.',
  'da-go': 'Đã gỡ bài viết khỏi trang.',
  'da-khoi-phuc': 'Đã khôi phục phiên bản cũ (lưu thành phiên bản mới).',
  'da-luu-ban-sua': 'Đã lưu bản sửa. Trang công khai vẫn hiện bản đã duyệt cho đến khi một người duyệt khác duyệt bản sửa.',
  'da-gui-ban-sua': 'Đã gửi bản sửa để duyệt.',
  'da-duyet-ban-sua': 'Đã duyệt bản sửa: trang công khai hiện nội dung mới.',
  'da-tra-ban-sua': 'Đã trả lại bản sửa cho người sửa.',
};

/** The list's filters and sort, and where the list continues (?sau=<value>~<id>). */
const ListQuerySchema = Type.Object({
  trang_thai: QueryText, chuyen_muc: QueryText, tac_gia: QueryText, tu: QueryText, den: QueryText, q: QueryText, sap_xep: QueryText, sau: QueryText,
});
/** Two revisions to compare: ?a=<revision id>&b=<revision id>. */
const CompareQuery = Type.Object({ a: QueryText, b: QueryText });

export async function articleAdminRoutes(root: FastifyInstance): Promise<void> {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();
  const ctx = app.cong;

  function actionsFor(request: FastifyRequest, a: ArticleRow, editors: readonly number[]): ArticleActions {
    const actor = actorOf(request);
    return {
      edit: articlePolicy.edit(actor, a),
      submit: articlePolicy.submit(actor, a),
      publish: articlePolicy.publish(actor, a, request.site.settings, editors),
      returnToAuthor: articlePolicy.returnToAuthor(actor, a),
      unpublish: articlePolicy.unpublish(actor, a),
    };
  }

  async function loadViewable(request: FastifyRequest, id: number): Promise<ArticleRow> {
    const a = await findArticle(ctx.db, request.site.id, id);
    if (!a) throw new AppError('not_found');
    if (!articlePolicy.view(actorOf(request), a)) throw new AppError('forbidden');
    return a;
  }

  /** The two-person rule's state of an article: its pending edit, who changed it, what the person may do. */
  async function reviewOf(request: FastifyRequest, a: ArticleRow): Promise<ArticleReview & { editorIds: number[] }> {
    const actor = actorOf(request);
    const [edit, editors] = await Promise.all([findPendingEdit(ctx.db, request.site.id, a.id), listEditors(ctx.db, request.site.id, a.id)]);
    const ids = editors.map((e) => e.user_id);
    const mayApprove = edit !== undefined && articlePolicy.returnEdit(actor, a, edit);
    return {
      needsReview: articlePolicy.editNeedsReview(a, request.site.settings, !!edit),
      edit: edit ?? null,
      editors,
      editorIds: ids,
      actions: {
        submit: !!edit && articlePolicy.submitEdit(actor, a, edit),
        approve: !!edit && articlePolicy.approveEdit(actor, a, edit, ids),
        returnEdit: mayApprove,
        ownEdit: mayApprove && articlePolicy.isOwnEdit(actor, edit!, ids),
      },
    };
  }

  async function editPage(request: FastifyRequest, reply: FastifyReply, a: ArticleRow | null, opts: { form?: ReturnType<typeof formFromBody>; errors?: Record<string, string>; actionErrors?: Record<string, string>; typedReason?: string; status?: number } = {}) {
    const categories = await listCategories(ctx.db, request.site.id);
    const notice = flash(request, NOTICES);
    const review = a ? { ...(await reviewOf(request, a)), typedReason: opts.typedReason } : undefined;
    const actions = a ? actionsFor(request, a, review!.editorIds) : { edit: true, submit: false, publish: false, returnToAuthor: false, unpublish: false };
    // With a pending edit, the form shows (and saves over) the pending text, not the public one.
    const pendingSnap = review?.edit ? (JSON.parse(review.edit.snapshot) as Snapshot) : null;
    const shown = a && pendingSnap ? formFromArticle({ ...a, ...pendingSnap }) : a ? formFromArticle(a) : { ...EMPTY_FORM, author: actorOf(request).displayName };
    return sendAdmin(
      reply,
      <ArticleEditPage frame={adminFrame(app, request, reply)} article={a} form={opts.form ?? shown} errors={opts.errors ?? {}} actionErrors={opts.actionErrors} categories={categories} actions={actions} notice={notice} review={review} version={review?.edit?.updated_at} />,
      opts.status ?? 200,
    );
  }

  app.get(`${ADMIN}/bai-viet`, { schema: { querystring: ListQuerySchema } }, async (request, reply) => {
    const actor = actorOf(request);
    if (!articlePolicy.list(actor, request.site.id)) throw new AppError('forbidden');
    const q = request.query;
    const sort: AdminSort = q.sap_xep === 'xuat-ban' ? 'published' : q.sap_xep === 'tieu-de' ? 'title' : 'updated';
    const cursor = parseCursor(q.sau);
    const dateBound = (d: string | undefined, addDay: boolean) => {
      if (!d || !/^\d{4}-\d{2}-\d{2}$/.test(d)) return undefined;
      const t = Date.parse(fromLocalTime(`${d}T00:00`));
      return new Date(t + (addDay ? 86_400_000 : 0)).toISOString();
    };
    // Contributors see only their own articles.
    const onlyOwn = !articlePolicy.view(actor, { site_id: request.site.id, status: 'published', created_by: -1, updated_by: -1 });
    const filter = {
      status: STATUSES.includes(q.trang_thai as ArticleStatus) ? (q.trang_thai as ArticleStatus) : undefined,
      categoryId: parseId(q.chuyen_muc) ?? undefined,
      authorId: onlyOwn ? actor.userId : (parseId(q.tac_gia) ?? undefined),
      from: dateBound(q.tu, false),
      to: dateBound(q.den, true),
      text: q.q?.slice(0, 200),
      sort,
      after: cursor ?? undefined,
      limit: PAGE + 1,
    };
    const [rows, categories, authors] = await Promise.all([
      listArticlesAdmin(ctx.db, request.site.id, filter),
      listCategories(ctx.db, request.site.id),
      listSiteMembers(ctx.db, request.site.id),
    ]);
    const page = rows.slice(0, PAGE);
    const params = new URLSearchParams(Object.entries(q).filter(([k, v]) => k !== 'sau' && typeof v === 'string' && v) as [string, string][]);
    let nextHref: string | null = null;
    if (rows.length > PAGE) {
      const last = page[page.length - 1]!;
      params.set('sau', `${sortValue(last, sort)}~${last.id}`);
      nextHref = `${ADMIN}/bai-viet?${params}`;
      params.delete('sau');
    }
    const firstHref = q.sau ? `${ADMIN}/bai-viet${params.size ? `?${params}` : ''}` : null;
    return sendAdmin(
      reply,
      <ArticleListPage frame={adminFrame(app, request, reply)} rows={page} query={q} categories={categories} authors={authors} nextHref={nextHref} firstHref={firstHref} canCreate={articlePolicy.create(actor, request.site.id)} />,
    );
  });

  app.get(`${ADMIN}/bai-viet/moi`, async (request, reply) => {
    if (!articlePolicy.create(actorOf(request), request.site.id)) throw new AppError('forbidden');
    return editPage(request, reply, null);
  });

  app.post(`${ADMIN}/bai-viet/moi`, async (request, reply) => {
    const form = formFromBody(request.body as Record<string, unknown>);
    const r = await saveArticle(cx(request), null, form);
    if (!r.ok) return editPage(request, reply, null, { form, errors: r.errors, status: 422 });
    return redirectWithFlash(reply, `${ADMIN}/bai-viet/${r.value}`, 'da-tao');
  });

  const byId = { schema: { params: IdParams } };
  app.get(`${ADMIN}/bai-viet/:id`, byId, async (request, reply) => editPage(request, reply, await loadViewable(request, Number(request.params.id))));

  app.post(`${ADMIN}/bai-viet/:id/luu`, byId, async (request, reply) => {
    const a = await loadViewable(request, Number(request.params.id));
    const form = formFromBody(request.body as Record<string, unknown>);
    const r = await saveArticle(cx(request), a.id, form, bodyField(request, '_version'));
    if (!r.ok) return editPage(request, reply, a, { form, errors: r.errors, status: r.errors._form ? 409 : 422 });
    const pending = articlePolicy.editNeedsReview(a, request.site.settings, !!(await findPendingEdit(ctx.db, request.site.id, a.id)));
    return redirectWithFlash(reply, `${ADMIN}/bai-viet/${a.id}`, pending ? 'da-luu-ban-sua' : 'da-luu');
  });

  app.post(`${ADMIN}/bai-viet/:id/ban-sua/gui-duyet`, byId, async (request, reply) => {
    const id = Number(request.params.id);
    await submitPendingEdit(cx(request), id);
    return redirectWithFlash(reply, `${ADMIN}/bai-viet/${id}`, 'da-gui-ban-sua');
  });

  app.post(`${ADMIN}/bai-viet/:id/ban-sua/duyet`, byId, async (request, reply) => {
    const id = Number(request.params.id);
    await approvePendingEdit(cx(request), id);
    return redirectWithFlash(reply, `${ADMIN}/bai-viet/${id}`, 'da-duyet-ban-sua');
  });

  app.post(`${ADMIN}/bai-viet/:id/ban-sua/tra-lai`, byId, async (request, reply) => {
    const id = Number(request.params.id);
    const reason = bodyField(request, 'edit_reason') ?? '';
    const r = await returnPendingEdit(cx(request), id, reason);
    if (!r.ok) return editPage(request, reply, await loadViewable(request, id), { actionErrors: r.errors, typedReason: reason, status: 422 });
    return redirectWithFlash(reply, `${ADMIN}/bai-viet/${id}`, 'da-tra-ban-sua');
  });

  /** Autosave from the editor (JSON answer); saves only drafts the person may edit. */
  app.post(`${ADMIN}/bai-viet/:id/tu-dong-luu`, { ...limitedTo(30), ...byId }, async (request, reply) => {
    const a = await loadViewable(request, Number(request.params.id));
    if (!['draft', 'returned'].includes(a.status)) return reply.code(409).send({ ok: false, message: 'Chỉ tự động lưu bài nháp.' });
    const r = await saveArticle(cx(request), a.id, formFromBody(request.body as Record<string, unknown>), bodyField(request, '_version'));
    if (!r.ok) return reply.code(r.errors._form ? 409 : 422).send({ ok: false, errors: r.errors });
    const now = await findArticle(ctx.db, request.site.id, a.id);
    return reply.send({ ok: true, version: now!.updated_at, message: `Đã tự động lưu lúc ${now!.updated_at.slice(11, 16)} UTC` });
  });

  app.post(`${ADMIN}/bai-viet/:id/gui-duyet`, byId, async (request, reply) => {
    const id = Number(request.params.id);
    await submitArticle(cx(request), id);
    return redirectWithFlash(reply, `${ADMIN}/bai-viet/${id}`, 'da-gui');
  });

  app.post(`${ADMIN}/bai-viet/:id/xuat-ban`, byId, async (request, reply) => {
    const id = Number(request.params.id);
    await publishArticle(cx(request), id, null);
    return redirectWithFlash(reply, `${ADMIN}/bai-viet/${id}`, 'da-xuat-ban');
  });

  app.post(`${ADMIN}/bai-viet/:id/hen-gio`, byId, async (request, reply) => {
    const id = Number(request.params.id);
    const raw = (bodyField(request, 'publish_at') ?? '').trim().slice(0, 16);
    let at: string | null = null;
    try {
      at = fromLocalTime(raw);
    } catch {
      return editPage(request, reply, await loadViewable(request, id), { actionErrors: { publish_at: 'Vui lòng chọn ngày giờ hẹn xuất bản.' }, status: 422 });
    }
    const r = await publishArticle(cx(request), id, at);
    if (!r.ok) return editPage(request, reply, await loadViewable(request, id), { actionErrors: r.errors, status: 422 });
    return redirectWithFlash(reply, `${ADMIN}/bai-viet/${id}`, 'da-hen-gio');
  });

  app.post(`${ADMIN}/bai-viet/:id/tra-lai`, byId, async (request, reply) => {
    const id = Number(request.params.id);
    const r = await returnArticle(cx(request), id, bodyField(request, 'reason') ?? '');
    if (!r.ok) return editPage(request, reply, await loadViewable(request, id), { actionErrors: r.errors, status: 422 });
    return redirectWithFlash(reply, `${ADMIN}/bai-viet/${id}`, 'da-tra-lai');
  });

  app.post(`${ADMIN}/bai-viet/:id/go-bai`, byId, async (request, reply) => {
    const id = Number(request.params.id);
    await unpublishArticle(cx(request), id);
    return redirectWithFlash(reply, `${ADMIN}/bai-viet/${id}`, 'da-go');
  });

  app.get(`${ADMIN}/bai-viet/:id/phien-ban`, { schema: { params: IdParams, querystring: CompareQuery } }, async (request, reply) => {
    const a = await loadViewable(request, Number(request.params.id));
    const revisions = await listRevisions(ctx.db, request.site.id, a.id);
    const first = parseId(request.query.a);
    const second = parseId(request.query.b);
    let compare = null;
    if (first && second) {
      const [ra, rb] = await Promise.all([findRevision(ctx.db, request.site.id, a.id, first), findRevision(ctx.db, request.site.id, a.id, second)]);
      if (ra && rb) compare = ra.id <= rb.id ? { a: ra, b: rb } : { a: rb, b: ra };
    }
    return sendAdmin(reply, <RevisionsPage frame={adminFrame(app, request, reply)} articleId={a.id} title={a.title} revisions={revisions} compare={compare} canRestore={articlePolicy.restore(actorOf(request), a)} />);
  });

  app.post(`${ADMIN}/bai-viet/:id/phien-ban/:rev/khoi-phuc`, { schema: { params: Type.Object({ id: Id, rev: Id }) } }, async (request, reply) => {
    const id = Number(request.params.id);
    const r = await restoreRevision(cx(request), id, Number(request.params.rev));
    if (!r.ok) return editPage(request, reply, await loadViewable(request, id), { errors: r.errors, status: 409 });
    return redirectWithFlash(reply, `${ADMIN}/bai-viet/${id}`, 'da-khoi-phuc');
  });

  /** The article as the public would see it, whatever its status; never cached, never indexed. */
  app.get(`${ADMIN}/bai-viet/:id/xem-truoc`, byId, async (request, reply) => {
    const a = await loadViewable(request, Number(request.params.id));
    const categories = await listCategories(ctx.db, request.site.id);
    const category = categories.find((c) => c.id === a.category_id)!;
    const [frame, cover] = await Promise.all([frameFor(ctx, request), coverOf(ctx.db, a)]);
    reply.header('x-robots-tag', 'noindex');
    return reply.type('text/html; charset=utf-8').send(renderHtml(<ArticlePage frame={frame} article={a} category={category} related={[]} cover={cover} />));
  });
}

import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { findArticle, findRevision, listArticlesAdmin, listRevisions, sortValue, type AdminSort } from '../admin-repo.js';
import { EMPTY_FORM, formFromArticle, formFromBody } from '../input.js';
import type { CommandContext } from '../../../kernel/commands.js';
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
import { ArticleEditPage, type ArticleActions } from './edit-view.js';
import { ArticleListPage, type ListQuery } from './list-view.js';
import { RevisionsPage } from './revisions-view.js';
import { coverOf } from '../../media/cover.js';
import { STATUSES } from './status.js';

const PAGE = 30;
const NOTICES: Record<string, string> = {
  'da-luu': 'Đã lưu bài viết.',
  'da-tao': 'Đã tạo bài viết nháp.',
  'da-gui': 'Đã gửi bài viết để duyệt.',
  'da-xuat-ban': 'Đã xuất bản bài viết.',
  'da-hen-gio': 'Đã hẹn giờ xuất bản.',
  'da-tra-lai': 'Đã trả lại bài viết cho tác giả.',
  'da-go': 'Đã gỡ bài viết khỏi trang.',
  'da-khoi-phuc': 'Đã khôi phục phiên bản cũ (lưu thành phiên bản mới).',
};

function idParam(request: FastifyRequest, name = 'id'): number {
  const v = (request.params as Record<string, string>)[name] ?? '';
  if (!/^\d{1,12}$/.test(v)) throw new AppError('not_found');
  return Number(v);
}

export async function articleAdminRoutes(app: FastifyInstance): Promise<void> {
  const ctx = app.cong;
  const cx = (request: FastifyRequest): CommandContext => ({ db: ctx.db, site: request.site, actor: actorOf(request), now: ctx.now(), cache: ctx.pageCache });

  function actionsFor(request: FastifyRequest, a: ArticleRow): ArticleActions {
    const actor = actorOf(request);
    return {
      edit: articlePolicy.edit(actor, a),
      submit: articlePolicy.submit(actor, a),
      publish: articlePolicy.publish(actor, a, request.site.settings),
      returnToAuthor: articlePolicy.returnToAuthor(actor, a),
      unpublish: articlePolicy.unpublish(actor, a),
    };
  }

  async function loadViewable(request: FastifyRequest): Promise<ArticleRow> {
    const a = await findArticle(ctx.db, request.site.id, idParam(request));
    if (!a) throw new AppError('not_found');
    if (!articlePolicy.view(actorOf(request), a)) throw new AppError('forbidden');
    return a;
  }

  async function editPage(request: FastifyRequest, reply: FastifyReply, a: ArticleRow | null, opts: { form?: ReturnType<typeof formFromBody>; errors?: Record<string, string>; actionErrors?: Record<string, string>; status?: number } = {}) {
    const categories = await listCategories(ctx.db, request.site.id);
    const notice = NOTICES[(request.query as { tb?: string }).tb ?? ''];
    const actions = a ? actionsFor(request, a) : { edit: true, submit: false, publish: false, returnToAuthor: false, unpublish: false };
    return sendAdmin(
      reply,
      <ArticleEditPage frame={adminFrame(app, request, reply)} article={a} form={opts.form ?? (a ? formFromArticle(a) : { ...EMPTY_FORM, author: actorOf(request).displayName })} errors={opts.errors ?? {}} actionErrors={opts.actionErrors} categories={categories} actions={actions} notice={notice} />,
      opts.status ?? 200,
    );
  }

  app.get(`${ADMIN}/bai-viet`, async (request, reply) => {
    const actor = actorOf(request);
    if (!articlePolicy.list(actor, request.site.id)) throw new AppError('forbidden');
    const q = request.query as ListQuery & { sau?: string };
    const sort: AdminSort = q.sap_xep === 'xuat-ban' ? 'published' : q.sap_xep === 'tieu-de' ? 'title' : 'updated';
    const cursor = q.sau ? /^(.+)~(\d+)$/.exec(q.sau) : null;
    const dateBound = (d: string | undefined, addDay: boolean) => {
      if (!d || !/^\d{4}-\d{2}-\d{2}$/.test(d)) return undefined;
      const t = Date.parse(fromLocalTime(`${d}T00:00`));
      return new Date(t + (addDay ? 86_400_000 : 0)).toISOString();
    };
    // Contributors see only their own articles.
    const onlyOwn = !articlePolicy.view(actor, { site_id: request.site.id, status: 'published', created_by: -1, updated_by: -1 });
    const filter = {
      status: STATUSES.includes(q.trang_thai as ArticleStatus) ? (q.trang_thai as ArticleStatus) : undefined,
      categoryId: /^\d+$/.test(q.chuyen_muc ?? '') ? Number(q.chuyen_muc) : undefined,
      authorId: onlyOwn ? actor.userId : /^\d+$/.test(q.tac_gia ?? '') ? Number(q.tac_gia) : undefined,
      from: dateBound(q.tu, false),
      to: dateBound(q.den, true),
      text: q.q?.slice(0, 200),
      sort,
      after: cursor ? { value: cursor[1]!, id: Number(cursor[2]) } : undefined,
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
    return reply.redirect(`${ADMIN}/bai-viet/${r.value}?tb=da-tao`, 303);
  });

  app.get(`${ADMIN}/bai-viet/:id`, async (request, reply) => editPage(request, reply, await loadViewable(request)));

  app.post(`${ADMIN}/bai-viet/:id/luu`, async (request, reply) => {
    const a = await loadViewable(request);
    const form = formFromBody(request.body as Record<string, unknown>);
    const r = await saveArticle(cx(request), a.id, form, bodyField(request, '_version'));
    if (!r.ok) return editPage(request, reply, a, { form, errors: r.errors, status: r.errors._form ? 409 : 422 });
    return reply.redirect(`${ADMIN}/bai-viet/${a.id}?tb=da-luu`, 303);
  });

  /** Autosave from the editor (JSON answer); saves only drafts the person may edit. */
  app.post(`${ADMIN}/bai-viet/:id/tu-dong-luu`, { config: { rateLimit: { max: 30, timeWindow: '1 minute' } } }, async (request, reply) => {
    const a = await loadViewable(request);
    if (!['draft', 'returned'].includes(a.status)) return reply.code(409).send({ ok: false, message: 'Chỉ tự động lưu bài nháp.' });
    const r = await saveArticle(cx(request), a.id, formFromBody(request.body as Record<string, unknown>), bodyField(request, '_version'));
    if (!r.ok) return reply.code(r.errors._form ? 409 : 422).send({ ok: false, errors: r.errors });
    const now = await findArticle(ctx.db, request.site.id, a.id);
    return reply.send({ ok: true, version: now!.updated_at, message: `Đã tự động lưu lúc ${now!.updated_at.slice(11, 16)} UTC` });
  });

  app.post(`${ADMIN}/bai-viet/:id/gui-duyet`, async (request, reply) => {
    await submitArticle(cx(request), idParam(request));
    return reply.redirect(`${ADMIN}/bai-viet/${idParam(request)}?tb=da-gui`, 303);
  });

  app.post(`${ADMIN}/bai-viet/:id/xuat-ban`, async (request, reply) => {
    await publishArticle(cx(request), idParam(request), null);
    return reply.redirect(`${ADMIN}/bai-viet/${idParam(request)}?tb=da-xuat-ban`, 303);
  });

  app.post(`${ADMIN}/bai-viet/:id/hen-gio`, async (request, reply) => {
    const raw = (bodyField(request, 'publish_at') ?? '').trim().slice(0, 16);
    let at: string | null = null;
    try {
      at = fromLocalTime(raw);
    } catch {
      return editPage(request, reply, await loadViewable(request), { actionErrors: { publish_at: 'Vui lòng chọn ngày giờ hẹn xuất bản.' }, status: 422 });
    }
    const r = await publishArticle(cx(request), idParam(request), at);
    if (!r.ok) return editPage(request, reply, await loadViewable(request), { actionErrors: r.errors, status: 422 });
    return reply.redirect(`${ADMIN}/bai-viet/${idParam(request)}?tb=da-hen-gio`, 303);
  });

  app.post(`${ADMIN}/bai-viet/:id/tra-lai`, async (request, reply) => {
    const r = await returnArticle(cx(request), idParam(request), bodyField(request, 'reason') ?? '');
    if (!r.ok) return editPage(request, reply, await loadViewable(request), { actionErrors: r.errors, status: 422 });
    return reply.redirect(`${ADMIN}/bai-viet/${idParam(request)}?tb=da-tra-lai`, 303);
  });

  app.post(`${ADMIN}/bai-viet/:id/go-bai`, async (request, reply) => {
    await unpublishArticle(cx(request), idParam(request));
    return reply.redirect(`${ADMIN}/bai-viet/${idParam(request)}?tb=da-go`, 303);
  });

  app.get(`${ADMIN}/bai-viet/:id/phien-ban`, async (request, reply) => {
    const a = await loadViewable(request);
    const revisions = await listRevisions(ctx.db, request.site.id, a.id);
    const q = request.query as { a?: string; b?: string };
    let compare = null;
    if (q.a && q.b && /^\d+$/.test(q.a) && /^\d+$/.test(q.b)) {
      const [ra, rb] = await Promise.all([findRevision(ctx.db, request.site.id, a.id, Number(q.a)), findRevision(ctx.db, request.site.id, a.id, Number(q.b))]);
      if (ra && rb) compare = ra.id <= rb.id ? { a: ra, b: rb } : { a: rb, b: ra };
    }
    return sendAdmin(reply, <RevisionsPage frame={adminFrame(app, request, reply)} articleId={a.id} title={a.title} revisions={revisions} compare={compare} canRestore={articlePolicy.restore(actorOf(request), a)} />);
  });

  app.post(`${ADMIN}/bai-viet/:id/phien-ban/:rev/khoi-phuc`, async (request, reply) => {
    const id = idParam(request);
    const r = await restoreRevision(cx(request), id, idParam(request, 'rev'));
    if (!r.ok) return editPage(request, reply, await loadViewable(request), { errors: r.errors, status: 409 });
    return reply.redirect(`${ADMIN}/bai-viet/${id}?tb=da-khoi-phuc`, 303);
  });

  /** The article as the public would see it, whatever its status; never cached, never indexed. */
  app.get(`${ADMIN}/bai-viet/:id/xem-truoc`, async (request, reply) => {
    const a = await loadViewable(request);
    const categories = await listCategories(ctx.db, request.site.id);
    const category = categories.find((c) => c.id === a.category_id)!;
    const [frame, cover] = await Promise.all([frameFor(ctx, request), coverOf(ctx.db, a)]);
    reply.header('x-robots-tag', 'noindex');
    return reply.type('text/html; charset=utf-8').send(renderHtml(<ArticlePage frame={frame} article={a} category={category} related={[]} cover={cover} />));
  });
}

import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { commandContext as cx } from '../../../kernel/commands.js';
import { FLASH_KEY, flash, withFlash, type FlashMessages } from '../../../kernel/http/flash.js';
import { Id, IdParams, QueryText } from '../../../kernel/http/route-schemas.js';
import { isId, parseId } from '../../../kernel/lib/ids.js';
import { siteCommandContext } from '../../sites/commands/context.js';
import { editComment, moderateComments, type ModerationAction } from '../moderate.js';
import { replyAsEditors } from '../reply.js';
import { countByStatus, findComment, listQueue, officialRepliesTo } from '../repo.js';
import { moderationOf, saveCommentSettings, setArticleComments } from '../settings.js';
import { commentPolicy } from '../policy.js';
import type { CommentRow } from '../../../kernel/db/tables/interact.js';
import { AppError } from '../../../kernel/lib/errors.js';
import { actorOf, adminFrame, bodyField, bodyFields, sendAdmin } from '../../../kernel/http/admin-scope.js';
import { EditCommentPage, ReplyPage } from './edit-views.js';
import { BASE, QueuePage, TABS } from './queue-view.js';

const PAGE = 50;
const VERBS = { duyet: 'approve', 'tu-choi': 'reject', rac: 'spam' } as const satisfies Record<string, ModerationAction>;
const isVerb = (v: string): v is keyof typeof VERBS => Object.hasOwn(VERBS, v);
const NOTICES: FlashMessages = {
  'da-duyet': 'Đã duyệt và đăng bình luận.',
  'da-tu-choi': 'Đã từ chối bình luận.',
  'da-rac': 'Đã đánh dấu thư rác.',
  'da-sua': 'Đã lưu bình luận.',
  'da-tra-loi': 'Đã đăng câu trả lời của Ban biên tập.',
  'da-dong': 'Đã đóng bình luận cho bài viết.',
  'da-mo': 'Đã mở lại bình luận cho bài viết.',
  'da-luu': 'Đã lưu cài đặt bình luận.',
  'chua-chon': 'Chưa chọn bình luận nào.',
};

/** The queue: its tab, one article's comments, and where the page continues (?truoc=<comment id>). */
const QueueQuery = Type.Object({ trang_thai: QueryText, bai_viet: QueryText, truoc: QueryText });
/** POST …/<comment id>/duyet|tu-choi|rac */
const VerbParams = Type.Object({ id: Id, verb: Type.Union([Type.Literal('duyet'), Type.Literal('tu-choi'), Type.Literal('rac')]) });
/** POST …/bai-viet/<article id>/dong|mo */
const ArticleParams = Type.Object({ articleId: Id, verb: Type.Union([Type.Literal('dong'), Type.Literal('mo')]) });

/** Comment moderation in the back office (/quan-tri/binh-luan): thin routes over the comment commands. */
export async function commentAdminRoutes(root: FastifyInstance): Promise<void> {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();
  const ctx = app.cong;
  const guard = (request: FastifyRequest) => {
    if (!commentPolicy.moderate(actorOf(request), request.site.id)) throw new AppError('forbidden');
  };
  const back = (request: FastifyRequest, notice: string) => {
    const to = bodyField(request, 'quay_lai') ?? '';
    const safe = to.startsWith(BASE) && !to.includes('//') && !to.includes('\\') ? to : BASE;
    const url = new URL(safe, 'http://x');
    url.searchParams.set(FLASH_KEY, notice);
    return `${url.pathname}${url.search}`;
  };
  const loadComment = async (request: FastifyRequest, id: string): Promise<CommentRow> => {
    const c = await findComment(ctx.db, request.site.id, Number(id));
    if (!c) throw new AppError('not_found');
    return c;
  };

  async function queue(request: FastifyRequest, query: { trang_thai?: string; bai_viet?: string; truoc?: string }, errors?: Record<string, string>) {
    guard(request);
    const q = query;
    const tab = TABS.find((t) => t.slug === q.trang_thai) ?? TABS[0]!;
    const articleId = parseId(q.bai_viet) ?? undefined;
    const article = articleId
      ? await ctx.db.selectFrom('articles').select(['id', 'title', 'comments_closed']).where('site_id', '=', request.site.id).where('id', '=', articleId).executeTakeFirst()
      : undefined;
    if (articleId && !article) throw new AppError('not_found');
    const beforeId = parseId(q.truoc) ?? undefined;
    const [counts, rows] = await Promise.all([
      countByStatus(ctx.db, request.site.id, articleId),
      listQueue(ctx.db, request.site.id, { status: tab.status, articleId, beforeId, limit: PAGE + 1 }),
    ]);
    const page = rows.slice(0, PAGE);
    const self = `${BASE}?trang_thai=${tab.slug}${articleId ? `&bai_viet=${articleId}` : ''}`;
    const s = request.site.settings;
    return {
      status: tab.status, counts, rows: page, replies: await officialRepliesTo(ctx.db, request.site.id, page.map((r) => r.id)),
      article: article ? { id: article.id, title: article.title, closed: !!article.comments_closed } : null,
      settings: { mode: moderationOf(s), closed: !!s.commentsClosed, canConfigure: commentPolicy.configure(actorOf(request), request.site.id) },
      notice: flash(request, NOTICES), errors, self: beforeId ? `${self}&truoc=${beforeId}` : self,
      nextHref: rows.length > PAGE ? `${self}&truoc=${page[page.length - 1]!.id}` : null,
    };
  }

  app.get(BASE, { schema: { querystring: QueueQuery } }, async (request, reply) => sendAdmin(reply, <QueuePage frame={adminFrame(app, request, reply)} {...await queue(request, request.query)} />));

  app.post(`${BASE}/:id/:verb`, { schema: { params: VerbParams } }, async (request, reply) => {
    const { verb } = request.params;
    const action = VERBS[verb];
    guard(request);
    await moderateComments(cx(request), [(await loadComment(request, request.params.id)).id], action);
    return reply.redirect(back(request, `da-${verb}`), 303);
  });

  app.post(`${BASE}/hang-loat`, async (request, reply) => {
    guard(request);
    const verb = bodyField(request, 'thao_tac') ?? '';
    if (!isVerb(verb)) throw new AppError('bad_request');
    const action = VERBS[verb];
    const ids = bodyFields(request, 'ids').filter(isId).map(Number);
    if (!ids.length) return reply.redirect(back(request, 'chua-chon'), 303);
    await moderateComments(cx(request), ids, action);
    return reply.redirect(back(request, `da-${verb}`), 303);
  });

  app.get(`${BASE}/:id/sua`, { schema: { params: IdParams } }, async (request, reply) => {
    guard(request);
    const c = await loadComment(request, request.params.id);
    return sendAdmin(reply, <EditCommentPage frame={adminFrame(app, request, reply)} comment={c} form={{ ho_ten: c.author_name, noi_dung: c.content }} errors={{}} />);
  });

  app.post(`${BASE}/:id/sua`, { schema: { params: IdParams } }, async (request, reply) => {
    guard(request);
    const c = await loadComment(request, request.params.id);
    const form = { ho_ten: bodyField(request, 'ho_ten') ?? '', noi_dung: bodyField(request, 'noi_dung') ?? '' };
    const r = await editComment(cx(request), c.id, { name: form.ho_ten, content: form.noi_dung });
    if (!r.ok) return sendAdmin(reply, <EditCommentPage frame={adminFrame(app, request, reply)} comment={c} form={form} errors={r.errors} />, 422);
    return reply.redirect(withFlash(`${BASE}?trang_thai=${TABS.find((t) => t.status === c.status)!.slug}`, 'da-sua'), 303);
  });

  const replyPage = async (request: FastifyRequest, c: CommentRow, form: { noi_dung: string }, errors: Record<string, string>) => {
    const replies = (await officialRepliesTo(ctx.db, request.site.id, [c.id])).get(c.id) ?? [];
    return (reply: Parameters<typeof sendAdmin>[0], status = 200) => sendAdmin(reply, <ReplyPage frame={adminFrame(app, request, reply)} comment={c} replies={replies} form={form} errors={errors} />, status);
  };

  app.get(`${BASE}/:id/tra-loi`, { schema: { params: IdParams } }, async (request, reply) => {
    guard(request);
    const c = await loadComment(request, request.params.id);
    if (c.official) throw new AppError('not_found');
    return (await replyPage(request, c, { noi_dung: '' }, {}))(reply);
  });

  app.post(`${BASE}/:id/tra-loi`, { schema: { params: IdParams } }, async (request, reply) => {
    guard(request);
    const c = await loadComment(request, request.params.id);
    const form = { noi_dung: bodyField(request, 'noi_dung') ?? '' };
    const r = await replyAsEditors(cx(request), c.id, form.noi_dung);
    if (!r.ok) return (await replyPage(request, c, form, r.errors))(reply, 422);
    return reply.redirect(withFlash(`${BASE}?trang_thai=da-dang`, 'da-tra-loi'), 303);
  });

  app.post(`${BASE}/bai-viet/:articleId/:verb`, { schema: { params: ArticleParams } }, async (request, reply) => {
    const { verb } = request.params;
    const articleId = Number(request.params.articleId);
    await setArticleComments(cx(request), articleId, verb === 'dong');
    return reply.redirect(bodyField(request, 'quay_lai') ? back(request, `da-${verb}`) : withFlash(`${BASE}?bai_viet=${articleId}`, `da-${verb}`), 303);
  });

  app.post(`${BASE}/cai-dat`, { schema: { querystring: QueueQuery } }, async (request, reply) => {
    guard(request);
    const r = await saveCommentSettings(siteCommandContext(request), { mode: bodyField(request, 'che_do') ?? '', closed: bodyField(request, 'dong_tat_ca') === '1' });
    if (!r.ok) return sendAdmin(reply, <QueuePage frame={adminFrame(app, request, reply)} {...await queue(request, request.query, r.errors)} />, 422);
    return reply.redirect(withFlash(BASE, 'da-luu'), 303);
  });
}

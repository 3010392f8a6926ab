import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { commandContext as cx } from '../../../kernel/commands.js';
import { flash, redirectWithFlash, type FlashMessages } from '../../../kernel/http/flash.js';
import { IdParams, pageNumber, QueryText } from '../../../kernel/http/route-schemas.js';
import { parseId } from '../../../kernel/lib/ids.js';
import { AppError } from '../../../kernel/lib/errors.js';
import { answerQuestion } from '../commands/answer-question.js';
import { assignQuestion } from '../commands/assign-question.js';
import { setQuestionPublished } from '../commands/publish-question.js';
import { rejectQuestion } from '../commands/reject-question.js';
import { deleteTopic, saveOverdueDays, saveTopic } from '../commands/topics.js';
import { STATUS_SLUGS } from '../labels.js';
import { questionPolicy } from '../policy.js';
import { countByStatus, countQueue, findQuestion, listQueue, listStaff, listTopics, overdueDays } from '../repo.js';
import { questionStats } from '../stats.js';
import { actorOf, adminFrame, bodyField, sendAdmin } from '../../../kernel/http/admin-scope.js';
import type { FieldErrors } from '../../../kernel/views/admin/forms.js';
import { DetailPage } from './detail-view.js';
import { BASE, QueuePage } from './queue-view.js';
import { StatsPage, TopicsPage } from './settings-view.js';

/**
 * Hỏi đáp in the back office (/quan-tri/hoi-dap): the queue, one question (assign, answer,
 * publish, refuse), statistics with the overdue limit, the topic list. Thin routes over the
 * commands of this feature, which check the permission again, write the audit row and purge.
 */
const PAGE = 50;
const NOTICES: FlashMessages = {
  'da-giao': 'Đã giao xử lý.',
  'da-luu': 'Đã lưu trả lời.',
  'da-tra-loi': 'Đã lưu trả lời và đánh dấu đã trả lời.',
  'da-cong-khai': 'Đã công khai câu hỏi và trả lời.',
  'da-go': 'Đã gỡ khỏi trang công khai.',
  'da-tu-choi': 'Đã chuyển sang không tiếp nhận.',
  'da-them': 'Đã thêm chủ đề.',
  'da-doi-ten': 'Đã đổi tên chủ đề.',
  'da-xoa': 'Đã xoá chủ đề.',
  'da-luu-han': 'Đã lưu thời hạn trả lời.',
};

/** The queue's filters and page. */
const QueueQuery = Type.Object({ trang_thai: QueryText, chu_de: QueryText, nguoi_xu_ly: QueryText, trang: QueryText });
const byId = { schema: { params: IdParams } };

export async function questionAdminRoutes(root: FastifyInstance): Promise<void> {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();
  const ctx = app.cong;
  const guard = (request: FastifyRequest) => {
    if (!questionPolicy.handle(actorOf(request), request.site.id)) throw new AppError('forbidden');
  };
  const notice = (request: FastifyRequest) => flash(request, NOTICES);
  const num = (v: unknown) => parseId(v) ?? undefined;

  app.get(BASE, { schema: { querystring: QueueQuery } }, async (request, reply) => {
    guard(request);
    const q = request.query;
    const filter = { status: STATUS_SLUGS[q.trang_thai ?? ''], topicId: num(q.chu_de), assigneeId: num(q.nguoi_xu_ly) };
    const page = pageNumber(q.trang);
    const site = request.site.id;
    const [counts, total, topics, staff, limit] = await Promise.all([countByStatus(ctx.db, site), countQueue(ctx.db, site, filter), listTopics(ctx.db, site), listStaff(ctx.db, site), overdueDays(ctx.db, site)]);
    const rows = await listQueue(ctx.db, site, { ...filter, limit: PAGE, offset: (page - 1) * PAGE });
    const hrefFor = (n: number) => {
      const params = new URLSearchParams(Object.entries(q).filter((e): e is [string, string] => typeof e[1] === 'string' && e[0] !== 'trang' && e[0] !== 'tb'));
      if (n > 1) params.set('trang', String(n));
      const s = params.toString();
      return s ? `${BASE}?${s}` : BASE;
    };
    const props = { frame: adminFrame(app, request, reply), counts, rows, topics, staff, filter, overdueDays: limit, now: ctx.now(), notice: notice(request), page, pages: Math.max(1, Math.ceil(total / PAGE)), hrefFor };
    return sendAdmin(reply, <QueuePage {...props} />);
  });

  // --- statistics and the overdue limit --------------------------------------------------------
  const statsPage = async (request: FastifyRequest, reply: FastifyReply, errors: FieldErrors, typed: string | null, status = 200) => {
    const s = await questionStats(ctx.db, request.site.id, ctx.now());
    const canConfigure = questionPolicy.configure(actorOf(request), request.site.id);
    return sendAdmin(reply, <StatsPage frame={adminFrame(app, request, reply)} s={s} canConfigure={canConfigure} errors={errors} typedDays={typed ?? String(s.overdueDays)} notice={notice(request)} />, status);
  };
  app.get(`${BASE}/thong-ke`, async (request, reply) => {
    guard(request);
    return statsPage(request, reply, {}, null);
  });
  app.post(`${BASE}/thong-ke`, async (request, reply) => {
    guard(request);
    const typed = bodyField(request, 'so_ngay') ?? '';
    const r = await saveOverdueDays(cx(request), typed);
    if (!r.ok) return statsPage(request, reply, r.errors, typed, 422);
    return redirectWithFlash(reply, `${BASE}/thong-ke`, 'da-luu-han');
  });

  // --- topics ---------------------------------------------------------------------------------
  const topicsPage = async (request: FastifyRequest, reply: FastifyReply, errors: FieldErrors, typed: string, status = 200) => {
    const topics = await listTopics(ctx.db, request.site.id);
    const canConfigure = questionPolicy.configure(actorOf(request), request.site.id);
    return sendAdmin(reply, <TopicsPage frame={adminFrame(app, request, reply)} topics={topics} canConfigure={canConfigure} errors={errors} typed={typed} notice={notice(request)} />, status);
  };
  app.get(`${BASE}/chu-de`, async (request, reply) => {
    guard(request);
    return topicsPage(request, reply, {}, '');
  });
  app.post(`${BASE}/chu-de`, async (request, reply) => {
    guard(request);
    const typed = bodyField(request, 'ten') ?? '';
    const r = await saveTopic(cx(request), null, typed);
    if (!r.ok) return topicsPage(request, reply, r.errors, typed, 422);
    return redirectWithFlash(reply, `${BASE}/chu-de`, 'da-them');
  });
  app.post(`${BASE}/chu-de/:id`, byId, async (request, reply) => {
    guard(request);
    const id = Number(request.params.id);
    const r = await saveTopic(cx(request), id, bodyField(request, 'ten') ?? '');
    if (!r.ok) return topicsPage(request, reply, r.errors, '', 422);
    return redirectWithFlash(reply, `${BASE}/chu-de`, 'da-doi-ten');
  });
  app.post(`${BASE}/chu-de/:id/xoa`, byId, async (request, reply) => {
    guard(request);
    const id = Number(request.params.id);
    await deleteTopic(cx(request), id);
    return redirectWithFlash(reply, `${BASE}/chu-de`, 'da-xoa');
  });

  // --- one question ---------------------------------------------------------------------------
  const detail = async (request: FastifyRequest, reply: FastifyReply, id: number, errors: FieldErrors = {}, typed: { answer?: string; reason?: string } = {}, status = 200) => {
    const site = request.site.id;
    const q = await findQuestion(ctx.db, site, id);
    if (!q) throw new AppError('not_found');
    const [staff, limit] = await Promise.all([listStaff(ctx.db, site), overdueDays(ctx.db, site)]);
    const props = { frame: adminFrame(app, request, reply), q, staff, overdueDays: limit, now: ctx.now(), notice: status === 200 ? notice(request) : undefined, errors, answer: typed.answer ?? q.answer, reason: typed.reason ?? '' };
    return sendAdmin(reply, <DetailPage {...props} />, status);
  };
  const self = (id: number) => `${BASE}/${id}`;

  app.get(`${BASE}/:id`, byId, async (request, reply) => {
    guard(request);
    return detail(request, reply, Number(request.params.id));
  });
  app.post(`${BASE}/:id/giao`, byId, async (request, reply) => {
    guard(request);
    const id = Number(request.params.id);
    const raw = bodyField(request, 'nguoi_xu_ly') ?? '';
    const who = raw === '' ? null : num(raw);
    if (who === undefined) return detail(request, reply, id, { nguoi_xu_ly: 'Người được giao không hợp lệ.' }, {}, 422);
    const r = await assignQuestion(cx(request), id, who);
    if (!r.ok) return detail(request, reply, id, r.errors, {}, 422);
    return redirectWithFlash(reply, self(id), 'da-giao');
  });
  app.post(`${BASE}/:id/tra-loi`, byId, async (request, reply) => {
    guard(request);
    const id = Number(request.params.id);
    const answer = bodyField(request, 'tra_loi') ?? '';
    const mark = bodyField(request, 'danh_dau') === '1';
    const r = await answerQuestion(cx(request), id, answer, mark);
    if (!r.ok) return detail(request, reply, id, r.errors, { answer }, 422);
    return redirectWithFlash(reply, self(id), mark ? 'da-tra-loi' : 'da-luu');
  });
  for (const [suffix, publish, tb] of [['cong-khai', true, 'da-cong-khai'], ['go', false, 'da-go']] as const) {
    app.post(`${BASE}/:id/${suffix}`, byId, async (request, reply) => {
      guard(request);
      const id = Number(request.params.id);
      const r = await setQuestionPublished(cx(request), id, publish);
      if (!r.ok) return detail(request, reply, id, r.errors, {}, 422);
      return redirectWithFlash(reply, self(id), tb);
    });
  }
  app.post(`${BASE}/:id/tu-choi`, byId, async (request, reply) => {
    guard(request);
    const id = Number(request.params.id);
    const reason = bodyField(request, 'ly_do') ?? '';
    const r = await rejectQuestion(cx(request), id, reason);
    if (!r.ok) return detail(request, reply, id, r.errors, { reason }, 422);
    return redirectWithFlash(reply, self(id), 'da-tu-choi');
  });
}

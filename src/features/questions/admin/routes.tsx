import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { CommandContext } from '../../../kernel/commands.js';
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
 * commands of src/questions, which check the permission again, write the audit row and purge.
 */
const PAGE = 50;
const NOTICES: Record<string, string> = {
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

export async function questionAdminRoutes(app: FastifyInstance): Promise<void> {
  const ctx = app.cong;
  const cx = (request: FastifyRequest): CommandContext => ({ db: ctx.db, site: request.site, actor: actorOf(request), now: ctx.now(), cache: ctx.pageCache });
  const guard = (request: FastifyRequest) => {
    if (!questionPolicy.handle(actorOf(request), request.site.id)) throw new AppError('forbidden');
  };
  const idOf = (request: FastifyRequest) => {
    const v = (request.params as { id?: string }).id ?? '';
    if (!/^\d{1,12}$/.test(v)) throw new AppError('not_found');
    return Number(v);
  };
  const notice = (request: FastifyRequest) => NOTICES[(request.query as { tb?: string }).tb ?? ''];
  const go = (reply: FastifyReply, path: string, tb: string) => reply.redirect(`${path}?tb=${tb}`, 303);
  const num = (v: unknown) => (typeof v === 'string' && /^\d{1,12}$/.test(v) ? Number(v) : undefined);

  app.get(BASE, async (request, reply) => {
    guard(request);
    const q = request.query as Record<string, string | undefined>;
    const filter = { status: STATUS_SLUGS[q.trang_thai ?? ''], topicId: num(q.chu_de), assigneeId: num(q.nguoi_xu_ly) };
    const page = Math.max(1, num(q.trang) ?? 1);
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
    return go(reply, `${BASE}/thong-ke`, 'da-luu-han');
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
    return go(reply, `${BASE}/chu-de`, 'da-them');
  });
  app.post(`${BASE}/chu-de/:id`, async (request, reply) => {
    guard(request);
    const r = await saveTopic(cx(request), idOf(request), bodyField(request, 'ten') ?? '');
    if (!r.ok) return topicsPage(request, reply, r.errors, '', 422);
    return go(reply, `${BASE}/chu-de`, 'da-doi-ten');
  });
  app.post(`${BASE}/chu-de/:id/xoa`, async (request, reply) => {
    guard(request);
    await deleteTopic(cx(request), idOf(request));
    return go(reply, `${BASE}/chu-de`, 'da-xoa');
  });

  // --- one question ---------------------------------------------------------------------------
  const detail = async (request: FastifyRequest, reply: FastifyReply, errors: FieldErrors = {}, typed: { answer?: string; reason?: string } = {}, status = 200) => {
    const site = request.site.id;
    const q = await findQuestion(ctx.db, site, idOf(request));
    if (!q) throw new AppError('not_found');
    const [staff, limit] = await Promise.all([listStaff(ctx.db, site), overdueDays(ctx.db, site)]);
    const props = { frame: adminFrame(app, request, reply), q, staff, overdueDays: limit, now: ctx.now(), notice: status === 200 ? notice(request) : undefined, errors, answer: typed.answer ?? q.answer, reason: typed.reason ?? '' };
    return sendAdmin(reply, <DetailPage {...props} />, status);
  };
  const self = (request: FastifyRequest) => `${BASE}/${idOf(request)}`;

  app.get(`${BASE}/:id`, async (request, reply) => {
    guard(request);
    return detail(request, reply);
  });
  app.post(`${BASE}/:id/giao`, async (request, reply) => {
    guard(request);
    const raw = bodyField(request, 'nguoi_xu_ly') ?? '';
    const who = raw === '' ? null : num(raw);
    if (who === undefined) return detail(request, reply, { nguoi_xu_ly: 'Người được giao không hợp lệ.' }, {}, 422);
    const r = await assignQuestion(cx(request), idOf(request), who);
    if (!r.ok) return detail(request, reply, r.errors, {}, 422);
    return go(reply, self(request), 'da-giao');
  });
  app.post(`${BASE}/:id/tra-loi`, async (request, reply) => {
    guard(request);
    const answer = bodyField(request, 'tra_loi') ?? '';
    const mark = bodyField(request, 'danh_dau') === '1';
    const r = await answerQuestion(cx(request), idOf(request), answer, mark);
    if (!r.ok) return detail(request, reply, r.errors, { answer }, 422);
    return go(reply, self(request), mark ? 'da-tra-loi' : 'da-luu');
  });
  for (const [suffix, publish, tb] of [['cong-khai', true, 'da-cong-khai'], ['go', false, 'da-go']] as const) {
    app.post(`${BASE}/:id/${suffix}`, async (request, reply) => {
      guard(request);
      const r = await setQuestionPublished(cx(request), idOf(request), publish);
      if (!r.ok) return detail(request, reply, r.errors, {}, 422);
      return go(reply, self(request), tb);
    });
  }
  app.post(`${BASE}/:id/tu-choi`, async (request, reply) => {
    guard(request);
    const reason = bodyField(request, 'ly_do') ?? '';
    const r = await rejectQuestion(cx(request), idOf(request), reason);
    if (!r.ok) return detail(request, reply, r.errors, { reason }, 422);
    return go(reply, self(request), 'da-tu-choi');
  });
}

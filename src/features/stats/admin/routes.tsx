import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { commandContext } from '../../../kernel/commands.js';
import { flash, redirectWithFlash } from '../../../kernel/http/flash.js';
import { QueryText } from '../../../kernel/http/route-schemas.js';
import { AppError } from '../../../kernel/lib/errors.js';
import { addDays, dayOf } from '../../../kernel/lib/calendar.js';
import { saveCounterSettings } from '../commands/save-counter-settings.js';
import * as repo from '../dashboard-repo.js';
import { statsPolicy } from '../policy.js';
import { loadCounterSettings } from '../settings.js';
import { actorOf, adminFrame, bodyField, sendAdmin } from '../../../kernel/http/admin-scope.js';
import { csvFileName, toCsv } from './csv.js';
import { DEVICE_NAMES, monthLabel } from './tables.js';
import { PERIODS, STATS, StatsPage, type Period, type StatsPageData } from './views.js';

/** ?ky=<days>: the period shown (7, 30…); anything else is 30 days. */
const PeriodQuery = Type.Object({ ky: QueryText });

function periodOf(ky: string | undefined): Period {
  const raw = Number(ky);
  return (PERIODS as readonly number[]).includes(raw) ? (raw as Period) : 30;
}

/** The statistics screen of the back office (/quan-tri/thong-ke), its CSV exports and settings. */
export async function statsAdminRoutes(root: FastifyInstance): Promise<void> {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();
  const ctx = app.cong;

  const guard = (request: FastifyRequest) => {
    if (!statsPolicy.view(actorOf(request), request.site.id)) throw new AppError('forbidden');
  };

  async function load(request: FastifyRequest, period: Period): Promise<StatsPageData> {
    const siteId = request.site.id;
    const now = ctx.now();
    const to = dayOf(now.getTime());
    const from = addDays(to, -(period - 1));
    const months = repo.lastMonths(to, 12);
    const canConfigure = statsPolicy.configure(actorOf(request), siteId);
    const [live, summary, series, articles, referrers, devices, editors, settings] = await Promise.all([
      app.stats.read(siteId),
      repo.summary(ctx.db, siteId, to),
      repo.dailySeries(ctx.db, siteId, from, to),
      repo.topArticles(ctx.db, siteId, from, to),
      repo.topReferrers(ctx.db, siteId, from, to),
      repo.devices(ctx.db, siteId, from, to),
      repo.publishedPerEditor(ctx.db, siteId, months, now),
      canConfigure ? loadCounterSettings(ctx.db, siteId) : null,
    ]);
    return { period, from, to, live, summary, series, articles, referrers, devices, months, editors, settings };
  }

  const page = async (request: FastifyRequest, reply: FastifyReply, period: Period, extra: Partial<StatsPageData> = {}, status = 200) =>
    sendAdmin(reply, <StatsPage frame={adminFrame(app, request, reply)} d={{ ...(await load(request, period)), ...extra }} />, status);

  app.get(STATS, { schema: { querystring: PeriodQuery } }, async (request, reply) => {
    guard(request);
    const notice = flash(request, { 'da-luu': 'Đã lưu cài đặt bộ đếm.' });
    return page(request, reply, periodOf(request.query.ky), notice ? { notice } : {});
  });

  app.post(`${STATS}/cai-dat`, { schema: { querystring: PeriodQuery } }, async (request, reply) => {
    const form = { count_mode: bodyField(request, 'count_mode') ?? '', widget: bodyField(request, 'widget') ?? '', show_article_views: bodyField(request, 'show_article_views') ?? '' };
    const r = await saveCounterSettings(commandContext(request), form);
    if (!r.ok) return page(request, reply, periodOf(request.query.ky), { errors: r.errors }, 422);
    app.stats.settingsChanged(request.site.id);
    return redirectWithFlash(reply, STATS, 'da-luu');
  });

  app.get(`${STATS}/tai-ve.csv`, { schema: { querystring: Type.Object({ ky: QueryText, bang: QueryText }) } }, async (request, reply) => {
    guard(request);
    const table = request.query.bang ?? '';
    const d = await load(request, periodOf(request.query.ky));
    let csv: string;
    if (table === 'ngay') csv = toCsv(['Ngày', 'Lượt xem trang', 'Lượt truy cập', 'Khách'], d.series.map((p) => [p.day, p.pageViews, p.visits, p.visitors]));
    else if (table === 'bai-viet') csv = toCsv(['Mã bài', 'Tiêu đề', 'Lượt xem'], d.articles.map((a) => [a.id, a.title, a.views]));
    else if (table === 'nguon') csv = toCsv(['Tên miền', 'Lượt dẫn đến'], d.referrers.map((r) => [r.domain, r.hits]));
    else if (table === 'thiet-bi') csv = toCsv(['Loại thiết bị', 'Lượt xem trang'], (Object.keys(DEVICE_NAMES) as (keyof typeof DEVICE_NAMES)[]).map((k) => [DEVICE_NAMES[k], d.devices[k]]));
    else if (table === 'nhuan-but') csv = toCsv(['Người viết', ...d.months.map(monthLabel), 'Tổng'], d.editors.map((e) => [e.name, ...e.counts, e.total]));
    else throw new AppError('not_found');
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="${csvFileName(request.site.code, table, ctx.now())}"`)
      .send(csv);
  });
}

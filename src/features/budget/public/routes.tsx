import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { cached } from '../../../kernel/http/cached.js';
import { frameFor, htmlPage, originOf } from '../../../kernel/http/render.js';
import { IdParams } from '../../../kernel/http/route-schemas.js';
import { sendStoredFile } from '../../../kernel/http/stored-file.js';
import { AppError } from '../../../kernel/lib/errors.js';
import { localIsoDate } from '../../../kernel/lib/format.js';
import { attachmentHeader, downloadName } from '../../documents/files.js';
import { sendCsv } from '../../open-data/send.js';
import { budgetCsv } from '../csv.js';
import { findPublishedFile, findReport, listFiles, listReports, listYears } from '../repo.js';
import { BUDGET_PATH, budgetUrls } from '../urls.js';
import { BudgetPage } from './budget-page.js';
import { ReportPage } from './report-page.js';

const YearParams = Type.Object({ year: Type.String({ pattern: '^(20[0-9]{2}|2100)$' }) });

/** Public pages of Công khai ngân sách: the newest year, each year, each report, its files, the CSV. */
export async function budgetRoutes(root: FastifyInstance): Promise<void> {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();
  const ctx = app.cong;

  async function yearPage(request: FastifyRequest, year: number | null, isIndex: boolean) {
    const site = request.site;
    const years = await listYears(ctx.db, site.id);
    const shown = isIndex ? (years[0] ?? null) : year;
    if (!isIndex && (shown === null || !years.includes(shown))) throw new AppError('not_found');
    const reports = shown === null ? [] : await listReports(ctx.db, site.id, { year: shown });
    const files = await listFiles(ctx.db, site.id, reports.map((r) => r.id));
    const lastModified = reports.reduce<string | null>((acc, r) => (acc && acc > r.updated_at ? acc : r.updated_at), null);
    const frame = await frameFor(ctx, request);
    return htmlPage(<BudgetPage frame={frame} year={shown} years={years} reports={reports} files={files} today={localIsoDate(ctx.now())} isIndex={isIndex} />, lastModified);
  }

  app.get(BUDGET_PATH, cached(app, async (request) => yearPage(request, null, true)));

  app.get(`${BUDGET_PATH}/nam-:year`, cached(app, { params: YearParams }, async (request) => yearPage(request, Number(request.params.year), false)));

  app.get(`${BUDGET_PATH}/bao-cao/:id`, cached(app, { params: IdParams }, async (request) => {
    const site = request.site;
    const report = await findReport(ctx.db, site.id, Number(request.params.id));
    if (!report) throw new AppError('not_found');
    const [frame, files] = await Promise.all([frameFor(ctx, request), listFiles(ctx.db, site.id, [report.id])]);
    return htmlPage(<ReportPage frame={frame} report={report} files={files} />, report.updated_at);
  }));

  // Files of published reports only; downloaded, never shown inside our origin.
  app.get(`${BUDGET_PATH}/tai-ve/:id`, { schema: { params: IdParams } }, async (request, reply) => {
    const file = await findPublishedFile(ctx.db, request.site.id, Number(request.params.id));
    if (!file) throw new AppError('not_found');
    reply.header('content-disposition', attachmentHeader(downloadName(file.original_name, file.ext))).header('x-content-type-options', 'nosniff');
    return sendStoredFile(request, reply, ctx.media, file.disk_path, { contentType: file.mime, cacheControl: 'public, max-age=300' });
  });

  // Issue 15 item 8: the budget list as CSV, made and cached like the open-data downloads.
  app.get(budgetUrls.csv(), async (request, reply) => sendCsv(request, reply, 'cong-khai-ngan-sach.csv', () => budgetCsv(ctx.db, request.site.id, originOf(request))));
}

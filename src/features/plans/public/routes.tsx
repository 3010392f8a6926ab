import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { cached } from '../../../kernel/http/cached.js';
import { frameFor, htmlPage, permanentRedirect } from '../../../kernel/http/render.js';
import { IdParams, SlugIdParams } from '../../../kernel/http/route-schemas.js';
import { sendStoredFile } from '../../../kernel/http/stored-file.js';
import { AppError } from '../../../kernel/lib/errors.js';
import { splitSlugId } from '../../../kernel/lib/ids.js';
import { attachmentHeader, downloadName } from '../../documents/files.js';
import { findPlan, findPublishedPlanFile, listPlanFiles, listPlans } from '../repo.js';
import { PLANS_PATH, planUrls } from '../urls.js';
import { PlanListPage, PlanPage } from './pages.js';

/** Public pages of Quy hoạch – Kế hoạch: the list, each plan, its files and GeoJSON layer. */
export async function planRoutes(root: FastifyInstance): Promise<void> {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();
  const ctx = app.cong;

  app.get(PLANS_PATH, cached(app, async (request) => {
    const [plans, frame] = await Promise.all([listPlans(ctx.db, request.site.id), frameFor(ctx, request)]);
    return htmlPage(<PlanListPage frame={frame} plans={plans} />);
  }));

  // Plan-map pictures are shown in the page (inline); every other file is downloaded.
  app.get(`${PLANS_PATH}/tep/:id`, { schema: { params: IdParams } }, async (request, reply) => {
    const file = await findPublishedPlanFile(ctx.db, request.site.id, Number(request.params.id));
    if (!file) throw new AppError('not_found');
    const name = downloadName(file.original_name, file.ext);
    const disposition = attachmentHeader(name);
    reply.header('content-disposition', file.mime.startsWith('image/') ? disposition.replace(/^attachment/, 'inline') : disposition).header('x-content-type-options', 'nosniff');
    return sendStoredFile(request, reply, ctx.media, file.disk_path, { contentType: file.mime, cacheControl: 'public, max-age=300' });
  });

  app.get(`${PLANS_PATH}/lop-ban-do/:file`, cached(app, { params: Type.Object({ file: Type.String({ pattern: '^[1-9][0-9]{0,9}\\.geojson$' }) }) }, async (request) => {
    const plan = await findPlan(ctx.db, request.site.id, Number.parseInt(request.params.file, 10));
    if (!plan?.geojson) throw new AppError('not_found');
    return {
      status: 200, contentType: 'application/geo+json; charset=utf-8', body: plan.geojson, cacheControl: 'public, max-age=300',
      headers: { 'content-disposition': `attachment; filename="quy-hoach-${plan.id}.geojson"` }, lastModified: plan.updated_at,
    };
  }));

  app.get(`${PLANS_PATH}/:slugId`, cached(app, { params: SlugIdParams }, async (request) => {
    const { slug, id } = splitSlugId(request.params.slugId);
    const plan = await findPlan(ctx.db, request.site.id, id);
    if (!plan) throw new AppError('not_found');
    if (slug !== plan.slug) return permanentRedirect(planUrls.plan(plan));
    const [frame, files] = await Promise.all([frameFor(ctx, request), listPlanFiles(ctx.db, request.site.id, id)]);
    return htmlPage(<PlanPage frame={frame} plan={plan} files={files} />, plan.updated_at);
  }));
}

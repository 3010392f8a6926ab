import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { renderToString } from 'preact-render-to-string';
import { AppError } from '../../../kernel/lib/errors.js';
import { cached } from '../../../kernel/http/cached.js';
import { StaticMapSvg, MapPage } from './map-page.js';
import { frameFor, htmlPage } from '../../../kernel/http/render.js';
import { limitedTo } from '../../../kernel/http/limits.js';
import { sendStoredFile } from '../../../kernel/http/stored-file.js';
import { IdParams } from '../../../kernel/http/route-schemas.js';
import { parseId } from '../../../kernel/lib/ids.js';
import { findLink, findSong, listOffices } from '../widgets-repo.js';
import { listPlanLayers } from '../../plans/repo.js';
import { planUrls } from '../../plans/urls.js';

export async function widgetRoutes(root: FastifyInstance): Promise<void> {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();
  const ctx = app.cong;

  app.get('/ban-do', cached(app, async (request) => {
    const [frame, offices, plans] = await Promise.all([frameFor(ctx, request), listOffices(ctx.db, request.site.id), listPlanLayers(ctx.db, request.site.id)]);
    const layers = plans.map((p) => ({ title: p.title, url: planUrls.geojson(p), href: planUrls.plan(p) }));
    return htmlPage(<MapPage frame={frame} offices={offices} layers={layers} />);
  }));

  app.get('/ban-do/ban-do.svg', cached(app, async (request) => {
    const offices = await listOffices(ctx.db, request.site.id);
    const m = request.site.settings.map;
    return {
      status: 200,
      contentType: 'image/svg+xml; charset=utf-8',
      body: renderToString(<StaticMapSvg title={m.title} offices={offices} center={m.center} />),
      cacheControl: 'public, max-age=3600',
    };
  }));

  // Pages rendered before the links widget became plain links (a CDN may still hold them, with
  // their older CSP) post here; only the site's own configured links can be reached.
  app.post('/lien-ket', limitedTo(60), async (request, reply) => {
    const id = parseId((request.body as Record<string, unknown> | undefined)?.id);
    const link = id === null ? undefined : await findLink(ctx.db, request.site.id, id);
    if (!link) throw new AppError('link_not_allowed');
    return reply.header('cache-control', 'no-store').redirect(link.url, 303);
  });

  app.get('/bai-hat/:id', { schema: { params: IdParams } }, async (request, reply) => {
    const song = await findSong(ctx.db, request.site.id, Number(request.params.id));
    if (!song) throw new AppError('not_found');
    return sendStoredFile(request, reply, ctx.media, song.file_path, { contentType: song.mime, cacheControl: 'public, max-age=86400' });
  });
}

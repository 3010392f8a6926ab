import type { FastifyInstance } from 'fastify';
import { cached } from '../../kernel/http/cached.js';
import { frameFor, htmlPage } from '../../kernel/http/render.js';
import { urls } from '../../kernel/http/urls.js';
import { SiteMapPage } from './site-map-page.js';

/** GET /so-do-trang, cached like every public page and purged with the site. */
export async function siteMapRoutes(app: FastifyInstance): Promise<void> {
  app.get(urls.siteMap(), cached(app, async (request) => htmlPage(<SiteMapPage frame={await frameFor(app.cong, request)} />)));
}

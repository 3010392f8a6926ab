import type { FastifyInstance } from 'fastify';
import { THEME_PATH, themeCss } from '../appearance.js';
import { cached } from '../../../kernel/http/cached.js';

/**
 * The site's colours and header banner (src/features/sites/appearance.ts). Pages link it with the
 * theme's version in the query, so browsers may keep each version for a year.
 */
export async function themeRoutes(app: FastifyInstance): Promise<void> {
  app.get(THEME_PATH, cached(app, async (request) => {
    const a = request.site.settings.appearance;
    return {
      status: 200,
      contentType: 'text/css; charset=utf-8',
      body: a ? themeCss(a) : '\n',
      cacheControl: 'public, max-age=31536000, immutable',
    };
  }));
}

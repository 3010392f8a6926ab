import type { FastifyInstance } from 'fastify';
import { cached } from '../../../kernel/http/cached.js';
import { frameFor, htmlPage } from '../../../kernel/http/render.js';
import { readSettings, settingsChanged } from '../../disclosure/settings.js';
import { INFO_SECTION } from '../section.js';
import { InfoPage } from './info-page.js';

export async function infoRoutes(app: FastifyInstance): Promise<void> {
  app.get(INFO_SECTION.path, cached(app, async (request) => {
    const [frame, values, changed] = await Promise.all([
      frameFor(app.cong, request),
      readSettings(app.cong.db, request.site.id, 'info-requests'),
      settingsChanged(app.cong.db, request.site.id, 'info-requests'),
    ]);
    return htmlPage(<InfoPage frame={frame} values={values ?? {}} />, changed);
  }));
}

import type { FastifyInstance } from 'fastify';
import { cached } from '../../../kernel/http/cached.js';
import { frameFor, htmlPage } from '../../../kernel/http/render.js';
import { DISCLOSURE_HUB } from '../../../kernel/views/public/widgets.js';
import { HubPage } from './hub-page.js';

export async function hubRoutes(app: FastifyInstance): Promise<void> {
  app.get(DISCLOSURE_HUB, cached(app, async (request) => htmlPage(<HubPage frame={await frameFor(app.cong, request)} />)));
}

import type { FastifyInstance } from 'fastify';

/** Site management screens: categories, pages, widgets, settings, sites (/quan-tri/trang-web…). */
export async function siteAdminRoutes(_app: FastifyInstance): Promise<void> {}

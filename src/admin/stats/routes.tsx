import type { FastifyInstance } from 'fastify';

/** The statistics screen of the back office (/quan-tri/thong-ke). */
export async function statsAdminRoutes(_app: FastifyInstance): Promise<void> {}

import type { FastifyInstance } from 'fastify';

/** Comment moderation in the back office (/quan-tri/binh-luan). */
export async function commentAdminRoutes(_app: FastifyInstance): Promise<void> {}

import type { FastifyInstance } from 'fastify';

/** The media library screens (/quan-tri/thu-vien). */
export async function mediaRoutes(_app: FastifyInstance): Promise<void> {}

import type { FastifyInstance } from 'fastify';

/** Public endpoints: rate an article, post a comment, captcha challenge. */
export async function interactRoutes(_app: FastifyInstance): Promise<void> {}

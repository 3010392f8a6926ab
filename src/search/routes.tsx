import type { FastifyInstance } from 'fastify';

/** The public search: /tim-kiem, OpenSearch description. */
export async function searchRoutes(_app: FastifyInstance): Promise<void> {}

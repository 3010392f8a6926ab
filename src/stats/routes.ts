import type { FastifyInstance } from 'fastify';

/** The visit beacon and the live counters. */
export async function statsRoutes(_app: FastifyInstance): Promise<void> {}

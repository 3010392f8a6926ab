import type { FastifyInstance } from 'fastify';
import { noticeRoutes } from '../../disclosure/admin/notice-routes.js';
import { LEGAL_TOPIC } from '../legal.js';

export async function legalAdminRoutes(app: FastifyInstance): Promise<void> {
  noticeRoutes(app, LEGAL_TOPIC);
}

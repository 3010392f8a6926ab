import type { FastifyInstance } from 'fastify';
import { noticeRoutes } from '../../disclosure/admin/notice-routes.js';
import { RECRUITMENT } from '../recruitment.js';

export async function recruitmentAdminRoutes(app: FastifyInstance): Promise<void> {
  noticeRoutes(app, RECRUITMENT);
}

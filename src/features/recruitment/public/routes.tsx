import type { FastifyInstance } from 'fastify';
import { noticeSectionRoutes } from '../../disclosure/public/notice-section-routes.js';
import { RECRUITMENT, RECRUITMENT_SECTION } from '../recruitment.js';

export async function recruitmentRoutes(app: FastifyInstance): Promise<void> {
  noticeSectionRoutes(app, {
    section: RECRUITMENT_SECTION,
    kind: RECRUITMENT,
    description: 'Thông báo tuyển dụng công chức, viên chức, hợp đồng lao động, hạn nộp hồ sơ và tài liệu kèm theo.',
    intro: <p>Thông báo tuyển dụng, hạn nộp hồ sơ và tài liệu kèm theo. Thông báo đã quá hạn nộp hồ sơ được ghi “Đã hết hạn”.</p>,
    empty: 'Hiện chưa có thông báo tuyển dụng.',
  });
}

import type { FastifyInstance } from 'fastify';
import { noticeSectionRoutes } from '../../disclosure/public/notice-section-routes.js';
import { LEGAL_SECTION, LEGAL_TOPIC } from '../legal.js';

export async function legalRoutes(app: FastifyInstance): Promise<void> {
  noticeSectionRoutes(app, {
    section: LEGAL_SECTION,
    kind: LEGAL_TOPIC,
    description: 'Tài liệu phổ biến, giáo dục pháp luật theo chủ đề: bài viết và văn bản.',
    intro: <p>Tài liệu phổ biến, giáo dục pháp luật theo từng chủ đề, dẫn đến bài viết và văn bản trên cổng (Nghị định 42/2022/NĐ-CP, Điều 4).</p>,
    empty: 'Chưa có chủ đề phổ biến pháp luật.',
  });
}

import type { FastifyInstance } from 'fastify';
import { NAM_HONG_LINH } from '../helpers/app.js';

export const ADMIN = '/quan-tri/thong-bao-khan';

/** The notices region(s) at the top of a public page, or '' when there are none. */
export function alertsOf(html: string): string {
  return /<div class="site-alerts" lang="vi">[\s\S]*?<\/section><\/div>/.exec(html)?.[0] ?? '';
}

export function publicPage(app: FastifyInstance, url: string, host = NAM_HONG_LINH) {
  return app.inject({ url, headers: { host } });
}

/** A valid form: in force from 2027-01-06 09:00 to 2027-01-08 18:00, Vietnamese time. */
export const valid = {
  title: 'Sơ tán dân vùng trũng thấp trước bão số 12',
  body: 'Người dân tổ dân phố 3, 4 di chuyển đến nhà văn hoá trước 17 giờ.\nXem bản đồ tại https://bando.example.vn/so-tan.',
  severity: 'urgent',
  link: '/bai-viet/so-tan-123',
  starts: '2027-01-06T09:00',
  ends: '2027-01-08T18:00',
};

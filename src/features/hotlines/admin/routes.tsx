import type { FastifyInstance } from 'fastify';
import { settingsRoutes } from '../../disclosure/admin/settings-routes.js';
import { crossCheckHotlines, DEFAULT_VALUES, HOTLINE_FIELDS, HOTLINE_GROUPS, HOTLINES_ADMIN, HOTLINES_PATH } from '../lines.js';

/** One form: up to ten lines (what it is for, the number); the block on every page follows it. */
export async function hotlineAdminRoutes(app: FastifyInstance): Promise<void> {
  settingsRoutes(app, {
    path: HOTLINES_ADMIN,
    title: 'Đường dây nóng',
    publicPath: HOTLINES_PATH,
    groups: HOTLINE_GROUPS,
    defaults: DEFAULT_VALUES,
    intro: <p>Các số hiện ở khối “Đường dây nóng” trên mọi trang của cổng, theo thứ tự dưới đây. Để trống cả hai ô của một dòng để bỏ dòng đó.</p>,
    form: { key: 'hotlines', fields: HOTLINE_FIELDS, crossCheck: crossCheckHotlines, action: 'hotlines.update', purge: 'site' },
  });
}

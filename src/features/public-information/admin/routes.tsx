import type { FastifyInstance } from 'fastify';
import { settingsRoutes } from '../../disclosure/admin/settings-routes.js';
import { INFO_ADMIN, INFO_FIELDS, INFO_GROUPS, INFO_PATH } from '../items.js';

/** One form: the officer and channel for information requests, and where each listed item is. */
export async function infoAdminRoutes(app: FastifyInstance): Promise<void> {
  settingsRoutes(app, {
    path: INFO_ADMIN,
    title: 'Thông tin công khai',
    publicPath: INFO_PATH,
    groups: INFO_GROUPS,
    defaults: {},
    form: { key: 'info-requests', fields: INFO_FIELDS, action: 'public_information.update', purge: [INFO_PATH] },
  });
}

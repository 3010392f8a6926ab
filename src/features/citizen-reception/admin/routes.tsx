import type { FastifyInstance } from 'fastify';
import { NoticeTable } from '../../disclosure/admin/notice-screens.js';
import { noticeRoutes } from '../../disclosure/admin/notice-routes.js';
import { settingsRoutes } from '../../disclosure/admin/settings-routes.js';
import { listNotices } from '../../disclosure/notice-repo.js';
import { crossCheckReception, RECEPTION_ADMIN, RECEPTION_CHANGE, RECEPTION_FIELDS, RECEPTION_GROUPS, RECEPTION_PATH } from '../reception.js';

/** One screen: the fixed schedule, place and rules, and under it the dated changes. */
export async function receptionAdminRoutes(app: FastifyInstance): Promise<void> {
  settingsRoutes(app, {
    path: RECEPTION_ADMIN,
    title: 'Tiếp công dân',
    publicPath: RECEPTION_PATH,
    groups: RECEPTION_GROUPS,
    defaults: {},
    form: { key: 'reception', fields: RECEPTION_FIELDS, crossCheck: crossCheckReception, action: 'reception.update', purge: [RECEPTION_PATH] },
    after: async (a, request, csrf) => (
      <NoticeTable kind={RECEPTION_CHANGE} notices={await listNotices(a.cong.db, request.site.id, RECEPTION_CHANGE.kind)} csrf={csrf} />
    ),
  });
  noticeRoutes(app, RECEPTION_CHANGE, { list: false, back: RECEPTION_ADMIN });
}

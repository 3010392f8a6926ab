import type { FastifyInstance } from 'fastify';
import { NoticeTable } from '../../disclosure/admin/notice-screens.js';
import { noticeRoutes } from '../../disclosure/admin/notice-routes.js';
import { settingsRoutes } from '../../disclosure/admin/settings-routes.js';
import { noticePurge } from '../../disclosure/commands/save-notice.js';
import { listNotices } from '../../disclosure/notice-repo.js';
import { PRESS_RELEASE, SPOKESPERSON_ADMIN, SPOKESPERSON_FIELDS, SPOKESPERSON_GROUPS, SPOKESPERSON_PATH } from '../spokesperson.js';

/** One screen: the spokesperson, and under it the press releases. */
export async function spokespersonAdminRoutes(app: FastifyInstance): Promise<void> {
  settingsRoutes(app, {
    path: SPOKESPERSON_ADMIN,
    title: 'Người phát ngôn',
    publicPath: SPOKESPERSON_PATH,
    groups: SPOKESPERSON_GROUPS,
    defaults: {},
    form: { key: 'spokesperson', fields: SPOKESPERSON_FIELDS, action: 'spokesperson.update', purge: noticePurge(PRESS_RELEASE) },
    after: async (a, request, csrf) => (
      <NoticeTable kind={PRESS_RELEASE} notices={await listNotices(a.cong.db, request.site.id, PRESS_RELEASE.kind)} csrf={csrf} />
    ),
  });
  noticeRoutes(app, PRESS_RELEASE, { list: false, back: SPOKESPERSON_ADMIN });
}

import type { FastifyInstance } from 'fastify';
import { sitePolicy } from '../policy.js';
import { actorOf, adminFrame, sendAdmin } from '../../../kernel/http/admin-scope.js';
import type { AdminFrame } from '../../../kernel/views/admin/layout.js';
import { appearanceRoutes } from './appearance-routes.js';
import { linkRoutes } from './links-routes.js';
import { mapRoutes } from './map-routes.js';
import { menuRoutes } from './menu-routes.js';
import { settingsRoutes } from './settings-routes.js';
import { BASE, guardSiteAdmin, SITE_SCREENS } from './shared.js';
import { sitesRoutes } from './sites-routes.js';
import { songRoutes } from './songs-routes.js';
import { AdminLayout } from '../../../kernel/views/admin/layout.js';

function HubPage({ frame, showSystem }: { frame: AdminFrame; showSystem: boolean }) {
  return (
    <AdminLayout frame={frame} title="Quản lý trang">
      <h1>Quản lý trang</h1>
      <nav aria-label="Các mục quản lý trang" class="cards">
        {SITE_SCREENS.filter((s) => showSystem || !s.systemOnly).map((s) => (
          <a class="card" href={s.href}>
            <strong>{s.label}</strong>
            <br />
            <span class="muted">{s.about}</span>
          </a>
        ))}
      </nav>
    </AdminLayout>
  );
}

/**
 * Site management screens: menu, widgets, settings, sites (/quan-tri/trang-web…); the categories
 * and static pages screens under it belong to the articles and pages features.
 */
export async function siteAdminRoutes(app: FastifyInstance): Promise<void> {
  app.get(BASE, async (request, reply) => {
    guardSiteAdmin(request);
    return sendAdmin(reply, <HubPage frame={adminFrame(app, request, reply)} showSystem={sitePolicy.manageSites(actorOf(request))} />);
  });
  for (const routes of [menuRoutes, linkRoutes, songRoutes, mapRoutes, settingsRoutes, appearanceRoutes, sitesRoutes]) {
    await routes(app);
  }
}

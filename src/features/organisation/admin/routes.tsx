import type { FastifyInstance } from 'fastify';
import { ORG_PAGES } from '../paths.js';
import { listPeople, listUnits } from '../repo.js';
import { adminFrame, sendAdmin } from '../../../kernel/http/admin-scope.js';
import { Notice } from '../../../kernel/views/admin/forms.js';
import type { AdminFrame } from '../../../kernel/views/admin/layout.js';
import { agencyRoutes } from './agency-routes.js';
import { englishRoutes, englishTodo } from './english-routes.js';
import { peopleRoutes } from './people-routes.js';
import { BASE, guard, OrgAdminPage, PATHS } from './shared.js';
import { unitRoutes } from './units-routes.js';

function OverviewPage({ frame, units, people, leaders, stale, missing }: { frame: AdminFrame; units: number; people: number; leaders: number; stale: number; missing: number }) {
  return (
    <OrgAdminPage frame={frame} title="Giới thiệu – Tổ chức">
      {stale > 0 && (
        <Notice kind="info">
          <strong>{stale} bản tiếng Anh cũ hơn bản tiếng Việt.</strong> <a href={PATHS.english}>Xem danh sách cần cập nhật</a>
        </Notice>
      )}
      <ul>
        <li><a href={PATHS.agency}>Thông tin cơ quan</a>: tên, địa chỉ, điện thoại, fax, thư điện tử, giờ làm việc, chức năng nhiệm vụ (tiếng Việt và tiếng Anh).</li>
        <li><a href={PATHS.units}>Đơn vị, bộ phận</a>: {units} đơn vị trong sơ đồ tổ chức.</li>
        <li><a href={PATHS.people}>Cán bộ, lãnh đạo</a>: {people} người, trong đó {leaders} người hiện trên trang Lãnh đạo.</li>
        <li><a href={PATHS.english}>Bản tiếng Anh cần cập nhật</a>: {stale} bản cũ, {missing} bản còn thiếu.</li>
      </ul>
      <h2>Trang công khai</h2>
      <ul>
        <li><a href={ORG_PAGES.overview.vi}>Giới thiệu</a> · <a href={ORG_PAGES.chart.vi}>Cơ cấu tổ chức</a> · <a href={ORG_PAGES.leaders.vi}>Lãnh đạo</a> · <a href={ORG_PAGES.contact.vi}>Liên hệ</a></li>
        <li lang="en"><a href={ORG_PAGES.overview.en}>About</a> · <a href={ORG_PAGES.chart.en}>Organisation</a> · <a href={ORG_PAGES.leaders.en}>Leaders</a> · <a href={ORG_PAGES.contact.en}>Contact</a></li>
      </ul>
    </OrgAdminPage>
  );
}

/** Back-office screens of Giới thiệu (organisation, leaders, contacts) and the English section. */
export async function organisationAdminRoutes(app: FastifyInstance): Promise<void> {
  const ctx = app.cong;
  app.get(BASE, async (request, reply) => {
    guard(request);
    const siteId = request.site.id;
    const [units, people, todo] = await Promise.all([listUnits(ctx.db, siteId), listPeople(ctx.db, siteId), englishTodo(ctx.db, siteId)]);
    const stale = todo.filter((t) => t.state.stale).length;
    return sendAdmin(reply, (
      <OverviewPage frame={adminFrame(app, request, reply)} units={units.length} people={people.length} leaders={people.filter((p) => p.is_leader === 1).length} stale={stale} missing={todo.length - stale} />
    ));
  });
  await agencyRoutes(app);
  await unitRoutes(app);
  await peopleRoutes(app);
  await englishRoutes(app);
}

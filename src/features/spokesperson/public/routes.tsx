import type { FastifyInstance } from 'fastify';
import { telHref } from '../../disclosure/fields.js';
import { noticeSectionRoutes } from '../../disclosure/public/notice-section-routes.js';
import { readSettings } from '../../disclosure/settings.js';
import { PRESS_RELEASE, SPOKESPERSON_SECTION } from '../spokesperson.js';

/** The spokesperson's card, then the press releases, newest first. */
export async function spokespersonRoutes(app: FastifyInstance): Promise<void> {
  noticeSectionRoutes(app, {
    section: SPOKESPERSON_SECTION,
    kind: PRESS_RELEASE,
    description: 'Người phát ngôn, cách liên hệ và thông cáo báo chí.',
    intro: <p>Người phát ngôn và người được giao phát ngôn cung cấp thông tin cho báo chí theo Nghị định 09/2017/NĐ-CP quy định chi tiết việc phát ngôn và cung cấp thông tin cho báo chí của các cơ quan hành chính nhà nước.</p>,
    listHeading: 'Thông cáo báo chí',
    empty: 'Chưa có thông cáo báo chí.',
    top: async (a, request) => {
      const v = (await readSettings(a.cong.db, request.site.id, 'spokesperson')) ?? {};
      if (!v.name) return <p class="empty">Đang cập nhật thông tin người phát ngôn.</p>;
      return (
        <dl class="contact-list spokesperson">
          <dt>Người phát ngôn</dt><dd>{v.name}{v.post && `, ${v.post}`}</dd>
          {v.phone && (<><dt>Điện thoại</dt><dd><a href={telHref(v.phone)}>{v.phone}</a></dd></>)}
          {v.email && (<><dt>Thư điện tử</dt><dd><a href={`mailto:${v.email}`}>{v.email}</a></dd></>)}
          {v.deputy && (<><dt>Người được giao phát ngôn</dt><dd>{v.deputy}{v.deputyPost && `, ${v.deputyPost}`}</dd></>)}
        </dl>
      );
    },
  });
}

import type { FastifyInstance } from 'fastify';
import { cached } from '../../../kernel/http/cached.js';
import { localIsoDate } from '../../../kernel/lib/format.js';
import { frameFor, htmlPage } from '../../../kernel/http/render.js';
import { listNotices } from '../../disclosure/notice-repo.js';
import { NoticeList, Paragraphs } from '../../disclosure/public/notice-list.js';
import { SectionPage } from '../../disclosure/public/section-page.js';
import { readSettings, settingsChanged } from '../../disclosure/settings.js';
import { telHref } from '../../disclosure/fields.js';
import { RECEPTION_CHANGE, scheduleOf } from '../reception.js';
import { RECEPTION_SECTION } from '../section.js';

/** The reception page: upcoming changes first (they override the fixed days), then the schedule, place and rules. */
export async function receptionRoutes(app: FastifyInstance): Promise<void> {
  const ctx = app.cong;
  app.get(RECEPTION_SECTION.path, cached(app, async (request) => {
    const now = ctx.now();
    const [frame, values, changed, changes] = await Promise.all([
      frameFor(ctx, request),
      readSettings(ctx.db, request.site.id, 'reception'),
      settingsChanged(ctx.db, request.site.id, 'reception'),
      listNotices(ctx.db, request.site.id, 'reception-change', { fromDay: localIsoDate(now) }),
    ]);
    const v = values ?? {};
    const rows = scheduleOf(v);
    return htmlPage(
      <SectionPage frame={frame} section={RECEPTION_SECTION} description={`Lịch tiếp công dân, nội quy và thay đổi lịch của ${frame.site.name}.`}>
        {changes.length > 0 && (
          <section class="reception-changes" aria-labelledby="thay-doi">
            <h2 id="thay-doi">Thay đổi lịch tiếp công dân</h2>
            <NoticeList kind={RECEPTION_CHANGE} notices={[...changes].reverse()} now={now} empty="" level={3} />
          </section>
        )}
        <section aria-labelledby="lich-dinh-ky">
          <h2 id="lich-dinh-ky">Lịch tiếp công dân định kỳ</h2>
          {rows.length ? (
            <table class="data-table">
              <caption class="visually-hidden">Lịch tiếp công dân định kỳ</caption>
              <thead><tr><th scope="col">Người tiếp công dân</th><th scope="col">Thời gian</th></tr></thead>
              <tbody>{rows.map((r) => <tr><th scope="row">{r.who}</th><td>{r.when}</td></tr>)}</tbody>
            </table>
          ) : (
            <p class="empty">Đang cập nhật lịch tiếp công dân.</p>
          )}
          {v.place && <p><strong>Địa điểm:</strong> {v.place}</p>}
          {v.phone && <p><strong>Điện thoại liên hệ:</strong> <a href={telHref(v.phone)}>{v.phone}</a></p>}
        </section>
        {v.rules && (
          <section aria-labelledby="noi-quy">
            <h2 id="noi-quy">Nội quy tiếp công dân</h2>
            <Paragraphs text={v.rules} />
          </section>
        )}
      </SectionPage>,
      changed,
    );
  }));
}

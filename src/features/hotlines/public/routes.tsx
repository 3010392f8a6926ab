import type { FastifyInstance } from 'fastify';
import { cached } from '../../../kernel/http/cached.js';
import { frameFor, htmlPage } from '../../../kernel/http/render.js';
import { SectionPage } from '../../disclosure/public/section-page.js';
import { readSettings, settingsChanged } from '../../disclosure/settings.js';
import { HOTLINES_SECTION } from '../section.js';
import { hotlinesOf } from '../lines.js';
import { HotlineList } from './widget.js';

export async function hotlineRoutes(app: FastifyInstance): Promise<void> {
  app.get(HOTLINES_SECTION.path, cached(app, async (request) => {
    const [frame, values, changed] = await Promise.all([
      frameFor(app.cong, request),
      readSettings(app.cong.db, request.site.id, 'hotlines'),
      settingsChanged(app.cong.db, request.site.id, 'hotlines'),
    ]);
    const lines = hotlinesOf(values);
    return htmlPage(
      <SectionPage frame={frame} section={HOTLINES_SECTION} description={`Các số điện thoại đường dây nóng của ${frame.site.name}.`}>
        <p>Gọi các số dưới đây để phản ánh, kiến nghị, được hỗ trợ thủ tục hành chính hoặc khi cần cứu giúp khẩn cấp. Trên điện thoại, chạm vào số để gọi.</p>
        {lines.length ? <HotlineList hotlines={lines} /> : <p class="empty">Chưa có số đường dây nóng.</p>}
        <p>Các số khẩn cấp 112, 113, 114, 115 gọi miễn phí từ mọi điện thoại, kể cả khi không có thẻ SIM.</p>
      </SectionPage>,
      changed,
    );
  }));
}

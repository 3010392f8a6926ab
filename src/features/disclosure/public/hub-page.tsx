import type { PublicSection } from '../../../kernel/feature.js';
import type { Frame } from '../../../kernel/views/public/frame.js';
import { Layout } from '../../../kernel/views/public/layout.js';
import { DISCLOSURE_HUB } from '../../../kernel/views/public/widgets.js';
import { LEGAL_NOTES } from '../legal-notes.js';

/** "Công khai – minh bạch": every disclosure section of the site, with what the law asks of it. */
export function HubPage({ frame }: { frame: Frame }) {
  const sections: PublicSection[] = frame.sections.filter((s) => s.group === 'disclosure');
  return (
    <Layout
      frame={frame}
      meta={{ title: 'Công khai – minh bạch', canonicalPath: DISCLOSURE_HUB, current: 'hub:disclosure', description: `Thông tin ${frame.site.name} công khai theo Luật Thực hiện dân chủ ở cơ sở và Luật Tiếp cận thông tin.` }}
      crumbs={[{ name: 'Trang chủ', href: '/' }, { name: 'Công khai – minh bạch', href: DISCLOSURE_HUB }]}
    >
      <article class="disclosure">
        <h1 class="page-title">Công khai – minh bạch</h1>
        <p>
          Theo Luật Thực hiện dân chủ ở cơ sở năm 2022 (Điều 11, Điều 12), Luật Tiếp cận thông tin năm 2016 và Nghị định
          13/2018/NĐ-CP, chính quyền cấp xã phải công khai những thông tin dưới đây, trong đó có công khai trên cổng thông
          tin điện tử. Người dân có quyền yêu cầu cung cấp thông tin chưa được công khai tại mục Thông tin công khai.
        </p>
        <ul class="hub-list">
          {sections.map((s) => (
            <li>
              <h2 class="hub-title"><a href={s.path}>{s.label}</a></h2>
              {LEGAL_NOTES[s.path] && <p>{LEGAL_NOTES[s.path]}</p>}
            </li>
          ))}
        </ul>
      </article>
    </Layout>
  );
}

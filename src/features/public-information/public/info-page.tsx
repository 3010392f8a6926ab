import type { Frame } from '../../../kernel/views/public/frame.js';
import { telHref, type Values } from '../../disclosure/fields.js';
import { Paragraphs } from '../../disclosure/public/notice-list.js';
import { SectionPage } from '../../disclosure/public/section-page.js';
import { INFO_ITEMS } from '../items.js';
import { INFO_SECTION } from '../section.js';

/** Where an item is: the editor's address, else the default section when this portal has it. */
function whereOf(frame: Frame, values: Values, key: string, at: string): string | null {
  const own = values[`at-${key}`];
  if (own) return own;
  return at.startsWith('#') || frame.sections.some((s) => s.path === at) ? at : null;
}

export function InfoPage({ frame, values }: { frame: Frame; values: Values }) {
  const v = (k: string) => values[k] ?? '';
  const hasOfficer = ['officer', 'unit', 'address', 'phone', 'email', 'hours'].some((k) => v(k));
  return (
    <SectionPage frame={frame} section={INFO_SECTION} description={`Danh mục thông tin ${frame.site.name} phải công khai và đầu mối tiếp nhận yêu cầu cung cấp thông tin.`}>
      <p>
        Danh mục thông tin phải được công khai theo Luật Tiếp cận thông tin năm 2016 (Điều 17) và các văn bản liên quan,
        lập theo Nghị định 13/2018/NĐ-CP (Điều 6), với nơi đăng từng loại thông tin trên cổng. Thông tin chưa được công khai, công dân có thể yêu cầu cung cấp
        qua đầu mối ở cuối trang.
      </p>
      <table class="data-table info-list">
        <caption>Danh mục thông tin phải được công khai</caption>
        <thead>
          <tr><th scope="col">STT</th><th scope="col">Loại thông tin</th><th scope="col">Căn cứ</th><th scope="col">Nơi đăng</th></tr>
        </thead>
        <tbody>
          {INFO_ITEMS.map((item, i) => {
            const where = whereOf(frame, values, item.key, item.at);
            return (
              <tr>
                <td>{i + 1}</td>
                <th scope="row">{item.title}</th>
                <td>{item.basis}</td>
                <td>{where ? <a href={where}>Xem<span class="visually-hidden">: {item.title}</span></a> : 'Đang cập nhật'}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <section id="dau-moi" aria-labelledby="dau-moi-title">
        <h2 id="dau-moi-title">Đầu mối tiếp nhận yêu cầu cung cấp thông tin</h2>
        {hasOfficer ? (
          <dl class="contact-list">
            {v('officer') && (<><dt>Người làm đầu mối</dt><dd>{v('officer')}{v('post') && `, ${v('post')}`}</dd></>)}
            {v('unit') && (<><dt>Bộ phận tiếp nhận</dt><dd>{v('unit')}</dd></>)}
            {v('address') && (<><dt>Địa chỉ</dt><dd>{v('address')}</dd></>)}
            {v('phone') && (<><dt>Điện thoại</dt><dd><a href={telHref(v('phone'))}>{v('phone')}</a></dd></>)}
            {v('email') && (<><dt>Thư điện tử</dt><dd><a href={`mailto:${v('email')}`}>{v('email')}</a></dd></>)}
            {v('hours') && (<><dt>Thời gian tiếp nhận</dt><dd><Paragraphs text={v('hours')} /></dd></>)}
          </dl>
        ) : (
          <p class="empty">Đang cập nhật thông tin người làm đầu mối.</p>
        )}
        <p>Yêu cầu cung cấp thông tin gửi bằng phiếu yêu cầu (trực tiếp, qua bưu điện, fax hoặc thư điện tử) theo mẫu ban hành kèm theo Nghị định 13/2018/NĐ-CP.</p>
      </section>
    </SectionPage>
  );
}

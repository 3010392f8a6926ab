import { formatNumber } from '../../../kernel/lib/format.js';
import type { CounterSettings } from '../settings.js';
import { Csrf, ErrorSummary, type FieldErrors } from '../../../kernel/views/admin/forms.js';
import type { AdminFrame } from '../../../kernel/views/admin/layout.js';
import { csvHref, STATS, type StatsPageData } from './views.js';

export const DEVICE_NAMES = { mobile: 'Điện thoại', tablet: 'Máy tính bảng', desktop: 'Máy tính' } as const;
const SITE_SETTINGS = '/quan-tri/trang-web/cai-dat';

function Empty() {
  return <p class="muted">Chưa có số liệu trong khoảng thời gian này.</p>;
}

export function ArticlesTable({ d }: { d: StatsPageData }) {
  return (
    <section aria-labelledby="tk-bai-viet">
      <h2 id="tk-bai-viet">Bài viết được xem nhiều nhất</h2>
      {d.articles.length ? (
        <table class="data-table">
          <thead><tr><th scope="col">Bài viết</th><th scope="col">Lượt xem</th></tr></thead>
          <tbody>
            {d.articles.map((a) => (
              <tr><td><a href={`/bai-viet/${a.slug}-${a.id}`}>{a.title}</a></td><td>{formatNumber(a.views)}</td></tr>
            ))}
          </tbody>
        </table>
      ) : <Empty />}
      <p><a href={csvHref('bai-viet', d.period)} download>Tải bảng bài viết (CSV)</a></p>
    </section>
  );
}

export function ReferrersTable({ d }: { d: StatsPageData }) {
  return (
    <section aria-labelledby="tk-nguon">
      <h2 id="tk-nguon">Trang web dẫn đến</h2>
      {d.referrers.length ? (
        <table class="data-table">
          <thead><tr><th scope="col">Tên miền</th><th scope="col">Lượt dẫn đến</th></tr></thead>
          <tbody>{d.referrers.map((r) => <tr><td>{r.domain}</td><td>{formatNumber(r.hits)}</td></tr>)}</tbody>
        </table>
      ) : <Empty />}
      <p><a href={csvHref('nguon', d.period)} download>Tải bảng trang dẫn đến (CSV)</a></p>
    </section>
  );
}

export function DevicesTable({ d }: { d: StatsPageData }) {
  const total = d.devices.mobile + d.devices.tablet + d.devices.desktop;
  const pct = (n: number) => (total ? `${new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1 }).format((n * 100) / total)}%` : '—');
  return (
    <section aria-labelledby="tk-thiet-bi">
      <h2 id="tk-thiet-bi">Thiết bị</h2>
      <table class="data-table">
        <thead><tr><th scope="col">Loại thiết bị</th><th scope="col">Lượt xem trang</th><th scope="col">Tỉ lệ</th></tr></thead>
        <tbody>
          {(Object.keys(DEVICE_NAMES) as (keyof typeof DEVICE_NAMES)[]).map((k) => (
            <tr><th scope="row">{DEVICE_NAMES[k]}</th><td>{formatNumber(d.devices[k])}</td><td>{pct(d.devices[k])}</td></tr>
          ))}
        </tbody>
      </table>
      <p><a href={csvHref('thiet-bi', d.period)} download>Tải bảng thiết bị (CSV)</a></p>
    </section>
  );
}

export const monthLabel = (m: string) => `${m.slice(5, 7)}/${m.slice(0, 4)}`;

export function EditorsTable({ d }: { d: StatsPageData }) {
  return (
    <section aria-labelledby="tk-nhuan-but">
      <h2 id="tk-nhuan-but">Bài viết đã xuất bản theo người viết (tính nhuận bút)</h2>
      <p class="muted">Đếm các bài đang xuất bản, theo người tạo bài và tháng xuất bản, trong 12 tháng gần nhất.</p>
      {d.editors.length ? (
        <div class="table-scroll" role="region" aria-labelledby="tk-nhuan-but" tabIndex={0}>
          <table class="data-table">
            <thead>
              <tr><th scope="col">Người viết</th>{d.months.map((m) => <th scope="col">{monthLabel(m)}</th>)}<th scope="col">Tổng</th></tr>
            </thead>
            <tbody>
              {d.editors.map((e) => (
                <tr><th scope="row">{e.name}</th>{e.counts.map((c) => <td>{formatNumber(c)}</td>)}<td><strong>{formatNumber(e.total)}</strong></td></tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : <Empty />}
      <p><a href={csvHref('nhuan-but', d.period)} download>Tải bảng nhuận bút (CSV)</a></p>
    </section>
  );
}

export function SettingsForm({ frame, settings, errors }: { frame: AdminFrame; settings: CounterSettings; errors: FieldErrors }) {
  const radio = (name: string, value: string, label: string, checked: boolean) => (
    <label class="choice"><input type="radio" name={name} value={value} checked={checked} /> {label}</label>
  );
  return (
    <section aria-labelledby="tk-cai-dat">
      <h2 id="tk-cai-dat">Cài đặt bộ đếm trên trang công khai</h2>
      <ErrorSummary errors={errors} />
      <p>
        Số lượt truy cập ban đầu (chuyển từ hệ thống cũ): <strong>{formatNumber(settings.counterBase)}</strong>.{' '}
        <a href={`${SITE_SETTINGS}#f-counter_base`}>Sửa số này trong Cài đặt trang</a> (mọi thay đổi được ghi vào nhật ký thao tác).
      </p>
      <form method="post" action={`${STATS}/cai-dat`}>
        <Csrf token={frame.csrf} />
        <fieldset class="field" id="f-count_mode">
          <legend>Bộ đếm "Thống kê" cộng thêm</legend>
          {errors.count_mode && <p class="field-error">{errors.count_mode}</p>}
          {radio('count_mode', 'page_views', 'Lượt xem trang (mỗi lần mở một trang)', settings.countMode === 'page_views')}
          {radio('count_mode', 'visits', 'Lượt truy cập (một người xem liên tục, cách nhau dưới 30 phút, tính một lượt)', settings.countMode === 'visits')}
        </fieldset>
        <fieldset class="field" id="f-widget">
          <legend>Ô thống kê hiển thị</legend>
          {errors.widget && <p class="field-error">{errors.widget}</p>}
          {radio('widget', 'simple', 'Thống kê và Online', settings.widget === 'simple')}
          {radio('widget', 'detailed', 'Hôm nay, Hôm qua, Tháng này, Tổng và Online', settings.widget === 'detailed')}
        </fieldset>
        <div class="field">
          <label class="choice"><input type="checkbox" name="show_article_views" value="1" checked={settings.showArticleViews} /> Hiện "Lượt xem" dưới tiêu đề bài viết</label>
        </div>
        <button type="submit" class="primary">Lưu cài đặt bộ đếm</button>
      </form>
    </section>
  );
}

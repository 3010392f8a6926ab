import { formatNumber } from '../../../kernel/lib/format.js';
import type { Counts, DayPoint, EditorMonths, Summary, TopArticle } from '../dashboard-repo.js';
import type { DeviceClass } from '../../../kernel/db/tables/stats.js';
import type { CounterSettings, PublicCounters } from '../settings.js';
import { AdminLayout, type AdminFrame } from '../../../kernel/views/admin/layout.js';
import { Notice } from '../../../kernel/views/admin/forms.js';
import { ArticlesTable, DevicesTable, EditorsTable, ReferrersTable, SettingsForm } from './tables.js';

export const STATS = '/quan-tri/thong-ke';
export const PERIODS = [30, 90, 365] as const;
export type Period = (typeof PERIODS)[number];

export interface StatsPageData {
  period: Period;
  from: string;
  to: string;
  live: PublicCounters;
  summary: Summary;
  series: DayPoint[];
  articles: TopArticle[];
  referrers: { domain: string; hits: number }[];
  devices: Record<DeviceClass, number>;
  months: string[];
  editors: EditorMonths[];
  /** Present for site admins, who may change the counter. */
  settings: CounterSettings | null;
  notice?: string;
  errors?: Record<string, string>;
}

export const csvHref = (table: string, period: Period) => `${STATS}/tai-ve.csv?bang=${table}&ky=${period}`;
export const vnDay = (day: string) => `${day.slice(8, 10)}/${day.slice(5, 7)}/${day.slice(0, 4)}`;

export function StatsPage({ frame, d }: { frame: AdminFrame; d: StatsPageData }) {
  return (
    <AdminLayout frame={frame} title="Thống kê truy cập" scripts={['stats-chart.js']}>
      <link rel="stylesheet" href={frame.assets.url('stats-chart.css')} />
      <h1>Thống kê truy cập</h1>
      {d.notice && <Notice kind="ok">{d.notice}</Notice>}
      <SummaryCards d={d} />
      <nav class="stats-periods" aria-label="Khoảng thời gian">
        <ul>
          {PERIODS.map((p) => (
            <li><a href={`${STATS}?ky=${p}`} aria-current={p === d.period ? 'page' : undefined}>{p} ngày qua</a></li>
          ))}
        </ul>
      </nav>
      <DailySection d={d} />
      <ArticlesTable d={d} />
      <ReferrersTable d={d} />
      <DevicesTable d={d} />
      <EditorsTable d={d} />
      {d.settings && <SettingsForm frame={frame} settings={d.settings} errors={d.errors ?? {}} />}
    </AdminLayout>
  );
}

function SummaryCards({ d }: { d: StatsPageData }) {
  const card = (label: string, c: Counts) => (
    <div class="card">
      <h3 class="stats-card-title">{label}</h3>
      <span class="n">{formatNumber(c.pageViews)}</span> lượt xem trang
      <br />
      {formatNumber(c.visits)} lượt truy cập · {formatNumber(c.visitors)} khách
    </div>
  );
  return (
    <section aria-labelledby="tk-tong-quan">
      <h2 id="tk-tong-quan">Tổng quan</h2>
      <div class="cards">
        <div class="card">
          <h3 class="stats-card-title">Đang trực tuyến</h3>
          <span class="n">{formatNumber(d.live.online)}</span> khách trong 5 phút qua
        </div>
        {card('Hôm nay', d.summary.today)}
        {card('Tuần này', d.summary.week)}
        {card('Tháng này', d.summary.month)}
        {card('Từ khi bắt đầu đếm', d.summary.total)}
      </div>
      <p>
        Bộ đếm trên trang công khai đang hiển thị <strong>Thống kê: {formatNumber(d.live.total)}</strong> (gồm số lượt truy cập ban đầu
        chuyển từ hệ thống cũ). Số liệu được ghi vào cơ sở dữ liệu mỗi giây; "khách" là số người khác nhau trong ngày.
      </p>
    </section>
  );
}

function DailySection({ d }: { d: StatsPageData }) {
  const series = { days: d.series.map((p) => p.day), pageViews: d.series.map((p) => p.pageViews), visitors: d.series.map((p) => p.visitors) };
  return (
    <section aria-labelledby="tk-theo-ngay">
      <h2 id="tk-theo-ngay">Lượt xem trang và khách theo ngày ({d.period} ngày qua)</h2>
      {/* The chart repeats the table below for sighted people; assistive technology reads the table. */}
      <div class="stats-chart" data-stats-chart data-series={JSON.stringify(series)} aria-hidden="true"></div>
      <details class="stats-details">
        <summary>Bảng số liệu theo ngày</summary>
        <table class="data-table">
          <caption>Số liệu từ {vnDay(d.from)} đến {vnDay(d.to)}</caption>
          <thead>
            <tr><th scope="col">Ngày</th><th scope="col">Lượt xem trang</th><th scope="col">Lượt truy cập</th><th scope="col">Khách</th></tr>
          </thead>
          <tbody>
            {[...d.series].reverse().map((p) => (
              <tr><th scope="row">{vnDay(p.day)}</th><td>{formatNumber(p.pageViews)}</td><td>{formatNumber(p.visits)}</td><td>{formatNumber(p.visitors)}</td></tr>
            ))}
          </tbody>
        </table>
      </details>
      <p><a href={csvHref('ngay', d.period)} download>Tải bảng theo ngày (CSV)</a></p>
    </section>
  );
}

import type { AssetManifest } from '../../../kernel/http/assets.js';
import type { Frame } from '../../../kernel/views/public/frame.js';
import { Layout } from '../../../kernel/views/public/layout.js';
import { SCHEDULE_FEED_PATH, SCHEDULE_PATH, SCHEDULE_PRINT_PATH } from '../page-keys.js';
import type { ScheduleEntryRow } from '../../../kernel/db/tables/schedule.js';
import { addWeeks, weekTitle, type Week } from '../week.js';
import { WeekList } from './week-list.js';

export interface SchedulePageData {
  week: Week;
  entries: ScheduleEntryRow[];
  /** True on the bare /lich-cong-tac (this week). */
  isCurrent: boolean;
  /** A message when ?tuan= could not be read. */
  badWeek?: string;
}

const weekHref = (w: Week) => `${SCHEDULE_PATH}?tuan=${w.key}`;

export function SchedulePage({ frame, data }: { frame: Frame; data: SchedulePageData }) {
  const { week, entries, isCurrent, badWeek } = data;
  const title = weekTitle(week);
  const canonical = isCurrent || badWeek ? SCHEDULE_PATH : weekHref(week);
  return (
    <Layout
      frame={frame}
      meta={{ title, canonicalPath: canonical, current: 'sec:lich-cong-tac', description: `${title} của lãnh đạo ${frame.site.name}.`, noindex: !!badWeek }}
      crumbs={[{ name: 'Trang chủ', href: '/' }, { name: 'Lịch công tác', href: SCHEDULE_PATH }]}
    >
      <article class="schedule">
        <h1 class="page-title">{title}</h1>
        {badWeek && <p class="schedule-notice" role="status">{badWeek}</p>}
        <nav class="schedule-nav" aria-label="Chọn tuần">
          <ul>
            <li><a href={weekHref(addWeeks(week, -1))} rel="prev"><span aria-hidden="true">« </span>Tuần trước</a></li>
            <li><a href={SCHEDULE_PATH} aria-current={isCurrent ? 'page' : undefined}>Tuần này</a></li>
            <li><a href={weekHref(addWeeks(week, 1))} rel="next">Tuần sau<span aria-hidden="true"> »</span></a></li>
          </ul>
        </nav>
        <form method="get" action={SCHEDULE_PATH} class="schedule-pick">
          <label for="chon-tuan">Xem tuần khác</label>
          <input id="chon-tuan" name="tuan" type="week" value={week.key} aria-describedby="chon-tuan-goi-y" />
          <button type="submit">Xem</button>
          <p id="chon-tuan-goi-y" class="hint">Dạng năm-W số tuần, ví dụ {week.key}.</p>
        </form>
        <WeekList week={week} entries={entries} />
        <p class="schedule-tools">
          <a href={`${SCHEDULE_PRINT_PATH}?tuan=${week.key}`}>Bản in lịch tuần {week.week}</a>
          <a href={SCHEDULE_FEED_PATH} type="text/calendar">Thêm vào lịch của bạn (iCalendar)</a>
        </p>
      </article>
    </Layout>
  );
}

/** The print view: the site's name, the week's title and the entries; no menu, no widgets. */
export function SchedulePrintPage({ siteName, assets, week, entries, origin }: { siteName: string; assets: AssetManifest; week: Week; entries: ScheduleEntryRow[]; origin: string }) {
  const title = weekTitle(week);
  return (
    <html lang="vi">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex" />
        <title>{`${title} - ${siteName}`}</title>
        <link rel="canonical" href={`${origin}${weekHref(week)}`} />
        <link rel="icon" href={assets.url('favicon.svg')} type="image/svg+xml" />
        <link rel="stylesheet" href={assets.url('app.css')} />
      </head>
      <body class="schedule-print">
        <header class="schedule-print-header">
          <p class="schedule-print-site">{siteName}</p>
        </header>
        <main id="noi-dung">
          <h1 class="page-title">{title}</h1>
          <WeekList week={week} entries={entries} />
          <p class="schedule-print-back no-print">
            <a href={weekHref(week)}>Quay lại lịch công tác</a> · In trang này bằng lệnh In của trình duyệt (Ctrl+P).
          </p>
        </main>
      </body>
    </html>
  );
}

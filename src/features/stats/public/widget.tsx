import type { Frame } from '../../../kernel/views/public/frame.js';
import { formatNumber } from '../../../kernel/lib/format.js';

export function StatsWidget({ frame }: { frame: Frame }) {
  const c = frame.counters;
  if (!c) return null;
  // data-stat names what the beacon's answer updates live (src/client/app.ts).
  return (
    <section class="widget widget-stats" aria-labelledby="w-stats">
      <h2 id="w-stats" class="widget-title">Thống kê truy cập</h2>
      <dl class="stats">
        {c.widget === 'detailed' ? (
          <>
            <div><dt>Hôm nay:</dt> <dd data-stat="today">{formatNumber(c.today)}</dd></div>
            <div><dt>Hôm qua:</dt> <dd data-stat="yesterday">{formatNumber(c.yesterday)}</dd></div>
            <div><dt>Tháng này:</dt> <dd data-stat="month">{formatNumber(c.month)}</dd></div>
            <div><dt>Tổng:</dt> <dd data-stat="total">{formatNumber(c.total)}</dd></div>
          </>
        ) : (
          <div><dt>Thống kê:</dt> <dd data-stat="total">{formatNumber(c.total)}</dd></div>
        )}
        <div><dt>Online:</dt> <dd data-stat="online">{formatNumber(c.online)}</dd></div>
      </dl>
      <p class="stats-note"><a href="/thong-ke">Cách đếm lượt truy cập</a></p>
    </section>
  );
}

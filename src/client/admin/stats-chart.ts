/**
 * The daily chart of the statistics screen (uPlot). It only draws what the table under it
 * already says; without JavaScript the table is the whole story. Data comes from the
 * container's data-series attribute: { days: ["YYYY-MM-DD"…], pageViews: […], visitors: […] }.
 */
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import '../styles/stats.css';

interface Series {
  days: string[];
  pageViews: number[];
  visitors: number[];
}

const nf = new Intl.NumberFormat('vi-VN');
// Vietnam is UTC+7 all year: midnight there is 17:00 UTC the day before.
const toTs = (day: string) => Date.parse(`${day}T00:00:00+07:00`) / 1000;
const label = (ts: number) => {
  const d = new Date(ts * 1000 + 7 * 3600_000);
  return `${String(d.getUTCDate()).padStart(2, '0')}/${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
};

function draw(el: HTMLElement): void {
  const s = JSON.parse(el.dataset.series ?? '{}') as Series;
  if (!s.days?.length) return;
  const width = () => Math.max(280, el.clientWidth);
  const plot = new uPlot(
    {
      width: width(),
      height: 280,
      tzDate: (ts) => uPlot.tzDate(new Date(ts * 1000), 'Asia/Ho_Chi_Minh'),
      series: [
        { value: (_u, v) => (v == null ? '—' : label(v)) },
        { label: 'Lượt xem trang', stroke: '#c8102e', width: 2, value: (_u, v) => (v == null ? '—' : nf.format(v)) },
        { label: 'Khách', stroke: '#1f5fa8', width: 2, value: (_u, v) => (v == null ? '—' : nf.format(v)) },
      ],
      axes: [
        { values: (_u, splits) => splits.map(label) },
        { values: (_u, splits) => splits.map((v) => nf.format(v)), size: 60 },
      ],
    },
    [s.days.map(toTs), s.pageViews, s.visitors],
    el,
  );
  let t: ReturnType<typeof setTimeout> | undefined;
  window.addEventListener('resize', () => {
    clearTimeout(t);
    t = setTimeout(() => plot.setSize({ width: width(), height: 280 }), 150);
  });
}

document.querySelectorAll<HTMLElement>('[data-stats-chart]').forEach(draw);

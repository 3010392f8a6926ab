import type { Frame } from './frame.js';
import { formatNumber } from '../../lib/format.js';
import { PollWidget } from '../../../features/polls/public/widget.js';
import { SECTIONS } from '../../../features/sites/sections.js';
import { urls } from '../../http/urls.js';

/** The right-hand column of every page: the widgets the seed page shows, fed from the database. */
export function Sidebar({ frame, current }: { frame: Frame; current?: string }) {
  return (
    <aside class="sidebar" aria-label="Tiện ích">
      <SectionsWidget />
      <LinksWidget frame={frame} />
      <MapWidget frame={frame} />
      <SongsWidget frame={frame} />
      {/* Not beside the polls themselves, where it would repeat a form of the page. */}
      {current !== 'sec:tham-do' && <PollWidget poll={frame.poll ?? null} />}
      <StatsWidget frame={frame} />
    </aside>
  );
}

/** Links to the sections every ward portal publishes (documents, schedule, Q&A, procedures…). */
export function SectionsWidget() {
  return (
    <section class="widget widget-sections" aria-labelledby="w-sections">
      <h2 id="w-sections" class="widget-title">Thông tin chính quyền</h2>
      <ul class="section-links">
        {SECTIONS.map((s) => (
          <li><a href={s.path}>{s.label}</a></li>
        ))}
      </ul>
    </section>
  );
}

export function LinksWidget({ frame }: { frame: Frame }) {
  if (!frame.links.length) return null;
  return (
    <section class="widget widget-links" aria-labelledby="w-links">
      <h2 id="w-links" class="widget-title">{frame.site.settings.linksTitle}</h2>
      <form method="post" action={urls.linkRedirect()} class="links-form" data-links-form>
        <label for="lien-ket-chon" class="visually-hidden">Chọn website</label>
        <select id="lien-ket-chon" name="id" aria-describedby="lien-ket-goi-y" required>
          <option value="">-- Chọn website --</option>
          {frame.links.map((l) => (
            <option value={String(l.id)} data-url={l.url}>{l.title}</option>
          ))}
        </select>
        <button type="submit">Đi</button>
        <p id="lien-ket-goi-y" class="hint">Chọn một website rồi bấm "Đi" để chuyển đến trang đó.</p>
      </form>
    </section>
  );
}

export function MapWidget({ frame }: { frame: Frame }) {
  const title = frame.site.settings.map.title;
  return (
    <section class="widget widget-map" aria-labelledby="w-map">
      <h2 id="w-map" class="widget-title">{title}</h2>
      <a href={urls.map()} class="map-thumb">
        <img src={urls.staticMap()} width={300} height={200} alt={`${title}: xem bản đồ và địa chỉ các cơ quan`} loading="lazy" />
      </a>
    </section>
  );
}

export function SongsWidget({ frame }: { frame: Frame }) {
  const songs = frame.songs;
  if (!songs.length) return null;
  const first = songs[0]!;
  return (
    <section class="widget widget-songs" aria-labelledby="w-songs">
      <h2 id="w-songs" class="widget-title">{frame.site.settings.songsTitle}</h2>
      <div class="playlist" data-playlist>
        <audio controls preload="none" src={urls.song(first.id)} aria-label={`Trình phát nhạc: ${first.title}`}>
          <a href={urls.song(first.id)}>Tải bài hát {first.title}</a>
        </audio>
        <p class="now-playing" aria-live="polite" data-now-playing>Bài đang chọn: {first.title}</p>
        <div class="playlist-controls js-only">
          <button type="button" data-play>Phát</button>
          <button type="button" data-next>Bài tiếp theo</button>
        </div>
        <ol class="playlist-tracks">
          {songs.map((s, i) => (
            <li>
              <a href={urls.song(s.id)} data-track data-title={s.title} aria-current={i === 0 ? 'true' : undefined}>
                <span class="track-title">{s.title}</span>
                <span class="track-artist">{s.artist}</span>
              </a>
            </li>
          ))}
        </ol>
      </div>
    </section>
  );
}

export function StatsWidget({ frame }: { frame: Frame }) {
  const c = frame.counters;
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

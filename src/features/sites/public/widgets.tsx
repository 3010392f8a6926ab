import type { Frame } from '../../../kernel/views/public/frame.js';
import { urls } from '../../../kernel/http/urls.js';

export function LinksWidget({ frame }: { frame: Frame }) {
  const links = frame.links ?? [];
  if (!links.length) return null;
  return (
    <section class="widget widget-links" aria-labelledby="w-links">
      <h2 id="w-links" class="widget-title">{frame.site.settings.linksTitle}</h2>
      <form method="post" action={urls.linkRedirect()} class="links-form" data-links-form>
        <label for="lien-ket-chon" class="visually-hidden">Chọn website</label>
        <select id="lien-ket-chon" name="id" aria-describedby="lien-ket-goi-y" required>
          <option value="">-- Chọn website --</option>
          {links.map((l) => (
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
  const songs = frame.songs ?? [];
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

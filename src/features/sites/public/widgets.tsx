import type { Frame } from '../../../kernel/views/public/frame.js';
import { urls } from '../../../kernel/http/urls.js';

/** Only web addresses become links: the admin form stores nothing else, this holds for imported rows too. */
const isWebUrl = (url: string) => /^https?:\/\//i.test(url);

/**
 * "Liên kết website": plain links in a disclosure, so the drop-down opens and every link works
 * with or without JS, and no form leaves the site (the CSP has `form-action 'self'`, which also
 * stops a form post that the server redirects elsewhere).
 */
export function LinksWidget({ frame }: { frame: Frame }) {
  const links = (frame.links ?? []).filter((l) => isWebUrl(l.url));
  if (!links.length) return null;
  return (
    <section class="widget widget-links" aria-labelledby="w-links">
      <h2 id="w-links" class="widget-title">{frame.site.settings.linksTitle}</h2>
      <details class="links-menu">
        <summary>Chọn website</summary>
        <ul>
          {links.map((l) => (
            <li><a href={l.url} rel="noopener">{l.title}</a></li>
          ))}
        </ul>
      </details>
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

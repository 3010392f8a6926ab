import type { ClipKind } from '../../../kernel/db/tables/gallery.js';
import type { Frame } from '../../../kernel/views/public/frame.js';
import { Layout } from '../../../kernel/views/public/layout.js';
import { mediaUrl, srcsetFor } from '../../media/present.js';
import { Picture } from '../../media/public/picture.js';
import { dayText } from '../../albums/public/views.js';
import { clipUrl, SECTION_NAME, SECTION_PATH, youtubeEmbedUrl, youtubeWatchUrl } from '../paths.js';
import type { Clip } from '../repo.js';

const CARD_SIZES = '(max-width: 600px) 50vw, 15rem';
const PLAYER_SIZES = '(max-width: 900px) 100vw, 48rem';
const OTHER: Record<ClipKind, ClipKind> = { video: 'audio', audio: 'video' };
const dateLabel: Record<ClipKind, string> = { video: 'Ngày ghi hình', audio: 'Ngày phát' };

export function ClipListPage({ frame, kind, clips }: { frame: Frame; kind: ClipKind; clips: Clip[] }) {
  const name = SECTION_NAME[kind];
  return (
    <Layout
      frame={frame}
      meta={{ title: name, canonicalPath: SECTION_PATH[kind], current: 'sec:video', description: `${name} của ${frame.site.name}.` }}
      crumbs={[{ name: 'Trang chủ', href: '/' }, { name, href: SECTION_PATH[kind] }]}
    >
      <h1 class="page-title">{name}</h1>
      <p><a href={SECTION_PATH[OTHER[kind]]}>{SECTION_NAME[OTHER[kind]]}</a></p>
      {clips.length === 0 ? (
        <p class="empty">{kind === 'video' ? 'Chưa có video nào.' : 'Chưa có bản tin phát thanh nào.'}</p>
      ) : kind === 'video' ? (
        <ul class="album-grid">
          {clips.map((c) => (
            <li>
              <a href={clipUrl(c)} class="album-card">
                {c.poster ? <Picture image={srcsetFor(c.poster, CARD_SIZES)} alt="" class="album-cover" /> : <span class="video-placeholder" aria-hidden="true">▶</span>}
                <span class="album-title">{c.title}</span>
              </a>
              <span class="muted"><time dateTime={c.recorded_on}>{dayText(c.recorded_on)}</time>{c.youtube_id ? ' · YouTube' : ''}</span>
            </li>
          ))}
        </ul>
      ) : (
        <div class="list">
          {clips.map((c) => (
            <article class="item">
              <h2 class="item-title"><a href={clipUrl(c)}>{c.title}</a></h2>
              <p class="item-date">Phát ngày <time dateTime={c.recorded_on}>{dayText(c.recorded_on)}</time></p>
              {c.file && <audio controls preload="none" src={mediaUrl(c.file.disk_path)} aria-label={`Nghe: ${c.title}`}><a href={mediaUrl(c.file.disk_path)}>Tải bản tin về</a></audio>}
            </article>
          ))}
        </div>
      )}
    </Layout>
  );
}

export function ClipPage({ frame, clip }: { frame: Frame; clip: Clip }) {
  const name = SECTION_NAME[clip.kind];
  const poster = clip.poster ? srcsetFor(clip.poster, PLAYER_SIZES) : undefined;
  return (
    <Layout
      frame={frame}
      meta={{ title: clip.title, canonicalPath: clipUrl(clip), current: 'sec:video', description: clip.summary.slice(0, 200) || `${name}: ${clip.title}` }}
      crumbs={[{ name: 'Trang chủ', href: '/' }, { name, href: SECTION_PATH[clip.kind] }, { name: clip.title, href: clipUrl(clip) }]}
    >
      <h1 class="page-title">{clip.title}</h1>
      <p class="muted">{dateLabel[clip.kind]}: <time dateTime={clip.recorded_on}>{dayText(clip.recorded_on)}</time></p>
      {clip.youtube_id ? (
        <YoutubeClickToLoad id={clip.youtube_id} title={clip.title} poster={poster} />
      ) : clip.file && clip.kind === 'video' ? (
        <video class="video-player" controls preload="none" src={mediaUrl(clip.file.disk_path)} poster={poster?.src} width={clip.file.width ?? undefined} height={clip.file.height ?? undefined} aria-label={`Video: ${clip.title}`}>
          <a href={mediaUrl(clip.file.disk_path)}>Tải video về</a>
        </video>
      ) : clip.file ? (
        <audio class="bulletin-player" controls preload="metadata" src={mediaUrl(clip.file.disk_path)} aria-label={`Nghe bản tin: ${clip.title}`}>
          <a href={mediaUrl(clip.file.disk_path)}>Tải bản tin về</a>
        </audio>
      ) : null}
      {clip.file && <p><a href={mediaUrl(clip.file.disk_path)} download>{clip.kind === 'video' ? 'Tải video về máy' : 'Tải bản tin về máy'}</a></p>}
      {clip.summary && (
        <section aria-labelledby="noi-dung-ban-tin" class="clip-summary">
          <h2 id="noi-dung-ban-tin" class="section-title">{clip.kind === 'audio' ? 'Nội dung bản tin' : 'Nội dung'}</h2>
          {clip.summary.split('\n').filter(Boolean).map((p) => <p>{p}</p>)}
        </section>
      )}
    </Layout>
  );
}

/**
 * Nothing is loaded from YouTube until the reader asks: first a link (to YouTube itself, which is
 * what a reader without JavaScript gets); with JavaScript a click puts the youtube-nocookie.com
 * player in its place (src/client/app.ts). The page's CSP frames that origin only.
 */
function YoutubeClickToLoad({ id, title, poster }: { id: string; title: string; poster?: ReturnType<typeof srcsetFor> }) {
  return (
    <div class="youtube-embed">
      <a href={youtubeWatchUrl(id)} class="youtube-link" data-youtube-embed={youtubeEmbedUrl(id)} data-youtube-title={title} rel="noopener">
        {poster ? <Picture image={poster} alt="" lazy={false} /> : <span class="video-placeholder" aria-hidden="true">▶</span>}
        <span class="youtube-label">Xem video trên YouTube<span class="visually-hidden">: {title}</span></span>
      </a>
      <p class="muted small">Video chỉ được tải từ YouTube khi bạn bấm xem.</p>
    </div>
  );
}

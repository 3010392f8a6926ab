import type { Frame } from '../../../kernel/views/public/frame.js';
import { Layout } from '../../../kernel/views/public/layout.js';
import type { AlbumRow } from '../../../kernel/db/tables/gallery.js';
import { Pagination } from '../../articles/public/article-list.js';
import { srcsetFor } from '../../media/present.js';
import { Picture } from '../../media/public/picture.js';
import { ALBUMS_PATH, albumUrl, photoUrl } from '../paths.js';
import type { AlbumCard, AlbumPhoto } from '../repo.js';

const SECTION = 'Thư viện ảnh';
const GRID_SIZES = '(max-width: 600px) 50vw, 15rem';
const PHOTO_SIZES = '(max-width: 900px) 100vw, 48rem';

/** "2026-11-23" → "23/11/2026". */
export const dayText = (ymd: string) => (ymd ? ymd.split('-').reverse().join('/') : '');
const listHref = (n: number) => (n > 1 ? `${ALBUMS_PATH}?trang=${n}` : ALBUMS_PATH);

export function AlbumListPage({ frame, albums, page, pages }: { frame: Frame; albums: AlbumCard[]; page: number; pages: number }) {
  const title = page > 1 ? `${SECTION} - Trang ${page}` : SECTION;
  return (
    <Layout
      frame={frame}
      meta={{ title, canonicalPath: listHref(page), current: 'sec:thu-vien-anh', description: `Album ảnh hoạt động của ${frame.site.name}.` }}
      crumbs={[{ name: 'Trang chủ', href: '/' }, { name: SECTION, href: ALBUMS_PATH }]}
    >
      <h1 class="page-title">{SECTION}</h1>
      {albums.length === 0 ? (
        <p class="empty">Chưa có album ảnh nào.</p>
      ) : (
        <ul class="album-grid">
          {albums.map((a) => (
            <li>
              <a href={albumUrl(a)} class="album-card">
                {a.cover && <Picture image={srcsetFor(a.cover, GRID_SIZES)} alt="" class="album-cover" />}
                <span class="album-title">{a.title}</span>
              </a>
              <span class="muted">
                {a.photos} ảnh{a.taken_on && <>{' · '}<time dateTime={a.taken_on}>{dayText(a.taken_on)}</time></>}
              </span>
            </li>
          ))}
        </ul>
      )}
      <Pagination page={page} pages={pages} href={listHref} />
    </Layout>
  );
}

export function AlbumPage({ frame, album, photos }: { frame: Frame; album: AlbumRow; photos: AlbumPhoto[] }) {
  return (
    <Layout
      frame={frame}
      meta={{ title: album.title, canonicalPath: albumUrl(album), current: 'sec:thu-vien-anh', description: album.description || `Album ảnh: ${album.title}` }}
      crumbs={[{ name: 'Trang chủ', href: '/' }, { name: SECTION, href: ALBUMS_PATH }, { name: album.title, href: albumUrl(album) }]}
    >
      <h1 class="page-title">{album.title}</h1>
      <p class="muted">
        {photos.length} ảnh{album.taken_on && <>{' · Ngày chụp: '}<time dateTime={album.taken_on}>{dayText(album.taken_on)}</time></>}
      </p>
      {album.description && album.description.split('\n').map((p) => <p>{p}</p>)}
      {photos.length === 0 ? (
        <p class="empty">Album chưa có ảnh.</p>
      ) : (
        <ul class="album-grid photos">
          {photos.map((p) => (
            <li>
              <a href={photoUrl(album, p.position)} class="album-card">
                <Picture image={srcsetFor(p.image, GRID_SIZES)} alt={p.alt} class="album-cover" />
                <span class="visually-hidden">Xem ảnh {p.position}</span>
              </a>
              {p.caption && <span class="photo-caption">{p.caption}</span>}
            </li>
          ))}
        </ul>
      )}
    </Layout>
  );
}

/**
 * One photo on its own page: the viewer works with links alone (keyboard and no JavaScript);
 * rel="prev"/"next" name the neighbours.
 */
export function PhotoPage({ frame, album, photos, photo }: { frame: Frame; album: AlbumRow; photos: AlbumPhoto[]; photo: AlbumPhoto }) {
  const n = photos.length;
  const prev = photo.position > 1 ? photo.position - 1 : null;
  const next = photo.position < n ? photo.position + 1 : null;
  const title = `${album.title} - Ảnh ${photo.position}/${n}`;
  return (
    <Layout
      frame={frame}
      meta={{ title, canonicalPath: photoUrl(album, photo.position), current: 'sec:thu-vien-anh', description: photo.caption || photo.alt }}
      crumbs={[{ name: 'Trang chủ', href: '/' }, { name: SECTION, href: ALBUMS_PATH }, { name: album.title, href: albumUrl(album) }]}
    >
      <h1 class="page-title">{album.title}</h1>
      <figure class="photo-view">
        <Picture image={srcsetFor(photo.image, PHOTO_SIZES)} alt={photo.alt} lazy={false} />
        <figcaption>
          <span class="muted">Ảnh {photo.position}/{n}</span>
          {photo.caption && <>{' · '}{photo.caption}</>}
        </figcaption>
      </figure>
      <nav class="photo-nav" aria-label="Chuyển ảnh">
        <ul>
          <li>{prev ? <a href={photoUrl(album, prev)} rel="prev" data-photo-nav="prev"><span aria-hidden="true">« </span>Ảnh trước</a> : <span class="muted">Ảnh đầu tiên</span>}</li>
          <li><a href={albumUrl(album)}>Tất cả ảnh của album</a></li>
          <li>{next ? <a href={photoUrl(album, next)} rel="next" data-photo-nav="next">Ảnh sau<span aria-hidden="true"> »</span></a> : <span class="muted">Ảnh cuối cùng</span>}</li>
        </ul>
      </nav>
    </Layout>
  );
}

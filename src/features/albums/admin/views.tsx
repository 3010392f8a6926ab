import type { AlbumRow } from '../../../kernel/db/tables/gallery.js';
import type { MediaRow } from '../../../kernel/db/tables/media.js';
import { AdminLayout, type AdminFrame } from '../../../kernel/views/admin/layout.js';
import { Csrf, ErrorSummary, Field, Notice, type FieldErrors } from '../../../kernel/views/admin/forms.js';
import { thumbnailOf } from '../../media/present.js';
import { ALBUM_LIMITS, type AlbumForm, type PhotoForm } from '../input.js';
import { ALBUMS_ADMIN_PATH as PATH, albumUrl } from '../paths.js';
import type { AlbumCard, AlbumPhoto } from '../repo.js';
import { dayText } from '../public/views.js';

export function AlbumListScreen({ frame, albums, notice }: { frame: AdminFrame; albums: AlbumCard[]; notice?: string }) {
  return (
    <AdminLayout frame={frame} title="Thư viện ảnh">
      <h1>Thư viện ảnh</h1>
      {notice && <Notice kind="ok">{notice}</Notice>}
      <p><a class="button primary" href={`${PATH}/moi`}>Thêm album</a> <a href="/thu-vien-anh">Xem trang công khai</a></p>
      {albums.length ? (
        <table class="data-table">
          <caption class="visually-hidden">Các album ảnh</caption>
          <thead><tr><th scope="col">Album</th><th scope="col">Ngày chụp</th><th scope="col">Số ảnh</th><th scope="col">Trạng thái</th><th scope="col">Thao tác</th></tr></thead>
          <tbody>
            {albums.map((a) => (
              <tr>
                <th scope="row">{a.title}</th>
                <td>{dayText(a.taken_on)}</td>
                <td>{a.photos}</td>
                <td>{a.published ? 'Đã đăng' : 'Nháp'}</td>
                <td class="workflow"><a class="button" href={`${PATH}/${a.id}`} aria-label={`Sửa: ${a.title}`}>Sửa</a></td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p class="empty">Chưa có album nào.</p>
      )}
    </AdminLayout>
  );
}

export interface AlbumScreenProps {
  frame: AdminFrame;
  heading: string;
  action: string;
  form: AlbumForm;
  errors: FieldErrors;
  /** The album being edited, with its photos; absent for a new one. */
  album?: AlbumRow;
  photos?: AlbumPhoto[];
  photoForm?: PhotoForm;
  photoErrors?: FieldErrors;
  /** Recent images of the library, to pick one by its number without JavaScript. */
  recent?: MediaRow[];
  notice?: string;
}

export function AlbumScreen(p: AlbumScreenProps) {
  const { frame, album } = p;
  return (
    <AdminLayout frame={frame} title={p.heading}>
      <nav class="breadcrumb" aria-label="Đường dẫn"><a href={PATH}>Thư viện ảnh</a> › <span aria-current="page">{p.heading}</span></nav>
      <h1>{p.heading}</h1>
      {p.notice && <Notice kind="ok">{p.notice}</Notice>}
      <ErrorSummary errors={{ ...p.errors, ...p.photoErrors }} />
      <form method="post" action={p.action} novalidate>
        <Csrf token={frame.csrf} />
        <Field name="title" label="Tên album" value={p.form.title} errors={p.errors} required maxLength={ALBUM_LIMITS.title} />
        <Field name="taken_on" label="Ngày chụp" value={p.form.taken_on} errors={p.errors} hint="Ví dụ 23/11/2026. Không bắt buộc." />
        <Field name="description" label="Mô tả" value={p.form.description} errors={p.errors} multiline={4} maxLength={ALBUM_LIMITS.description} />
        <div class="field">
          <input type="checkbox" id="f-published" name="published" value="1" checked={p.form.published === '1'} />
          <label for="f-published">Đăng lên trang (bỏ chọn để lưu nháp)</label>
        </div>
        <div class="form-actions"><button type="submit" class="primary">Lưu album</button> <a href={PATH}>Quay lại</a></div>
      </form>
      {album && <Photos {...p} album={album} />}
    </AdminLayout>
  );
}

function Photos({ frame, album, photos = [], photoForm, photoErrors, recent = [] }: AlbumScreenProps & { album: AlbumRow }) {
  const f = photoForm ?? { media_id: '', caption: '', alt: '' };
  return (
    <>
      <h2>Ảnh trong album ({photos.length})</h2>
      {album.published ? <p><a href={albumUrl(album)}>Xem album trên trang</a></p> : null}
      {photos.length ? (
        <ol class="album-admin-photos">
          {photos.map((ph) => (
            <li>
              <img src={thumbnailOf(ph.image)} alt="" width={120} />
              <span>{ph.caption || <em>(không có chú thích)</em>}<br /><small>Mô tả: {ph.alt}</small></span>
              <form method="post" action={`${PATH}/anh/${ph.id}/xoa`}>
                <Csrf token={frame.csrf} />
                <button type="submit" class="danger" aria-label={`Bỏ ảnh ${ph.position} khỏi album`}>Bỏ khỏi album</button>
              </form>
            </li>
          ))}
        </ol>
      ) : (
        <p class="empty">Album chưa có ảnh.</p>
      )}
      <h2 id="them-anh">Thêm ảnh</h2>
      <p>Tải ảnh lên <a href="/quan-tri/thu-vien">Thư viện tệp</a> trước, rồi nhập mã ảnh ở đây.</p>
      <form method="post" action={`${PATH}/${album.id}/anh`} novalidate>
        <Csrf token={frame.csrf} />
        <Field name="media_id" label="Mã ảnh trong thư viện" value={f.media_id} errors={photoErrors} required inputMode="numeric" />
        <Field name="alt" label="Mô tả ảnh (cho người khiếm thị)" value={f.alt} errors={photoErrors} required maxLength={ALBUM_LIMITS.alt} hint="Ảnh cho thấy gì, ví dụ: Lãnh đạo phường trao quà cho hộ nghèo." />
        <Field name="caption" label="Chú thích" value={f.caption} errors={photoErrors} multiline={2} maxLength={ALBUM_LIMITS.caption} />
        <div class="form-actions"><button type="submit" class="primary">Thêm ảnh</button></div>
      </form>
      {recent.length > 0 && (
        <>
          <h3>Ảnh mới tải lên</h3>
          <ul class="album-admin-recent">
            {recent.map((m) => (
              <li><img src={thumbnailOf(m)} alt="" width={96} /> Mã <strong>{m.id}</strong>: {m.title}</li>
            ))}
          </ul>
        </>
      )}
      <h2>Xóa album</h2>
      <form method="post" action={`${PATH}/${album.id}/xoa`}>
        <Csrf token={frame.csrf} />
        <p>Ảnh vẫn còn trong Thư viện tệp.</p>
        <button type="submit" class="danger">Xóa album “{album.title}”</button>
      </form>
    </>
  );
}

import type { SongRow } from '../../../kernel/db/schema.js';
import { urls } from '../../../kernel/http/urls.js';
import type { SongForm } from '../commands/add-song.js';
import type { AdminFrame } from '../../../kernel/views/admin/layout.js';
import { Csrf, Field, type FieldErrors } from '../../../kernel/views/admin/forms.js';
import { BASE, RowActions, SitePage } from './shared.js';

export const SONGS_PATH = `${BASE}/bai-hat`;

export function SongsPage({ frame, songs, form, errors, notice }: { frame: AdminFrame; songs: SongRow[]; form: SongForm; errors: FieldErrors; notice?: string }) {
  return (
    <SitePage frame={frame} title="Bài hát" notice={notice} errors={errors}>
      <p class="muted">Tiêu đề ô bài hát đổi ở <a href={`${BASE}/cai-dat`}>Cài đặt trang</a>.</p>
      {songs.length ? (
        <table class="data-table">
          <caption class="visually-hidden">Các bài hát của ô nghe nhạc, theo thứ tự phát</caption>
          <thead><tr><th scope="col">Tên bài hát</th><th scope="col">Thể hiện</th><th scope="col">Nghe</th><th scope="col">Thao tác</th></tr></thead>
          <tbody>
            {songs.map((s, i) => (
              <tr>
                <th scope="row">{s.title}</th>
                <td>{s.artist}</td>
                <td><a href={urls.song(s.id)}>Nghe thử</a></td>
                <RowActions path={SONGS_PATH} id={s.id} name={s.title} csrf={frame.csrf} first={i === 0} last={i === songs.length - 1} />
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p class="empty">Chưa có bài hát nào; ô nghe nhạc không hiện trên trang.</p>
      )}
      <section class="status-panel" aria-labelledby="tai-bai-hat">
        <h2 id="tai-bai-hat">Tải lên bài hát mới</h2>
        {/* The CSRF token comes first: the file is only read once the token before it is valid. */}
        <form method="post" action={`${SONGS_PATH}/tai-len`} enctype="multipart/form-data" novalidate>
          <Csrf token={frame.csrf} />
          <SongFields form={form} errors={errors} />
          <Field name="file" label="Tệp bài hát" errors={errors} hint="MP3 hoặc OGG, tối đa 30 MB. Tệp cũng được lưu vào thư viện tệp.">
            <input id="f-file" type="file" name="file" accept="audio/mpeg,audio/ogg,.mp3,.ogg" aria-invalid={errors.file ? 'true' : undefined} aria-describedby={errors.file ? 'f-file-hint f-file-error' : 'f-file-hint'} />
          </Field>
          <button type="submit" class="primary">Tải lên</button>
        </form>
      </section>
    </SitePage>
  );
}

export function SongFields({ form, errors }: { form: SongForm; errors: FieldErrors }) {
  return (
    <>
      <Field name="title" label="Tên bài hát" value={form.title} errors={errors} required maxLength={200} />
      <Field name="artist" label="Thể hiện (ca sĩ, nhạc sĩ)" value={form.artist} errors={errors} maxLength={200} />
    </>
  );
}

export function SongEditPage({ frame, id, form, errors }: { frame: AdminFrame; id: number; form: SongForm; errors: FieldErrors }) {
  return (
    <SitePage frame={frame} title="Sửa bài hát" errors={errors}>
      <form method="post" action={`${SONGS_PATH}/${id}`} novalidate>
        <Csrf token={frame.csrf} />
        <SongFields form={form} errors={errors} />
        <div class="form-actions">
          <button type="submit" class="primary">Lưu bài hát</button>
          <a href={SONGS_PATH}>Quay lại danh sách</a>
        </div>
      </form>
    </SitePage>
  );
}

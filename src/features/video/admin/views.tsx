import type { ClipKind } from '../../../kernel/db/tables/gallery.js';
import type { MediaRow } from '../../../kernel/db/tables/media.js';
import { AdminLayout, type AdminFrame } from '../../../kernel/views/admin/layout.js';
import { Csrf, ErrorSummary, Field, Notice, type FieldErrors } from '../../../kernel/views/admin/forms.js';
import { dayText } from '../../albums/public/views.js';
import { CLIP_LIMITS, type ClipForm } from '../input.js';
import { ADMIN_PATH, clipUrl, SECTION_NAME, SECTION_PATH } from '../paths.js';
import type { Clip } from '../repo.js';

export function ClipListScreen({ frame, kind, clips, notice }: { frame: AdminFrame; kind: ClipKind; clips: Clip[]; notice?: string }) {
  const name = SECTION_NAME[kind];
  return (
    <AdminLayout frame={frame} title={name}>
      <h1>{name}</h1>
      {notice && <Notice kind="ok">{notice}</Notice>}
      <p><a class="button primary" href={`${ADMIN_PATH[kind]}/moi`}>{kind === 'video' ? 'Thêm video' : 'Thêm bản tin'}</a> <a href={SECTION_PATH[kind]}>Xem trang công khai</a></p>
      {clips.length ? (
        <table class="data-table">
          <caption class="visually-hidden">{name}</caption>
          <thead><tr><th scope="col">Tiêu đề</th><th scope="col">Ngày</th><th scope="col">Nguồn</th><th scope="col">Trạng thái</th><th scope="col">Thao tác</th></tr></thead>
          <tbody>
            {clips.map((c) => (
              <tr>
                <th scope="row">{c.title}</th>
                <td>{dayText(c.recorded_on)}</td>
                <td>{c.youtube_id ? 'YouTube' : 'Tệp tải lên'}</td>
                <td>{c.published ? 'Đã đăng' : 'Nháp'}</td>
                <td class="workflow">
                  <a class="button" href={`${ADMIN_PATH[kind]}/${c.id}`} aria-label={`Sửa: ${c.title}`}>Sửa</a>
                  <form method="post" action={`${ADMIN_PATH[kind]}/${c.id}/xoa`}>
                    <Csrf token={frame.csrf} />
                    <button type="submit" class="danger" aria-label={`Xóa: ${c.title}`}>Xóa</button>
                  </form>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p class="empty">Chưa có mục nào.</p>
      )}
    </AdminLayout>
  );
}

export function ClipScreen({ frame, kind, heading, action, form, errors, clip, recent }: {
  frame: AdminFrame; kind: ClipKind; heading: string; action: string; form: ClipForm; errors: FieldErrors; clip?: Clip; recent: MediaRow[];
}) {
  return (
    <AdminLayout frame={frame} title={heading}>
      <nav class="breadcrumb" aria-label="Đường dẫn"><a href={ADMIN_PATH[kind]}>{SECTION_NAME[kind]}</a> › <span aria-current="page">{heading}</span></nav>
      <h1>{heading}</h1>
      <ErrorSummary errors={errors} />
      <form method="post" action={action} novalidate>
        <Csrf token={frame.csrf} />
        <Field name="title" label="Tiêu đề" value={form.title} errors={errors} required maxLength={CLIP_LIMITS.title} />
        <Field name="recorded_on" label={kind === 'audio' ? 'Ngày phát' : 'Ngày ghi hình'} value={form.recorded_on} errors={errors} required hint="Ví dụ 23/11/2026." />
        {kind === 'video' && (
          <Field name="youtube" label="Địa chỉ video YouTube" value={form.youtube} errors={errors} hint="Dán địa chỉ video trên YouTube, hoặc để trống nếu dùng tệp đã tải lên. Người xem chỉ tải video từ YouTube khi bấm xem." />
        )}
        <Field name="media_id" label={kind === 'video' ? 'Mã tệp video (MP4, WebM) trong thư viện' : 'Mã tệp âm thanh (MP3, OGG) trong thư viện'} value={form.media_id} errors={errors} required={kind === 'audio'} inputMode="numeric" hint="Tải tệp lên Thư viện tệp trước, rồi nhập mã tệp." />
        <Field name="poster_media_id" label="Mã ảnh đại diện trong thư viện" value={form.poster_media_id} errors={errors} inputMode="numeric" hint="Ảnh hiện trước khi phát. Không bắt buộc." />
        <Field name="summary" label={kind === 'audio' ? 'Nội dung bản tin (tóm tắt hoặc toàn văn)' : 'Mô tả'} value={form.summary} errors={errors} required={kind === 'audio'} multiline={8} maxLength={CLIP_LIMITS.summary} />
        <div class="field">
          <input type="checkbox" id="f-published" name="published" value="1" checked={form.published === '1'} />
          <label for="f-published">Đăng lên trang (bỏ chọn để lưu nháp)</label>
        </div>
        <div class="form-actions"><button type="submit" class="primary">Lưu</button> <a href={ADMIN_PATH[kind]}>Quay lại</a></div>
      </form>
      {clip?.published ? <p><a href={clipUrl(clip)}>Xem trên trang</a></p> : null}
      {recent.length > 0 && (
        <>
          <h2>Tệp mới tải lên</h2>
          <ul>{recent.map((m) => <li>Mã <strong>{m.id}</strong>: {m.title} ({m.kind === 'image' ? 'ảnh' : m.kind === 'video' ? 'video' : 'âm thanh'})</li>)}</ul>
        </>
      )}
    </AdminLayout>
  );
}

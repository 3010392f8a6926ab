import { formatDateTime } from '../../../kernel/lib/format.js';
import { FIELD_LIMITS, UPLOAD_LIMITS } from '../commands/upload-media.js';
import { formatBytes, KIND_NAMES, thumbnailOf } from '../present.js';
import type { MediaRow } from '../../../kernel/db/tables/media.js';
import { AdminLayout, type AdminFrame } from '../../../kernel/views/admin/layout.js';
import { Csrf, ErrorSummary, Field, Notice, type FieldErrors } from '../../../kernel/views/admin/forms.js';

/** URL words of the kind filter ("?loai=anh"). */
export const KIND_PARAMS = { anh: 'image', 'tai-lieu': 'document', 'am-thanh': 'audio' } as const;

export interface MediaListQuery {
  loai?: string;
  q?: string;
  sau?: string;
}

/** Width and height attributes that fit an image in a box without changing its shape. */
export function fitInto(w: number | null, h: number | null, maxW: number, maxH: number) {
  if (!w || !h) return { width: undefined, height: undefined };
  const k = Math.min(1, maxW / w, maxH / h);
  return { width: Math.max(1, Math.round(w * k)), height: Math.max(1, Math.round(h * k)) };
}

function Thumb({ m }: { m: MediaRow }) {
  if (m.kind !== 'image') return <span class="media-type">{m.disk_path.slice(m.disk_path.lastIndexOf('.') + 1).toUpperCase()}</span>;
  return <img src={thumbnailOf(m)} alt={m.alt} loading="lazy" {...fitInto(m.width, m.height, 160, 120)} />;
}

export function MediaListPage({ frame, rows, query, nextHref, firstHref, notice }: {
  frame: AdminFrame;
  rows: MediaRow[];
  query: MediaListQuery;
  nextHref: string | null;
  firstHref: string | null;
  notice?: string;
}) {
  return (
    <AdminLayout frame={frame} title="Thư viện tệp">
      <div class="page-head">
        <h1>Thư viện tệp</h1>
        <a class="button primary" href="/quan-tri/thu-vien/tai-len">Tải tệp lên</a>
      </div>
      {notice && <Notice kind="ok">{notice}</Notice>}
      <form method="get" action="/quan-tri/thu-vien" class="filters" role="search" aria-label="Lọc tệp">
        <div class="field">
          <label for="q">Tên tệp có chứa</label>
          <input id="q" name="q" type="search" value={query.q ?? ''} maxLength={200} />
        </div>
        <div class="field">
          <label for="loai">Loại tệp</label>
          <select id="loai" name="loai">
            <option value="">Tất cả</option>
            {Object.entries(KIND_PARAMS).map(([param, kind]) => <option value={param} selected={query.loai === param}>{KIND_NAMES[kind]}</option>)}
          </select>
        </div>
        <button type="submit">Lọc</button>
      </form>
      {rows.length === 0 ? (
        <p class="empty">Không có tệp nào phù hợp.</p>
      ) : (
        <ul class="cards media-grid" aria-label="Danh sách tệp">
          {rows.map((m) => (
            <li class="card">
              <a href={`/quan-tri/thu-vien/${m.id}`}>
                <Thumb m={m} />
                <br />
                <strong>{m.title}</strong>
              </a>
              <p class="muted">
                {KIND_NAMES[m.kind]} · {formatBytes(m.bytes)}{m.width ? ` · ${m.width}×${m.height}` : ''}
                <br />
                {formatDateTime(m.created_at)}
              </p>
            </li>
          ))}
        </ul>
      )}
      <nav class="pager" aria-label="Phân trang">
        {firstHref && <a href={firstHref}>« Về đầu danh sách</a>}
        {nextHref ? <a href={nextHref} rel="next">Trang sau »</a> : rows.length > 0 && <span class="muted">Đã hết danh sách.</span>}
      </nav>
    </AdminLayout>
  );
}

export interface UploadFormValues {
  title: string;
  alt: string;
}

const limitsHint = `Ảnh JPEG, PNG, WebP, GIF (tối đa ${formatBytes(UPLOAD_LIMITS.image)}); tài liệu PDF, DOC, DOCX, XLS, XLSX (tối đa ${formatBytes(UPLOAD_LIMITS.document)}); âm thanh MP3, OGG (tối đa ${formatBytes(UPLOAD_LIMITS.audio)}); video MP4, WebM (tối đa ${formatBytes(UPLOAD_LIMITS.video)}).`;

export function MediaUploadPage({ frame, form, errors }: { frame: AdminFrame; form: UploadFormValues; errors: FieldErrors }) {
  const fileError = errors.file;
  const hasErrors = Object.keys(errors).length > 0;
  return (
    <AdminLayout frame={frame} title="Tải tệp lên">
      <p><a href="/quan-tri/thu-vien">« Thư viện tệp</a></p>
      <h1>Tải tệp lên</h1>
      <ErrorSummary errors={errors} />
      {/* The token comes first: the server checks it before reading the file. */}
      <form method="post" action="/quan-tri/thu-vien/tai-len" enctype="multipart/form-data" novalidate>
        <Csrf token={frame.csrf} />
        <Field name="file" label="Tệp" errors={errors} required hint={hasErrors ? `${limitsHint} Trình duyệt không giữ tệp đã chọn khi có lỗi: vui lòng chọn lại tệp.` : limitsHint}>
          <input
            id="f-file" type="file" name="file" required
            accept="image/jpeg,image/png,image/webp,image/gif,.pdf,.doc,.docx,.xls,.xlsx,.mp3,.ogg"
            aria-invalid={fileError ? 'true' : undefined}
            aria-describedby={fileError ? 'f-file-hint f-file-error' : 'f-file-hint'}
          />
        </Field>
        <Field name="title" label="Tiêu đề hiển thị" value={form.title} errors={errors} maxLength={FIELD_LIMITS.title} hint="Bỏ trống: dùng tên tệp." />
        <Field name="alt" label="Mô tả ảnh" value={form.alt} errors={errors} maxLength={FIELD_LIMITS.alt} multiline={2} hint="Bắt buộc với ảnh: mô tả nội dung ảnh cho người khiếm thị." />
        <div class="form-actions">
          <button type="submit" class="primary">Tải lên</button>
        </div>
      </form>
    </AdminLayout>
  );
}

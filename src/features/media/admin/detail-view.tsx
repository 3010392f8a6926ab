import { formatDateTime } from '../../../kernel/lib/format.js';
import { formatBytes, KIND_NAMES, mediaUrl, srcsetFor, variantsOf } from '../present.js';
import { isUsed, type MediaUses } from '../repo.js';
import type { MediaRow } from '../../../kernel/db/tables/media.js';
import { AdminLayout, type AdminFrame } from '../../../kernel/views/admin/layout.js';
import { Csrf, Notice } from '../../../kernel/views/admin/forms.js';
import { fitInto } from './views.js';

const FORMAT_NAMES: Record<string, string> = { jpeg: 'JPEG', png: 'PNG', webp: 'WebP', gif: 'GIF' };

function Preview({ m }: { m: MediaRow }) {
  if (m.kind === 'image') {
    const r = srcsetFor(m, '480px');
    return (
      <picture>
        {r.webpSrcset && <source type="image/webp" srcset={r.webpSrcset} sizes={r.sizes} />}
        <img src={r.src} srcset={r.srcset || undefined} sizes={r.sizes} alt={m.alt} {...fitInto(m.width, m.height, 480, 360)} />
      </picture>
    );
  }
  if (m.kind === 'audio') return <audio controls preload="none" src={mediaUrl(m.disk_path)}>Trình duyệt không phát được âm thanh này.</audio>;
  if (m.kind === 'video') return <video controls preload="none" src={mediaUrl(m.disk_path)} width={320}>Trình duyệt không phát được video này.</video>;
  return <p><a href={mediaUrl(m.disk_path)} download>Tải tài liệu về</a></p>;
}

function UsesList({ uses }: { uses: MediaUses }) {
  if (!isUsed(uses)) return <p>Tệp này chưa được dùng ở đâu.</p>;
  return (
    <ul>
      {uses.articles.map((a) => <li>Bài viết: <a href={`/quan-tri/bai-viet/${a.id}`}>{a.title}</a></li>)}
      {uses.pages.map((p) => <li>Trang: {p.title}</li>)}
      {uses.songs.map((s) => <li>Bài hát: {s.title}</li>)}
      {uses.people.map((p) => <li>Ảnh chân dung: <a href={`/quan-tri/gioi-thieu/can-bo/${p.id}`}>{p.title}</a></li>)}
      {uses.appearance.map((a) => <li><a href="/quan-tri/trang-web/giao-dien">{a.title}</a></li>)}
      {uses.albums.map((a) => <li>Album ảnh: <a href={`/quan-tri/thu-vien-anh/${a.id}`}>{a.title}</a></li>)}
      {uses.clips.map((c) => <li>Video, bản tin: {c.title}</li>)}
    </ul>
  );
}

export function MediaDetailPage({ frame, media: m, uses, uploader, canDelete, notice, error }: {
  frame: AdminFrame;
  media: MediaRow;
  uses: MediaUses;
  uploader: string | null;
  canDelete: boolean;
  notice?: string;
  error?: string;
}) {
  const variants = variantsOf(m);
  const url = mediaUrl(m.disk_path);
  return (
    <AdminLayout frame={frame} title={m.title}>
      <p><a href="/quan-tri/thu-vien">« Thư viện tệp</a></p>
      <h1>{m.title}</h1>
      {notice && <Notice kind="ok">{notice}</Notice>}
      {error && <Notice kind="error">{error}</Notice>}
      <Preview m={m} />
      <table class="data-table">
        <caption class="visually-hidden">Thông tin tệp</caption>
        <tbody>
          <tr><th scope="row">Tên tệp gốc</th><td>{m.original_name}</td></tr>
          <tr><th scope="row">Loại</th><td>{KIND_NAMES[m.kind]} ({m.mime})</td></tr>
          {m.kind === 'image' && <tr><th scope="row">Mô tả ảnh</th><td>{m.alt}</td></tr>}
          {m.width && <tr><th scope="row">Kích thước</th><td>{m.width} × {m.height} điểm ảnh</td></tr>}
          <tr><th scope="row">Dung lượng</th><td>{formatBytes(m.bytes)}</td></tr>
          <tr><th scope="row">Tải lên</th><td>{formatDateTime(m.created_at)}{uploader ? `, bởi ${uploader}` : ''}</td></tr>
          <tr>
            <th scope="row"><label for="media-url">Đường dẫn</label></th>
            <td><input id="media-url" type="text" readOnly value={url} size={60} /> <a href={url}>Mở</a></td>
          </tr>
        </tbody>
      </table>
      {m.kind === 'image' && (
        <section aria-labelledby="kich-co">
          <h2 id="kich-co">Các kích cỡ đã tạo</h2>
          {variants.length === 0 ? (
            <p>Không tạo thêm kích cỡ nào (ảnh nhỏ, ảnh động, hoặc bản thu nhỏ không nhẹ hơn ảnh gốc).</p>
          ) : (
            <table class="data-table">
              <thead><tr><th scope="col">Định dạng</th><th scope="col">Kích thước</th><th scope="col">Dung lượng</th><th scope="col">Tệp</th></tr></thead>
              <tbody>
                {variants.map((v) => (
                  <tr>
                    <td>{FORMAT_NAMES[v.format] ?? v.format}</td>
                    <td>{v.width} × {v.height}</td>
                    <td>{formatBytes(v.bytes)}</td>
                    <td><a href={mediaUrl(v.path)}>{v.path.slice(v.path.lastIndexOf('/') + 1)}</a></td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      )}
      <section aria-labelledby="noi-dung-dung">
        <h2 id="noi-dung-dung">Nơi đang dùng tệp</h2>
        <UsesList uses={uses} />
      </section>
      {canDelete && (
        <form method="post" action={`/quan-tri/thu-vien/${m.id}/xoa`} class="form-actions">
          <Csrf token={frame.csrf} />
          <button type="submit" class="danger">Xóa tệp</button>
        </form>
      )}
    </AdminLayout>
  );
}

import { bodyText, Diff } from './diff.js';
import type { RevisionRow } from '../../../kernel/db/schema.js';
import type { Snapshot } from '../snapshot.js';
import { formatDateTime } from '../../../kernel/lib/format.js';
import { AdminLayout, type AdminFrame } from '../../../kernel/views/admin/layout.js';
import { Csrf } from '../../../kernel/views/admin/forms.js';

export function RevisionsPage({ frame, articleId, title, revisions, compare, canRestore }: {
  frame: AdminFrame;
  articleId: number;
  title: string;
  revisions: (RevisionRow & { user_name: string | null })[];
  compare: { a: RevisionRow; b: RevisionRow } | null;
  canRestore: boolean;
}) {
  const snap = (r: RevisionRow) => JSON.parse(r.snapshot) as Snapshot;
  return (
    <AdminLayout frame={frame} title={`Lịch sử phiên bản: ${title}`}>
      <h1>Lịch sử phiên bản</h1>
      <p><a href={`/quan-tri/bai-viet/${articleId}`}>« Quay lại bài viết</a> · {title}</p>
      {compare && (
        <section class="compare" aria-labelledby="so-sanh">
          <h2 id="so-sanh">
            So sánh phiên bản #{compare.a.id} ({formatDateTime(compare.a.created_at)}) với #{compare.b.id} ({formatDateTime(compare.b.created_at)})
          </h2>
          <p class="legend"><del>Chữ bị xóa</del> · <ins>Chữ được thêm</ins></p>
          <Diff label="Tiêu đề" a={snap(compare.a).title} b={snap(compare.b).title} />
          <Diff label="Sapo" a={snap(compare.a).sapo} b={snap(compare.b).sapo} />
          <Diff label="Nội dung" a={bodyText(snap(compare.a).body_html)} b={bodyText(snap(compare.b).body_html)} />
          <Diff label="Tác giả" a={snap(compare.a).author} b={snap(compare.b).author} />
          <Diff label="Nguồn" a={snap(compare.a).source} b={snap(compare.b).source} />
          {JSON.stringify(snap(compare.a)) === JSON.stringify(snap(compare.b)) && <p>Hai phiên bản giống nhau.</p>}
        </section>
      )}
      <form method="get" action={`/quan-tri/bai-viet/${articleId}/phien-ban`}>
        <table class="data-table">
          <caption>Các phiên bản, mới nhất trước. Chọn hai phiên bản để so sánh.</caption>
          <thead>
            <tr><th scope="col">Cũ hơn</th><th scope="col">Mới hơn</th><th scope="col">Phiên bản</th><th scope="col">Người lưu</th><th scope="col">Thời gian</th>{canRestore && <th scope="col">Khôi phục</th>}</tr>
          </thead>
          <tbody>
            {revisions.map((r, i) => (
              <tr>
                <td><input type="radio" name="a" value={String(r.id)} checked={compare ? compare.a.id === r.id : i === 1} aria-label={`Chọn phiên bản #${r.id} làm bản cũ hơn`} /></td>
                <td><input type="radio" name="b" value={String(r.id)} checked={compare ? compare.b.id === r.id : i === 0} aria-label={`Chọn phiên bản #${r.id} làm bản mới hơn`} /></td>
                <th scope="row">#{r.id}{i === 0 && ' (hiện tại)'}</th>
                <td>{r.user_name ?? '—'}</td>
                <td>{formatDateTime(r.created_at)}</td>
                {canRestore && (
                  <td>
                    {i > 0 && (
                      <button type="submit" form={`khoi-phuc-${r.id}`}>Khôi phục #{r.id}</button>
                    )}
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
        {revisions.length > 1 && <button type="submit">So sánh</button>}
      </form>
      {canRestore &&
        revisions.slice(1).map((r) => (
          <form id={`khoi-phuc-${r.id}`} method="post" action={`/quan-tri/bai-viet/${articleId}/phien-ban/${r.id}/khoi-phuc`} hidden>
            <Csrf token={frame.csrf} />
          </form>
        ))}
    </AdminLayout>
  );
}

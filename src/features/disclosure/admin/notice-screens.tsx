import type { DisclosureNoticeRow } from '../../../kernel/db/tables/disclosure.js';
import { AdminLayout, type AdminFrame } from '../../../kernel/views/admin/layout.js';
import { Csrf, Field, FormMessages, SectionCrumbs, type FieldErrors } from '../../../kernel/views/admin/forms.js';
import { shortDay } from '../public/days.js';
import type { NoticeForm } from '../notice-input.js';
import type { MediaRow } from '../../../kernel/db/tables/media.js';
import { mediaUrl } from '../../media/present.js';
import type { NoticeKind } from '../notice-kind.js';

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** The table of a section's notices with their actions (also shown under a settings form). */
export function NoticeTable({ kind, notices, csrf }: { kind: NoticeKind; notices: DisclosureNoticeRow[]; csrf: string }) {
  return (
    <section aria-labelledby={`ds-${kind.kind}`}>
      <h2 id={`ds-${kind.kind}`}>{kind.heading}</h2>
      <p><a class="button primary" href={`${kind.adminPath}/moi`}>Thêm {kind.noun}</a></p>
      {notices.length ? (
        <table class="data-table">
          <caption class="visually-hidden">{kind.heading}</caption>
          <thead>
            <tr><th scope="col">{kind.dayLabel}</th><th scope="col">{kind.titleLabel}</th>{kind.deadlineLabel && <th scope="col">{kind.deadlineLabel}</th>}<th scope="col">Thao tác</th></tr>
          </thead>
          <tbody>
            {notices.map((n) => (
              <tr>
                <td>{shortDay(n.day)}</td>
                <th scope="row">{n.title}</th>
                {kind.deadlineLabel && <td>{n.deadline ? shortDay(n.deadline) : ''}</td>}
                <td class="workflow">
                  <a class="button" href={`${kind.adminPath}/${n.id}`} aria-label={`Sửa: ${n.title}`}>Sửa</a>
                  <form method="post" action={`${kind.adminPath}/${n.id}/xoa`}>
                    <Csrf token={csrf} />
                    <button type="submit" class="danger" aria-label={`Xoá: ${n.title}`}>Xoá</button>
                  </form>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p class="empty">Chưa có {kind.noun} nào.</p>
      )}
    </section>
  );
}

export function NoticeListScreen({ frame, kind, notices, notice }: { frame: AdminFrame; kind: NoticeKind; notices: DisclosureNoticeRow[]; notice?: string }) {
  return (
    <AdminLayout frame={frame} title={kind.heading}>
      <h1>{kind.heading}</h1>
      <FormMessages notice={notice} />
      <p><a href={kind.publicPath}>Xem trang công khai</a></p>
      <NoticeTable kind={kind} notices={notices} csrf={frame.csrf} />
    </AdminLayout>
  );
}

export function NoticeFormScreen({ frame, kind, action, back, form, errors, recent = [] }: { frame: AdminFrame; kind: NoticeKind; action: string; back: string; form: NoticeForm; errors: FieldErrors; recent?: MediaRow[] }) {
  const heading = action.endsWith('/moi') ? `Thêm ${kind.noun}` : `Sửa ${kind.noun}`;
  return (
    <AdminLayout frame={frame} title={heading}>
      <SectionCrumbs href={back} label={cap(kind.heading)} title={heading} />
      <h1>{heading}</h1>
      <FormMessages errors={errors} />
      <form method="post" action={action} novalidate>
        <Csrf token={frame.csrf} />
        <Field name="title" label={kind.titleLabel} value={form.title} errors={errors} required maxLength={300} />
        <Field name="day" label={kind.dayLabel} type="date" value={form.day} errors={errors} required hint={kind.dayHint} />
        {kind.deadlineLabel && <Field name="deadline" label={kind.deadlineLabel} type="date" value={form.deadline} errors={errors} required hint="Ví dụ 31/01/2026. Sau ngày này trang công khai ghi “Đã hết hạn”." />}
        <Field name="body" label={kind.bodyLabel} value={form.body} errors={errors} required multiline={8} maxLength={kind.bodyMax} />
        <Field name="links" label={kind.linksLabel} value={form.links} errors={errors} multiline={4} hint={kind.linksHint} />
        <RecentFiles files={recent} />
        <div class="form-actions">
          <button type="submit" class="primary">Lưu</button>
          <a href={back}>Quay lại</a>
        </div>
      </form>
    </AdminLayout>
  );
}

/**
 * The newest documents of the file library, each as the line the files field expects, so an
 * editor copies it rather than typing an address. Files are uploaded in "Thư viện tệp".
 */
function RecentFiles({ files }: { files: MediaRow[] }) {
  return (
    <details class="recent-files">
      <summary>Tệp mới tải lên thư viện (sao chép dòng vào ô trên)</summary>
      {files.length ? (
        <ul>
          {files.map((f) => (
            <li><code>{`${f.title || f.original_name} | ${mediaUrl(f.disk_path)}`}</code></li>
          ))}
        </ul>
      ) : (
        <p class="muted">Thư viện chưa có tệp văn bản nào.</p>
      )}
      <p><a href="/quan-tri/thu-vien">Tải tệp lên Thư viện tệp</a> rồi quay lại trang này.</p>
    </details>
  );
}

import type { AlertRow } from '../../../kernel/db/tables/alerts.js';
import { formatDateTime } from '../../../kernel/lib/format.js';
import { AdminLayout, type AdminFrame } from '../../../kernel/views/admin/layout.js';
import { Csrf, ErrorSummary, Field, Notice, type FieldErrors } from '../../../kernel/views/admin/forms.js';
import { BODY_MAX, LINK_MAX, SEVERITY_NAMES, TITLE_MAX, type AlertForm } from '../input.js';
import type { SiteChoice } from '../repo.js';
import { alertState, STATE_NAMES } from '../state.js';

export const PATH = '/quan-tri/thong-bao-khan';
export const BROADCAST_PATH = `${PATH}/gui-nhieu-trang`;

export function AlertListScreen({ frame, alerts, now, canBroadcast, notice }: { frame: AdminFrame; alerts: AlertRow[]; now: Date; canBroadcast: boolean; notice?: string }) {
  return (
    <AdminLayout frame={frame} title="Thông báo khẩn">
      <h1>Thông báo khẩn</h1>
      {notice && <Notice kind="ok">{notice}</Notice>}
      <p>Thông báo khẩn (bão, lũ, sơ tán…) hiện ở đầu mọi trang của cổng từ thời điểm bắt đầu đến thời điểm kết thúc.</p>
      <p class="form-actions">
        <a class="button primary" href={`${PATH}/moi`}>Thêm thông báo khẩn</a>
        {canBroadcast && <a class="button" href={BROADCAST_PATH}>Gửi cho nhiều trang</a>}
      </p>
      {alerts.length ? (
        <table class="data-table">
          <caption class="visually-hidden">Các thông báo khẩn của trang</caption>
          <thead>
            <tr><th scope="col">Tiêu đề</th><th scope="col">Mức độ</th><th scope="col">Thời gian</th><th scope="col">Trạng thái</th><th scope="col">Thao tác</th></tr>
          </thead>
          <tbody>
            {alerts.map((a) => {
              const state = alertState(a, now);
              return (
                <tr>
                  <th scope="row">{a.title}</th>
                  <td>{SEVERITY_NAMES[a.severity]}</td>
                  <td>Từ {formatDateTime(a.starts_at)}<br />đến {formatDateTime(a.ends_at)}</td>
                  <td>{STATE_NAMES[state]}</td>
                  <td class="workflow">
                    <a class="button" href={`${PATH}/${a.id}`} aria-label={`Sửa: ${a.title}`}>Sửa</a>
                    {state !== 'ended' && (
                      <form method="post" action={`${PATH}/${a.id}/ket-thuc`}>
                        <Csrf token={frame.csrf} />
                        <button type="submit" class="danger" aria-label={`Kết thúc ngay: ${a.title}`}>Kết thúc ngay</button>
                      </form>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      ) : (
        <p class="empty">Trang chưa có thông báo khẩn nào.</p>
      )}
    </AdminLayout>
  );
}

/** The fields of a notice, shared by the one-site form and the multi-site form. */
function AlertFields({ form, errors }: { form: AlertForm; errors: FieldErrors }) {
  return (
    <>
      <Field name="title" label="Tiêu đề" value={form.title} errors={errors} required maxLength={TITLE_MAX} hint={`Ngắn gọn, tối đa ${TITLE_MAX} ký tự. Ví dụ: Sơ tán dân vùng trũng thấp trước bão số 12.`} />
      <Field name="body" label="Nội dung" value={form.body} errors={errors} required multiline={4} maxLength={BODY_MAX} hint="Văn bản thường; địa chỉ web bắt đầu bằng https:// sẽ thành liên kết." />
      <fieldset class={errors.severity ? 'field has-error' : 'field'} aria-describedby={errors.severity ? 'f-severity-error' : undefined}>
        <legend>Mức độ<span class="req" aria-hidden="true"> *</span></legend>
        {errors.severity && <p class="field-error" id="f-severity-error">{errors.severity}</p>}
        {(['urgent', 'advisory'] as const).map((s, i) => (
          <div>
            <input type="radio" id={i === 0 ? 'f-severity' : `f-severity-${s}`} name="severity" value={s} checked={form.severity === s} />
            <label for={i === 0 ? 'f-severity' : `f-severity-${s}`}>{SEVERITY_NAMES[s]}</label>
          </div>
        ))}
      </fieldset>
      <Field name="link" label="Liên kết đến bài viết đầy đủ" value={form.link} errors={errors} maxLength={LINK_MAX} hint="Không bắt buộc. Ví dụ /bai-viet/… hoặc https://…" />
      <Field name="starts" label="Bắt đầu hiển thị" type="datetime-local" value={form.starts} errors={errors} hint="Giờ Việt Nam, ví dụ 03/12/2026 14:00. Để trống: hiển thị ngay." />
      <Field name="ends" label="Kết thúc hiển thị" type="datetime-local" value={form.ends} errors={errors} required hint="Giờ Việt Nam, ví dụ 05/12/2026 18:00." />
    </>
  );
}

/** The breadcrumb back to the list, the heading and the form's error summary. */
function ScreenHead({ heading, errors }: { heading: string; errors: FieldErrors }) {
  return (
    <>
      <nav class="breadcrumb" aria-label="Đường dẫn">
        <a href={PATH}>Thông báo khẩn</a> › <span aria-current="page">{heading}</span>
      </nav>
      <h1>{heading}</h1>
      <ErrorSummary errors={errors} />
    </>
  );
}

export function AlertFormScreen({ frame, action, heading, form, errors }: { frame: AdminFrame; action: string; heading: string; form: AlertForm; errors: FieldErrors }) {
  return (
    <AdminLayout frame={frame} title={heading}>
      <ScreenHead heading={heading} errors={errors} />
      <form method="post" action={action} novalidate>
        <Csrf token={frame.csrf} />
        <AlertFields form={form} errors={errors} />
        <div class="form-actions">
          <button type="submit" class="primary">Lưu thông báo</button>
          <a href={PATH}>Quay lại</a>
        </div>
      </form>
    </AdminLayout>
  );
}

export function BroadcastScreen({ frame, form, errors, sites, chosen, all }: { frame: AdminFrame; form: AlertForm; errors: FieldErrors; sites: SiteChoice[]; chosen: Set<string>; all: boolean }) {
  const heading = 'Gửi thông báo khẩn cho nhiều trang';
  return (
    <AdminLayout frame={frame} title={heading}>
      <ScreenHead heading={heading} errors={errors} />
      <form method="post" action={BROADCAST_PATH} novalidate>
        <Csrf token={frame.csrf} />
        <fieldset class={errors.sites ? 'field has-error' : 'field'} aria-describedby={errors.sites ? 'f-sites-error' : undefined}>
          <legend>Gửi đến<span class="req" aria-hidden="true"> *</span></legend>
          {errors.sites && <p class="field-error" id="f-sites-error">{errors.sites}</p>}
          <div>
            <input type="checkbox" id="f-sites" name="all" value="1" checked={all} />
            <label for="f-sites">Tất cả các trang đang hoạt động</label>
          </div>
          {sites.map((s) => (
            <div>
              <input type="checkbox" id={`f-site-${s.id}`} name="sites" value={String(s.id)} checked={chosen.has(String(s.id))} disabled={s.archived} />
              <label for={`f-site-${s.id}`}>{s.name}{s.archived && ' (trang lưu trữ, không nhận thông báo mới)'}</label>
            </div>
          ))}
        </fieldset>
        <AlertFields form={form} errors={errors} />
        <div class="form-actions">
          <button type="submit" class="primary">Gửi thông báo</button>
          <a href={PATH}>Quay lại</a>
        </div>
      </form>
    </AdminLayout>
  );
}

import type { ScheduleEntryRow } from '../../../kernel/db/tables/schedule.js';
import type { EntryForm } from '../commands/entry-input.js';
import { addWeeks, dayLabel, timeRange, weekTitle, type Week } from '../week.js';
import { AdminLayout, type AdminFrame } from '../../../kernel/views/admin/layout.js';
import { Csrf, ErrorSummary, Field, Notice, type FieldErrors } from '../../../kernel/views/admin/forms.js';

export const PATH = '/quan-tri/lich-cong-tac';
export const weekUrl = (w: Week) => `${PATH}?tuan=${w.key}`;

export function WeekScreen({ frame, week, entries, notice }: { frame: AdminFrame; week: Week; entries: ScheduleEntryRow[]; notice?: string }) {
  const drafts = entries.filter((e) => !e.published).length;
  const title = weekTitle(week);
  return (
    <AdminLayout frame={frame} title="Lịch công tác">
      <h1>{title}</h1>
      {notice && <Notice kind="ok">{notice}</Notice>}
      <nav aria-label="Chọn tuần" class="filters">
        <a href={weekUrl(addWeeks(week, -1))}>« Tuần trước</a>
        <a href={PATH}>Tuần này</a>
        <a href={weekUrl(addWeeks(week, 1))}>Tuần sau »</a>
        <a href={`/lich-cong-tac?tuan=${week.key}`}>Xem trang công khai</a>
      </nav>
      <p>
        <a class="button primary" href={`${PATH}/moi?ngay=${week.days[0]}`}>Thêm lịch trong tuần này</a>
      </p>
      <section class="status-panel" aria-labelledby="cong-bo">
        <h2 id="cong-bo">Công bố</h2>
        <p>
          {entries.length} mục trong tuần, {drafts ? `${drafts} mục chưa công bố (người dân chưa thấy).` : 'tất cả đã công bố.'}
        </p>
        {drafts > 0 && (
          <form method="post" action={`${PATH}/cong-bo`}>
            <Csrf token={frame.csrf} />
            <input type="hidden" name="tuan" value={week.key} />
            <button type="submit" class="primary">Công bố lịch tuần {week.week}</button>
          </form>
        )}
        {entries.length > drafts && (
          <form method="post" action={`${PATH}/an`}>
            <Csrf token={frame.csrf} />
            <input type="hidden" name="tuan" value={week.key} />
            <button type="submit">Ẩn lịch tuần {week.week}</button>
          </form>
        )}
      </section>
      {entries.length ? (
        <table class="data-table">
          <caption class="visually-hidden">{title}</caption>
          <thead>
            <tr><th scope="col">Ngày, giờ</th><th scope="col">Nội dung</th><th scope="col">Chủ trì</th><th scope="col">Địa điểm</th><th scope="col">Trạng thái</th><th scope="col">Thao tác</th></tr>
          </thead>
          <tbody>
            {entries.map((e) => (
              <tr>
                <td>{dayLabel(e.day)}<br />{timeRange(e.start_time, e.end_time)}</td>
                <th scope="row">{e.content}</th>
                <td>{e.leader}</td>
                <td>{e.place}</td>
                <td>{e.published ? 'Đã công bố' : 'Nháp'}</td>
                <td class="workflow">
                  <a class="button" href={`${PATH}/${e.id}`} aria-label={`Sửa: ${e.content}`}>Sửa</a>
                  <a class="button" href={`${PATH}/moi?tu=${e.id}`} aria-label={`Sao chép: ${e.content}`}>Sao chép</a>
                  <form method="post" action={`${PATH}/${e.id}/xoa`}>
                    <Csrf token={frame.csrf} />
                    <button type="submit" class="danger" aria-label={`Xoá: ${e.content}`}>Xoá</button>
                  </form>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p class="empty">Tuần này chưa có lịch công tác.</p>
      )}
    </AdminLayout>
  );
}

export function EntryScreen({ frame, action, heading, form, errors, back }: { frame: AdminFrame; action: string; heading: string; form: EntryForm; errors: FieldErrors; back: string }) {
  return (
    <AdminLayout frame={frame} title={heading}>
      <nav class="breadcrumb" aria-label="Đường dẫn">
        <a href={back}>Lịch công tác</a> › <span aria-current="page">{heading}</span>
      </nav>
      <h1>{heading}</h1>
      <ErrorSummary errors={errors} />
      <form method="post" action={action} novalidate>
        <Csrf token={frame.csrf} />
        <Field name="day" label="Ngày" type="date" value={form.day} errors={errors} required hint="Ví dụ 23/11/2026." />
        <Field name="start" label="Giờ bắt đầu" type="time" value={form.start} errors={errors} required hint="Ví dụ 07:30 (giờ Việt Nam)." />
        <Field name="end" label="Giờ kết thúc" type="time" value={form.end} errors={errors} hint="Không bắt buộc." />
        <Field name="content" label="Nội dung công việc" value={form.content} errors={errors} required multiline={3} maxLength={1000} />
        <Field name="leader" label="Lãnh đạo chủ trì" value={form.leader} errors={errors} maxLength={200} hint="Ví dụ: Đ/c Chủ tịch UBND." />
        <Field name="participants" label="Thành phần" value={form.participants} errors={errors} multiline={3} maxLength={1000} hint="Mỗi đơn vị hoặc người một dòng." />
        <Field name="place" label="Địa điểm" value={form.place} errors={errors} maxLength={300} />
        <Field name="note" label="Ghi chú" value={form.note} errors={errors} multiline={2} maxLength={1000} />
        <div class="field">
          <input type="checkbox" id="f-published" name="published" value="1" checked={form.published === '1'} />
          <label for="f-published">Công bố ngay (bỏ chọn để lưu nháp)</label>
        </div>
        <div class="form-actions">
          <button type="submit" class="primary">Lưu lịch</button>
          <a href={back}>Quay lại tuần</a>
        </div>
      </form>
    </AdminLayout>
  );
}

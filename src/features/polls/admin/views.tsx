import type { ComponentChildren } from 'preact';
import { formatDateTime, formatNumber } from '../../../kernel/lib/format.js';
import { MAX_OPTIONS, type PollForm } from '../commands/poll-input.js';
import { percentText, pollState, STATE_LABELS, totalText } from '../results.js';
import type { PollOptionRow, PollRow } from '../../../kernel/db/tables/polls.js';
import { pollPath } from '../public/pages.js';
import { AdminLayout, type AdminFrame } from '../../../kernel/views/admin/layout.js';
import { Csrf, Field, FormMessages, SectionCrumbs, type FieldErrors } from '../../../kernel/views/admin/forms.js';

/** Back-office screens of Thăm dò ý kiến. */
export const POLLS_ADMIN = '/quan-tri/tham-do';
export const CONSULT_ADMIN = '/quan-tri/gop-y-du-thao';

export function PollsFrame({ frame, title, notice, errors, crumb = true, children }: { frame: AdminFrame; title: string; notice?: string; errors?: FieldErrors; crumb?: boolean; children: ComponentChildren }) {
  return (
    <AdminLayout frame={frame} title={title}>
      {crumb && <SectionCrumbs href={POLLS_ADMIN} label="Thăm dò ý kiến" title={title} />}
      <h1>{title}</h1>
      <FormMessages notice={notice} errors={errors} />
      {children}
    </AdminLayout>
  );
}

function StateButton({ poll, csrf, now }: { poll: PollRow; csrf: string; now: Date }) {
  const open = pollState(poll, now) === 'open';
  return (
    <form method="post" action={`${POLLS_ADMIN}/${poll.id}/${open ? 'dong' : 'mo'}`}>
      <Csrf token={csrf} />
      <button type="submit" aria-label={`${open ? 'Đóng' : 'Mở ngay'}: ${poll.question}`}>{open ? 'Đóng' : 'Mở ngay'}</button>
    </form>
  );
}

export function PollListScreen({ frame, polls, now, notice }: { frame: AdminFrame; polls: PollRow[]; now: Date; notice?: string }) {
  return (
    <PollsFrame frame={frame} title="Thăm dò ý kiến" notice={notice} crumb={false}>
      <p>
        <a class="button primary" href={`${POLLS_ADMIN}/moi`}>Tạo cuộc thăm dò</a> · <a href={CONSULT_ADMIN}>Góp ý dự thảo</a>
      </p>
      {polls.length ? (
        <table class="data-table">
          <caption class="visually-hidden">Các cuộc thăm dò ý kiến, mới nhất trước</caption>
          <thead><tr><th scope="col">Câu hỏi</th><th scope="col">Trạng thái</th><th scope="col">Thời gian</th><th scope="col">Lượt bình chọn</th><th scope="col">Thao tác</th></tr></thead>
          <tbody>
            {polls.map((p) => (
              <tr>
                <th scope="row"><a href={`${POLLS_ADMIN}/${p.id}`}>{p.question}</a></th>
                <td>{STATE_LABELS[pollState(p, now)]}</td>
                <td>{formatDateTime(p.opens_at)}{p.closes_at ? ` – ${formatDateTime(p.closes_at)}` : ''}</td>
                <td>{formatNumber(Number(p.total_votes))}</td>
                <td class="workflow">
                  <a class="button" href={`${POLLS_ADMIN}/${p.id}/ket-qua`} aria-label={`Kết quả: ${p.question}`}>Kết quả</a>
                  <StateButton poll={p} csrf={frame.csrf} now={now} />
                  <a class="button danger" href={`${POLLS_ADMIN}/${p.id}/xoa`} aria-label={`Xoá: ${p.question}`}>Xoá</a>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p class="empty">Chưa có cuộc thăm dò ý kiến nào.</p>
      )}
    </PollsFrame>
  );
}

export function PollEditScreen({ frame, id, form, errors, votes }: { frame: AdminFrame; id: number | null; form: PollForm; errors: FieldErrors; votes: Map<number, number> }) {
  // What was typed in the new-option boxes comes back, plus empty boxes (4 in all at least, 10 at most).
  const added = form.added.filter((s) => s.trim());
  const want = Math.min(MAX_OPTIONS, Math.max(4, form.existing.length + added.length + 2));
  while (form.existing.length + added.length < want) added.push('');
  return (
    <PollsFrame frame={frame} title={id ? 'Sửa cuộc thăm dò' : 'Tạo cuộc thăm dò'} errors={errors}>
      <form method="post" action={id ? `${POLLS_ADMIN}/${id}` : POLLS_ADMIN} novalidate>
        <Csrf token={frame.csrf} />
        <Field name="cau_hoi" label="Câu hỏi" value={form.question} errors={errors} required maxLength={300} multiline={2} />
        <fieldset id="f-phuong_an" tabIndex={-1}>
          <legend>Các phương án (từ 2 đến {MAX_OPTIONS})</legend>
          {errors.phuong_an && <p class="field-error" id="f-phuong_an-error">{errors.phuong_an}</p>}
          <p class="hint">Để trống một ô để bỏ phương án đó. Phương án đã có người bình chọn thì không xoá được (có thể sửa lời).</p>
          {form.existing.map((o, i) => (
            <Field name={`pa_${o.id}`} label={`Phương án ${i + 1}`} value={o.label} errors={errors} maxLength={200}
              hint={votes.get(o.id) ? `Đã có ${formatNumber(votes.get(o.id)!)} lượt bình chọn: không xoá được.` : undefined} />
          ))}
          {added.map((label, i) => (
            <div class={errors.pa_moi && i === 0 ? 'field has-error' : 'field'}>
              <label for={i === 0 ? 'f-pa_moi' : `f-pa_moi-${i}`}>Phương án mới {i + 1}</label>
              {errors.pa_moi && i === 0 && <p class="field-error" id="f-pa_moi-error">{errors.pa_moi}</p>}
              <input id={i === 0 ? 'f-pa_moi' : `f-pa_moi-${i}`} name="pa_moi" type="text" value={label} maxLength={200}
                aria-invalid={errors.pa_moi && i === 0 ? 'true' : undefined} aria-describedby={errors.pa_moi && i === 0 ? 'f-pa_moi-error' : undefined} />
            </div>
          ))}
        </fieldset>
        <fieldset id="f-kieu" tabIndex={-1}>
          <legend>Kiểu bình chọn</legend>
          {errors.kieu && <p class="field-error" id="f-kieu-error">{errors.kieu}</p>}
          <div class="checkbox"><input type="radio" id="f-kieu-1" name="kieu" value="0" checked={form.multiple !== '1'} /><label for="f-kieu-1">Chỉ chọn một phương án</label></div>
          <div class="checkbox"><input type="radio" id="f-kieu-n" name="kieu" value="1" checked={form.multiple === '1'} /><label for="f-kieu-n">Được chọn nhiều phương án</label></div>
        </fieldset>
        <Field name="toi_da" label="Số phương án được chọn tối đa (khi chọn nhiều)" value={form.max_choices} errors={errors} inputMode="numeric" hint="Để trống: không giới hạn." />
        <Field name="bat_dau" label="Bắt đầu (giờ Việt Nam)" type="datetime-local" value={form.opens_at} errors={errors} required />
        <Field name="ket_thuc" label="Kết thúc (giờ Việt Nam)" type="datetime-local" value={form.closes_at} errors={errors} hint="Để trống: mở đến khi bấm Đóng." />
        <fieldset>
          <legend>Hiển thị kết quả</legend>
          <div class="checkbox"><input type="radio" id="f-kq-luon" name="ket_qua" value="always" checked={form.results !== 'after_vote'} /><label for="f-kq-luon">Mọi người xem được kết quả, kể cả trước khi bình chọn</label></div>
          <div class="checkbox"><input type="radio" id="f-kq-sau" name="ket_qua" value="after_vote" checked={form.results === 'after_vote'} /><label for="f-kq-sau">Chỉ sau khi đã bình chọn, hoặc khi cuộc thăm dò kết thúc</label></div>
        </fieldset>
        <div class="checkbox"><input type="checkbox" id="f-dang" name="dang" value="1" checked={form.published === '1'} /><label for="f-dang">Đăng trên trang (người dân xem và bình chọn được)</label></div>
        <div class="form-actions">
          <button type="submit" class="primary">{id ? 'Lưu thay đổi' : 'Tạo cuộc thăm dò'}</button>
          <a href={POLLS_ADMIN}>Quay lại danh sách</a>
        </div>
      </form>
    </PollsFrame>
  );
}

export function PollResultsScreen({ frame, poll, options, now }: { frame: AdminFrame; poll: PollRow; options: PollOptionRow[]; now: Date }) {
  const total = Number(poll.total_votes);
  return (
    <PollsFrame frame={frame} title="Kết quả thăm dò">
      <p><strong>{poll.question}</strong> — {STATE_LABELS[pollState(poll, now)]}. {poll.published ? <a href={pollPath(poll.id)}>Xem trên trang</a> : null}</p>
      <table class="data-table">
        <caption>{totalText(total)}</caption>
        <thead><tr><th scope="col">Phương án</th><th scope="col">Lượt chọn</th><th scope="col">Tỉ lệ</th></tr></thead>
        <tbody>
          {options.map((o) => (
            <tr><th scope="row">{o.label}</th><td>{formatNumber(Number(o.votes))}</td><td>{percentText(Number(o.votes), total)}</td></tr>
          ))}
        </tbody>
      </table>
      <p><a href={`${POLLS_ADMIN}/${poll.id}`}>Sửa cuộc thăm dò</a> · <a href={POLLS_ADMIN}>Quay lại danh sách</a></p>
    </PollsFrame>
  );
}

export function PollDeleteScreen({ frame, poll }: { frame: AdminFrame; poll: PollRow }) {
  return (
    <PollsFrame frame={frame} title="Xoá cuộc thăm dò">
      <p>Bạn có chắc muốn xoá cuộc thăm dò “{poll.question}”? {formatNumber(Number(poll.total_votes))} lượt bình chọn cũng bị xoá và không khôi phục được.</p>
      <form method="post" action={`${POLLS_ADMIN}/${poll.id}/xoa`}>
        <Csrf token={frame.csrf} />
        <div class="form-actions">
          <button type="submit" class="danger">Xoá cuộc thăm dò</button>
          <a href={POLLS_ADMIN}>Không xoá, quay lại</a>
        </div>
      </form>
    </PollsFrame>
  );
}

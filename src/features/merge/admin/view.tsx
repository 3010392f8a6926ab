import { ADMIN } from '../../../kernel/http/admin-scope.js';
import { AdminLayout, type AdminFrame } from '../../../kernel/views/admin/layout.js';
import { Csrf, Field, FormMessages, type FieldErrors } from '../../../kernel/views/admin/forms.js';
import type { SiteOutcome } from '../commands/merge-sites.js';
import { describePlan } from '../summary.js';

export const MERGE_PATH = `${ADMIN}/hop-nhat-trang`;
export const PREVIEW_PATH = `${MERGE_PATH}/xem-truoc`;

export interface MergeForm {
  into: string;
  olds: string[];
  mode: string;
}

export interface SiteChoice {
  code: string;
  name: string;
  archived: boolean;
}

const MODES: [string, string][] = [
  ['subtree', 'Giữ nguyên cây chuyên mục của mỗi trang cũ, dưới một chuyên mục mang tên đơn vị cũ'],
  ['by-name', 'Gộp vào chuyên mục cùng tên của trang nhận (tạo mới khi chưa có)'],
];

/** The choice of target, old sites and category mode; with a plan, the plan and the button that runs it. */
export function MergePage(p: { frame: AdminFrame; sites: SiteChoice[]; form: MergeForm; errors: FieldErrors; plan?: SiteOutcome[]; done?: SiteOutcome[] }) {
  const { frame, sites, form, errors } = p;
  return (
    <AdminLayout frame={frame} title="Hợp nhất trang">
      <h1>Hợp nhất trang</h1>
      <p class="hint">Chuyển toàn bộ bài viết, chuyên mục, văn bản, thư viện, hỏi đáp, thăm dò, thủ tục và lịch công tác của các trang cũ sang trang nhận. Địa chỉ cũ vẫn dẫn tới đúng nội dung; trang cũ trở thành trang lưu trữ.</p>
      <FormMessages errors={errors} />
      {p.done && (
        <section class="status-panel" aria-labelledby="ket-qua">
          <h2 id="ket-qua">Đã hợp nhất</h2>
          {p.done.map((s) => <pre>{s.noop ? `${s.plan.old.code} đã được hợp nhất vào ${s.plan.target.code} trước đó; không còn gì để chuyển.` : describePlan(s.plan, true).join('\n')}</pre>)}
        </section>
      )}
      {p.plan && (
        <section class="status-panel" aria-labelledby="ke-hoach">
          <h2 id="ke-hoach">Xem trước: chưa thay đổi gì</h2>
          {p.plan.map((s) => <pre>{s.noop ? `${s.plan.old.code} đã được hợp nhất vào ${s.plan.target.code} trước đó; không còn gì để chuyển.` : describePlan(s.plan, false).join('\n')}</pre>)}
          <form method="post" action={MERGE_PATH}>
            <Csrf token={frame.csrf} />
            <input type="hidden" name="into" value={form.into} />
            {form.olds.map((c) => <input type="hidden" name="olds" value={c} />)}
            <input type="hidden" name="mode" value={form.mode} />
            <button type="submit" class="primary">Hợp nhất</button>
          </form>
        </section>
      )}
      <form method="post" action={PREVIEW_PATH} novalidate>
        <Csrf token={frame.csrf} />
        <Field name="into" label="Trang nhận nội dung" errors={errors} required>
          <select id="f-into" name="into" aria-invalid={errors.into ? 'true' : undefined} aria-describedby={errors.into ? 'f-into-error' : undefined}>
            <option value="">— Chọn trang —</option>
            {sites.filter((s) => !s.archived).map((s) => <option value={s.code} selected={s.code === form.into}>{`${s.name} (${s.code})`}</option>)}
          </select>
        </Field>
        <fieldset class={errors.olds ? 'field has-error' : 'field'} aria-describedby={errors.olds ? 'f-olds-error' : undefined}>
          <legend>Các trang cũ cần hợp nhất</legend>
          {errors.olds && <p class="field-error" id="f-olds-error">{errors.olds}</p>}
          {sites.map((s) => (
            <label class="check"><input type="checkbox" name="olds" value={s.code} checked={form.olds.includes(s.code)} /> {`${s.name} (${s.code})`}{s.archived && <span class="muted"> (đang lưu trữ)</span>}</label>
          ))}
        </fieldset>
        <fieldset class={errors.mode ? 'field has-error' : 'field'}>
          <legend>Chuyên mục</legend>
          {errors.mode && <p class="field-error" id="f-mode-error">{errors.mode}</p>}
          {MODES.map(([value, label]) => <label class="check"><input type="radio" name="mode" value={value} checked={form.mode === value} /> {label}</label>)}
        </fieldset>
        <button type="submit">Xem trước</button>
      </form>
    </AdminLayout>
  );
}

import { line, text, type FieldErrors } from '../../kernel/forms.js';
import type { NoticeKind, ProjectStatus } from '../../kernel/db/tables/projects.js';
import { parseDay } from '../documents/input.js';
import { NOTICE_KINDS, STATUS_NAMES } from './present.js';

export interface ProjectForm {
  name: string; investor: string; capital: string; capital_source: string; location: string;
  start_on: string; finish_on: string; progress: string; status: string; summary: string; published: string;
}

export const EMPTY_PROJECT: ProjectForm = {
  name: '', investor: '', capital: '', capital_source: '', location: '', start_on: '', finish_on: '', progress: '0', status: 'chuan-bi', summary: '', published: '1',
};

export interface ProjectValues {
  name: string; investor: string; capital_vnd: number | null; capital_source: string; location: string;
  start_on: string | null; finish_on: string | null; progress: number; status: ProjectStatus; summary: string; published: number;
}

const BAD_DAY = 'không hợp lệ. Nhập theo dạng ngày/tháng/năm, ví dụ 15/03/2026.';
/** 10^15 đồng: far above any ward's project, below the exact integers of a double. */
const MAX_CAPITAL = 1e15;

/**
 * "12.400.000.000", "12 400 000 000", "12400000000" đồng, or "12,4 tỷ", "850 triệu": the amount in
 * đồng; null when it cannot be read.
 */
export function parseCapital(raw: string): number | null {
  const s = raw.normalize('NFC').trim().toLowerCase().replace(/\s*(đồng|vnđ|vnd|đ)$/, '');
  const unit = /^(\d+(?:[.,]\d+)?)\s*(tỷ|triệu)$/.exec(s);
  if (unit) {
    const n = Number(unit[1]!.replace(',', '.')) * (unit[2] === 'tỷ' ? 1e9 : 1e6);
    return Number.isFinite(n) && n <= MAX_CAPITAL ? Math.round(n) : null;
  }
  if (!/^\d{1,3}([. ]\d{3})*$|^\d+$/.test(s)) return null;
  const n = Number(s.replace(/[. ]/g, ''));
  return n <= MAX_CAPITAL ? n : null;
}

function day(errors: FieldErrors, field: string, raw: string, label: string, required: boolean): string | null {
  if (!raw.trim()) {
    if (required) errors[field] = `Vui lòng nhập ${label.toLowerCase()}.`;
    return null;
  }
  const d = parseDay(raw);
  if (!d) errors[field] = `${label} ${BAD_DAY}`;
  return d;
}

export function checkProjectForm(form: ProjectForm): { values?: ProjectValues; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const take = <T>(field: string, c: { value: T; error?: string }) => {
    if (c.error) errors[field] = c.error;
    return c.value;
  };
  const name = take('name', line(form.name, { label: 'tên dự án', max: 300 }));
  const investor = take('investor', line(form.investor, { label: 'chủ đầu tư', max: 200 }));
  const capitalSource = take('capital_source', line(form.capital_source, { label: 'nguồn vốn', max: 200, optional: true }));
  const location = take('location', line(form.location, { label: 'địa điểm', max: 300 }));
  const summary = take('summary', text(form.summary, { label: 'nội dung, quy mô', max: 5000, optional: true }));
  let capital: number | null = null;
  if (form.capital.trim()) {
    capital = parseCapital(form.capital);
    if (capital === null) errors.capital = 'Tổng mức đầu tư không hợp lệ: nhập số đồng (ví dụ 12.400.000.000) hoặc “12,4 tỷ”, “850 triệu”.';
  }
  const start = day(errors, 'start_on', form.start_on, 'Ngày khởi công', false);
  const finish = day(errors, 'finish_on', form.finish_on, 'Ngày hoàn thành', false);
  if (start && finish && finish < start) errors.finish_on = 'Ngày hoàn thành không được trước ngày khởi công.';
  const progressText = form.progress.trim().replace(/\s*%$/, '');
  const progress = /^\d{1,3}$/.test(progressText) ? Number(progressText) : NaN;
  if (!(progress >= 0 && progress <= 100)) errors.progress = 'Tiến độ là số phần trăm từ 0 đến 100.';
  const status = (Object.keys(STATUS_NAMES) as ProjectStatus[]).find((s) => s === form.status);
  if (!status) errors.status = 'Vui lòng chọn tình trạng dự án.';
  else if (status === 'hoan-thanh' && progress < 100 && !errors.progress) errors.progress = 'Dự án hoàn thành phải có tiến độ 100%.';
  if (Object.keys(errors).length || !status) return { errors };
  return {
    errors,
    values: { name, investor, capital_vnd: capital, capital_source: capitalSource, location, start_on: start, finish_on: finish, progress, status, summary, published: form.published === '1' ? 1 : 0 },
  };
}

export interface NoticeForm { kind: string; title: string; issued_on: string; deadline_on: string; body: string }
export const EMPTY_NOTICE: NoticeForm = { kind: '', title: '', issued_on: '', deadline_on: '', body: '' };
export interface NoticeValues { kind: NoticeKind; title: string; issued_on: string; deadline_on: string | null; body: string }

export function checkNoticeForm(form: NoticeForm): { values?: NoticeValues; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const kind = (Object.keys(NOTICE_KINDS) as NoticeKind[]).find((k) => k === form.kind);
  if (!kind) errors.kind = 'Vui lòng chọn loại thông báo.';
  const title = line(form.title, { label: 'tiêu đề thông báo', max: 300 });
  if (title.error) errors.title = title.error;
  const body = text(form.body, { label: 'nội dung', max: 10000, optional: true });
  if (body.error) errors.body = body.error;
  const issued = day(errors, 'issued_on', form.issued_on, 'Ngày thông báo', true);
  const deadline = day(errors, 'deadline_on', form.deadline_on, 'Hạn', false);
  if (issued && deadline && deadline < issued) errors.deadline_on = 'Hạn không được trước ngày thông báo.';
  if (Object.keys(errors).length || !kind || !issued) return { errors };
  return { errors, values: { kind, title: title.value, issued_on: issued, deadline_on: deadline, body: body.value } };
}

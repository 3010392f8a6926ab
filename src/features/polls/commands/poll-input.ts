import { fromLocalTime, localParts } from '../../../kernel/lib/format.js';
import { cleanLine, searchFold } from '../../../kernel/lib/text.js';
import type { PollOptionRow, PollRow, ResultsVisibility } from '../../../kernel/db/tables/polls.js';

/**
 * The back-office poll form: field names, cleaning and Vietnamese messages. Existing options are
 * fields "pa_<id>" (emptying one removes it, unless it has votes); new ones are "pa_moi" fields.
 */
export const MIN_OPTIONS = 2;
export const MAX_OPTIONS = 10;
export const LIMITS = { question: 300, option: 200 } as const;

export interface PollForm {
  question: string;
  multiple: string;
  max_choices: string;
  opens_at: string;
  closes_at: string;
  results: string;
  published: string;
  /** Existing options by id, as typed. */
  existing: { id: number; label: string }[];
  /** New options, as typed (empty ones are ignored). */
  added: string[];
}

export const emptyPollForm = (nowLocal: string): PollForm => ({
  question: '', multiple: '0', max_choices: '', opens_at: nowLocal, closes_at: '', results: 'always', published: '', existing: [], added: ['', '', '', ''],
});

/** "YYYY-MM-DDTHH:mm" in Vietnam for a datetime-local input. */
export function localInput(iso: string | null): string {
  if (!iso) return '';
  const p = localParts(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${p.year}-${pad(p.month)}-${pad(p.day)}T${pad(p.hour)}:${pad(p.minute)}`;
}

export function formOfPoll(p: PollRow, options: PollOptionRow[]): PollForm {
  return {
    question: p.question,
    multiple: p.multiple ? '1' : '0',
    max_choices: p.max_choices ? String(p.max_choices) : '',
    opens_at: localInput(p.opens_at),
    closes_at: localInput(p.closes_at),
    results: p.results_visibility,
    published: p.published ? '1' : '',
    existing: options.map((o) => ({ id: o.id, label: o.label })),
    added: ['', ''],
  };
}

export interface CleanPoll {
  question: string;
  multiple: number;
  max_choices: number;
  opens_at: string;
  closes_at: string | null;
  results_visibility: ResultsVisibility;
  published: number;
  existing: { id: number; label: string }[];
  added: string[];
}

function parseLocal(raw: string): string | null | 'bad' {
  const s = raw.trim();
  if (!s) return null;
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(s.slice(0, 16))) return 'bad';
  const iso = fromLocalTime(s.slice(0, 16));
  return Number.isNaN(Date.parse(iso)) ? 'bad' : iso;
}

/** Checks everything that does not need the database; the vote-dependent rules are in save-poll.ts. */
export function validatePoll(f: PollForm): { value: CleanPoll; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const question = cleanLine(f.question);
  if (!question) errors.cau_hoi = 'Vui lòng nhập câu hỏi.';
  else if ([...question].length > LIMITS.question) errors.cau_hoi = `Câu hỏi dài tối đa ${LIMITS.question} ký tự.`;

  const existing = f.existing.map((o) => ({ id: o.id, label: cleanLine(o.label) }));
  const added = f.added.map(cleanLine).filter(Boolean);
  const seen = new Set<string>();
  const all = [...existing.filter((o) => o.label).map((o) => ({ key: `pa_${o.id}`, label: o.label })), ...added.map((label) => ({ key: 'pa_moi', label }))];
  for (const o of all) {
    if ([...o.label].length > LIMITS.option) errors[o.key] ??= `Mỗi phương án dài tối đa ${LIMITS.option} ký tự.`;
    const k = searchFold(o.label);
    if (seen.has(k)) errors[o.key] ??= `Phương án “${o.label}” bị trùng.`;
    seen.add(k);
  }
  if (all.length < MIN_OPTIONS) errors.phuong_an = `Cần ít nhất ${MIN_OPTIONS} phương án.`;
  if (all.length > MAX_OPTIONS) errors.phuong_an = `Tối đa ${MAX_OPTIONS} phương án (hiện có ${all.length}).`;

  const multiple = f.multiple === '1' ? 1 : 0;
  let max_choices = 0;
  if (multiple && f.max_choices.trim()) {
    const n = /^\d{1,2}$/.test(f.max_choices.trim()) ? Number(f.max_choices.trim()) : NaN;
    if (!(n >= 1 && n <= Math.max(all.length, 1))) errors.toi_da = `Số phương án được chọn tối đa phải từ 1 đến ${all.length || MAX_OPTIONS}, hoặc để trống (không giới hạn).`;
    else max_choices = n === all.length ? 0 : n;
  }

  const opens = parseLocal(f.opens_at);
  const closes = parseLocal(f.closes_at);
  if (opens === null) errors.bat_dau = 'Vui lòng nhập thời gian bắt đầu.';
  if (opens === 'bad') errors.bat_dau = 'Thời gian bắt đầu không hợp lệ (ngày/tháng/năm giờ:phút).';
  if (closes === 'bad') errors.ket_thuc = 'Thời gian kết thúc không hợp lệ (ngày/tháng/năm giờ:phút).';
  if (typeof opens === 'string' && opens !== 'bad' && typeof closes === 'string' && closes !== 'bad' && closes <= opens) {
    errors.ket_thuc = 'Thời gian kết thúc phải sau thời gian bắt đầu.';
  }
  const results_visibility: ResultsVisibility = f.results === 'after_vote' ? 'after_vote' : 'always';
  return {
    value: {
      question, multiple, max_choices, results_visibility, published: f.published === '1' ? 1 : 0,
      opens_at: typeof opens === 'string' && opens !== 'bad' ? opens : '',
      closes_at: typeof closes === 'string' && closes !== 'bad' ? closes : null,
      existing, added,
    },
    errors,
  };
}

import { fromLocalTime, localParts } from '../../kernel/lib/format.js';
import type { AlertSeverity, AlertsTable } from '../../kernel/db/tables/alerts.js';

/** The notice form as typed; field names match the form's inputs. */
export interface AlertForm {
  title: string;
  body: string;
  severity: string;
  link: string;
  /** Vietnamese wall-clock times, as a datetime-local input sends them ("2026-12-03T14:00") or typed ("03/12/2026 14:00"). */
  starts: string;
  ends: string;
}

export const EMPTY_ALERT: AlertForm = { title: '', body: '', severity: 'urgent', link: '', starts: '', ends: '' };

/** What a valid form gives: the notice's own columns. */
export type AlertValues = Pick<AlertsTable, 'title' | 'body' | 'severity' | 'link' | 'starts_at' | 'ends_at'>;

export const SEVERITY_NAMES: Record<AlertSeverity, string> = { urgent: 'Khẩn cấp', advisory: 'Lưu ý' };

export const TITLE_MAX = 150;
export const BODY_MAX = 1000;
export const LINK_MAX = 500;

const pad = (n: number) => String(n).padStart(2, '0');

/** An ISO instant as the form shows it (Vietnamese wall clock, datetime-local format). */
export function toLocalInput(iso: string): string {
  const p = localParts(iso);
  return `${p.year}-${pad(p.month)}-${pad(p.day)}T${pad(p.hour)}:${pad(p.minute)}`;
}

/** "2026-12-03T14:00", "2026-12-03 14:00", "03/12/2026 14:00", "3/12/2026 14h" → ISO UTC; null when it is no real time. */
export function parseLocalTime(raw: string): string | null {
  const s = raw.trim();
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})[T ](\d{1,2})[:h](\d{2})?$/.exec(s);
  const vn = /^(\d{1,2})\/(\d{1,2})\/(\d{4}),?\s+(\d{1,2})[:h](\d{2})?$/.exec(s);
  const parts = iso ? [iso[1], iso[2], iso[3], iso[4], iso[5]] : vn ? [vn[3], vn[2], vn[1], vn[4], vn[5]] : null;
  if (!parts) return null;
  const [y, mo, d, h, mi] = parts.map((x) => Number(x ?? 0)) as [number, number, number, number, number];
  if (y < 2000 || y > 2100 || mo < 1 || mo > 12 || d < 1 || h > 23 || mi > 59) return null;
  const local = `${y}-${pad(mo)}-${pad(d)}T${pad(h)}:${pad(mi)}`;
  const out = fromLocalTime(local);
  // 31/02 rolls over into March: not a real day.
  return toLocalInput(out) === local ? out : null;
}

/** NFC, spaces collapsed within lines, blank lines dropped (or all joined for one-line fields). */
function clean(raw: string, multiline: boolean): string {
  const lines = raw.normalize('NFC').split(/\r\n|\r|\n/).map((l) => l.replace(/\s+/g, ' ').trim()).filter(Boolean);
  return lines.join(multiline ? '\n' : ' ');
}

/** A site path ("/bai-viet/…", not "//host") or an absolute http(s) URL. */
function validLink(link: string): boolean {
  if (/^\/(?![/\\])\S*$/.test(link)) return true;
  if (!/^https?:\/\/\S+$/i.test(link)) return false;
  try {
    return !!new URL(link).hostname;
  } catch {
    return false;
  }
}

/**
 * Checks a typed notice; Vietnamese messages keyed by field. An empty start means now; the end
 * must come after the start and, for a new or changed time, not be past already (it would never show).
 */
export function validateAlert(form: AlertForm, now: Date): { ok: true; values: AlertValues } | { ok: false; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const title = clean(form.title, false);
  const body = clean(form.body, true);
  const link = form.link.trim();
  if (!title) errors.title = 'Vui lòng nhập tiêu đề thông báo.';
  else if (title.length > TITLE_MAX) errors.title = `Tiêu đề dài tối đa ${TITLE_MAX} ký tự (hiện có ${title.length}).`;
  if (!body) errors.body = 'Vui lòng nhập nội dung thông báo.';
  else if (body.length > BODY_MAX) errors.body = `Nội dung dài tối đa ${BODY_MAX} ký tự (hiện có ${body.length}).`;
  if (form.severity !== 'urgent' && form.severity !== 'advisory') errors.severity = 'Vui lòng chọn mức độ: Khẩn cấp hoặc Lưu ý.';
  if (link.length > LINK_MAX) errors.link = `Liên kết dài tối đa ${LINK_MAX} ký tự (hiện có ${link.length}).`;
  else if (link && !validLink(link)) errors.link = 'Liên kết phải là địa chỉ bắt đầu bằng https:// hoặc http://, hoặc đường dẫn trong cổng bắt đầu bằng /, ví dụ /bai-viet/….';
  const starts = form.starts.trim() ? parseLocalTime(form.starts) : now.toISOString();
  if (starts === null) errors.starts = 'Thời điểm bắt đầu không hợp lệ, ví dụ 03/12/2026 14:00.';
  const ends = form.ends.trim() ? parseLocalTime(form.ends) : null;
  if (!form.ends.trim()) errors.ends = 'Vui lòng nhập thời điểm kết thúc.';
  else if (ends === null) errors.ends = 'Thời điểm kết thúc không hợp lệ, ví dụ 05/12/2026 18:00.';
  else if (starts && ends <= starts) errors.ends = 'Thời điểm kết thúc phải sau thời điểm bắt đầu.';
  else if (ends <= now.toISOString()) errors.ends = 'Thời điểm kết thúc đã qua: thông báo sẽ không hiển thị. Hãy chọn một thời điểm sau bây giờ.';
  if (Object.keys(errors).length) return { ok: false, errors };
  return { ok: true, values: { title, body, severity: form.severity as AlertSeverity, link, starts_at: starts!, ends_at: ends! } };
}

/** vi-VN formatting: numbers "2.763.801", decimals "4,5", dates in Asia/Ho_Chi_Minh. */

export const TIME_ZONE = 'Asia/Ho_Chi_Minh';
/** Vietnam has had no daylight-saving time since 1975: a fixed offset is exact for our dates. */
const OFFSET_MS = 7 * 3600_000;

const numberFormat = new Intl.NumberFormat('vi-VN');
const WEEKDAYS = ['Chủ Nhật', 'Thứ Hai', 'Thứ Ba', 'Thứ Tư', 'Thứ Năm', 'Thứ Sáu', 'Thứ Bảy'];

export function formatNumber(n: number): string {
  return numberFormat.format(n);
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** The wall-clock parts of an instant in Vietnam. */
export function localParts(iso: string | Date) {
  const t = (typeof iso === 'string' ? new Date(iso) : iso).getTime() + OFFSET_MS;
  const d = new Date(t);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    weekday: d.getUTCDay(),
  };
}

/** "Thứ Sáu, 15/10/2021 08:30" */
export function formatDateTime(iso: string | Date): string {
  const p = localParts(iso);
  return `${WEEKDAYS[p.weekday]}, ${pad(p.day)}/${pad(p.month)}/${p.year} ${pad(p.hour)}:${pad(p.minute)}`;
}

/** "15/10/2021" */
export function formatDate(iso: string | Date): string {
  const p = localParts(iso);
  return `${pad(p.day)}/${pad(p.month)}/${p.year}`;
}

/** "ngày 26 tháng 11 năm 2026" */
export function formatLongDate(iso: string | Date): string {
  const p = localParts(iso);
  return `ngày ${pad(p.day)} tháng ${pad(p.month)} năm ${p.year}`;
}

/** "YYYY-MM-DD" of the Vietnamese calendar day (used by legacy URLs). */
export function localIsoDate(iso: string | Date): string {
  const p = localParts(iso);
  return `${p.year}-${pad(p.month)}-${pad(p.day)}`;
}

/** Parses a Vietnamese wall-clock time "YYYY-MM-DDTHH:mm" into an ISO UTC string. */
export function fromLocalTime(local: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(local);
  if (!m) throw new Error(`Not a local time: ${local}`);
  const [, y, mo, d, h, mi] = m.map(Number) as number[];
  return new Date(Date.UTC(y!, mo! - 1, d!, h!, mi!) - OFFSET_MS).toISOString();
}

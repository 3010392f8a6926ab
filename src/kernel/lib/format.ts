/** vi-VN formatting: numbers "2.763.801", decimals "4,5", dates in Asia/Ho_Chi_Minh. */

export const TIME_ZONE = 'Asia/Ho_Chi_Minh';
/** Vietnam has had no daylight-saving time since 1975: a fixed offset is exact for our dates. */
const OFFSET_MS = 7 * 3600_000;

const WEEKDAYS = ['Chủ Nhật', 'Thứ Hai', 'Thứ Ba', 'Thứ Tư', 'Thứ Năm', 'Thứ Sáu', 'Thứ Bảy'];

export interface NumberStyle {
  /** Fraction digits always shown (0 by default). */
  minimumFractionDigits?: number;
  /** Fraction digits at most, rounded half away from zero (as Intl's defaults: 3, and 0 for a percent). */
  maximumFractionDigits?: number;
  /** "42,9%": the number times 100, then a percent sign. */
  percent?: boolean;
}

/**
 * A number as vi-VN writes it: "2.763.801", "4,5", "42,9%"; the very text of
 * `Intl.NumberFormat('vi-VN', …)` (test/lib/vi-format.test.ts compares them). Written out by
 * hand because the first Intl formatter a process makes loads ~7.5 MB of ICU data into it, and
 * every public page shows a number: a worker that only serves pages never needs ICU's.
 */
export function formatNumber(n: number, style: NumberStyle = {}): string {
  const min = style.minimumFractionDigits ?? 0;
  const max = Math.max(min, style.maximumFractionDigits ?? (style.percent ? 0 : 3));
  // JavaScript's own digits of n (the shortest that read back as n), as ICU takes them.
  const written = String(Math.abs(n));
  const m = /^(\d+)(?:\.(\d+))?$/.exec(written);
  if (!m) return intlFallback(n, min, max, style.percent);
  let digits = m[1]! + (m[2] ?? '');
  let point = m[1]!.length + (style.percent ? 2 : 0);
  if (digits.length < point) digits = digits.padEnd(point, '0');
  // Rounded to `max` fraction digits, a 5 going away from zero.
  if (digits.length > point + max) {
    const up = digits.charCodeAt(point + max) >= 53; // '5'
    digits = digits.slice(0, point + max);
    if (up) {
      const carried = (BigInt(digits || '0') + 1n).toString().padStart(digits.length, '0');
      if (carried.length > digits.length) point++;
      digits = carried;
    }
  }
  let int = digits.slice(0, point).replace(/^0+(?=\d)/, '') || '0';
  let frac = digits.slice(point).replace(/0+$/, '');
  if (frac.length < min) frac = frac.padEnd(min, '0');
  int = int.replace(/\B(?=(\d{3})+$)/g, '.');
  const negative = n < 0 || Object.is(n, -0);
  return `${negative ? '-' : ''}${int}${frac ? `,${frac}` : ''}${style.percent ? '%' : ''}`;
}

/** NaN, infinities and numbers JavaScript writes with an exponent (1e21 and beyond, 1e-7 and below). */
function intlFallback(n: number, min: number, max: number, percent?: boolean): string {
  return new Intl.NumberFormat('vi-VN', { minimumFractionDigits: min, maximumFractionDigits: max, ...(percent ? { style: 'percent' } : {}) }).format(n);
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

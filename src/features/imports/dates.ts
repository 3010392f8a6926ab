/**
 * The dates of an import: ISO 8601 with an offset ("2019-05-05T08:30:00+07:00", "…Z") are taken
 * as they are; without one ("2019-05-05 08:30", "2019-05-05") they are wall-clock times of the
 * source's time zone (IANA name, default Asia/Ho_Chi_Minh), daylight saving included.
 */
const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;

export const DEFAULT_TIME_ZONE = 'Asia/Ho_Chi_Minh';

export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** Milliseconds the zone is ahead of UTC at the instant `utcMs`. */
function zoneOffset(utcMs: number, zone: string): number {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone: zone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' });
    formatters.set(zone, f);
  }
  const p = Object.fromEntries(f.formatToParts(new Date(utcMs)).map((x) => [x.type, x.value]));
  const wall = Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute), Number(p.second));
  return wall - Math.floor(utcMs / 1000) * 1000;
}

/** The instant as an ISO UTC string, or null when the text is not a real date and time. */
export function parseImportDate(text: string, zone: string): string | null {
  const m = ISO.exec(text.trim());
  if (!m) return null;
  const [y, mo, d, h = 0, mi = 0, s = 0] = [1, 2, 3, 4, 5, 6].map((i) => (m[i] === undefined ? undefined : Number(m[i]))) as number[];
  const ms = m[7] ? Number(m[7].slice(0, 3).padEnd(3, '0')) : 0;
  if (mo! < 1 || mo! > 12 || d! < 1 || h > 23 || mi > 59 || s > 59) return null;
  const wall = Date.UTC(y!, mo! - 1, d!, h, mi, s, ms);
  const check = new Date(wall);
  if (check.getUTCFullYear() !== y || check.getUTCMonth() !== mo! - 1 || check.getUTCDate() !== d) return null;
  if (y! < 1900 || y! > 2200) return null;
  const offset = m[8];
  if (offset) {
    if (/^z$/i.test(offset)) return new Date(wall).toISOString();
    const om = /^([+-])(\d{2}):?(\d{2})?$/.exec(offset)!;
    const minutes = Number(om[2]) * 60 + Number(om[3] ?? 0);
    return new Date(wall - (om[1] === '-' ? -1 : 1) * minutes * 60_000).toISOString();
  }
  // Wall-clock time: the offset at the guessed instant, then again at the corrected one (DST edges).
  let utc = wall - zoneOffset(wall, zone);
  utc = wall - zoneOffset(utc, zone);
  return new Date(utc).toISOString();
}

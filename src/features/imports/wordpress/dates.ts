/**
 * A WordPress date for an import record. WordPress stores each date twice: in the site's own time
 * zone (`post_date`) and in UTC (`post_date_gmt`). When both are there the result keeps the local
 * clock time and states its offset ("2025-03-15T08:15:00+07:00"); drafts and pending posts have
 * no UTC date ("0000-00-00 00:00:00"), and then the local time is given without an offset, which
 * the import reads in the source's time zone. Null when neither is a date.
 */
const MYSQL = /^(\d{4}-\d\d-\d\d) (\d\d:\d\d:\d\d)$/;

export function wordpressDate(local: string, gmt: string): string | null {
  const l = real(local);
  const g = real(gmt);
  if (l && g) {
    const minutes = Math.round((Date.parse(`${l}Z`) - Date.parse(`${g}Z`)) / 60_000);
    const sign = minutes < 0 ? '-' : '+';
    const abs = Math.abs(minutes);
    return `${l}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
  }
  if (l) return l;
  if (g) return `${g}Z`;
  return null;
}

/** "2025-03-15 08:15:00" → "2025-03-15T08:15:00"; null for WordPress's zero date or anything else. */
function real(value: string): string | null {
  const m = MYSQL.exec(value.trim());
  if (!m || m[1]!.startsWith('0000')) return null;
  const iso = `${m[1]}T${m[2]}`;
  return Number.isNaN(Date.parse(`${iso}Z`)) ? null : iso;
}

const pad = (n: number) => String(n).padStart(2, '0');

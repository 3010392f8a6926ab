/**
 * CSV for Excel (RFC 4180): UTF-8 with a byte-order mark (without it Excel reads Vietnamese as
 * mojibake), CRLF line ends, every field quoted with inner quotes doubled. A cell starting with
 * = + - @ (or a tab or carriage return) is prefixed with ' so that a spreadsheet does not run it
 * as a formula (CSV injection).
 */
export function csvCell(value: string | number | null | undefined): string {
  const v = value === null || value === undefined ? '' : String(value);
  const safe = /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
  return `"${safe.replace(/"/g, '""')}"`;
}

/** The whole file: a header row, then one row per record. */
export function csvText(header: readonly string[], rows: readonly (readonly (string | number | null | undefined)[])[]): string {
  const lines = [header.map(csvCell).join(',')];
  for (const r of rows) lines.push(r.map(csvCell).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

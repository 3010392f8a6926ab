/**
 * A CSV file as rows of fields (RFC 4180: comma-separated, fields in double quotes may hold
 * commas, quotes doubled and line breaks), UTF-8 with or without a BOM. Each row keeps the line
 * it starts on, for messages; blank lines are skipped. Text is NFC.
 */
export function parseCsv(text: string): { line: number; fields: string[] }[] {
  const src = text.replace(/^\uFEFF/, '').normalize('NFC');
  const rows: { line: number; fields: string[] }[] = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let start = 1;
  const endRow = () => {
    fields.push(field);
    if (fields.some((f) => f.trim() !== '')) rows.push({ line: start, fields });
    fields = [];
    field = '';
  };
  for (let i = 0; i < src.length; i++) {
    const c = src[i]!;
    if (quoted) {
      if (c === '"' && src[i + 1] === '"') (field += '"'), i++;
      else if (c === '"') quoted = false;
      else {
        if (c === '\n') line++;
        field += c;
      }
    } else if (c === '"' && field.trim() === '') {
      quoted = true;
      field = '';
    } else if (c === ',') {
      fields.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && src[i + 1] === '\n') i++;
      endRow();
      line++;
      start = line;
    } else field += c;
  }
  if (quoted) throw new CsvError(start, 'thiếu dấu " đóng.');
  endRow();
  return rows;
}

export class CsvError extends Error {
  constructor(readonly line: number, detail: string) {
    super(`Dòng ${line}: ${detail}`);
  }
}

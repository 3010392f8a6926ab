import { fixLegacyHtml, fixLegacyText } from '../../kernel/lib/legacy-encoding.js';
import { cleanLine, cleanParagraphs } from '../../kernel/lib/text.js';
import { parseImportDate } from './dates.js';
import { ImportError } from './import-error.js';
import type { ImportRecord } from './records.js';

/**
 * Reads the fields of one record, each check failing with the record's line, kind and id named:
 * "Dòng 17 (bài viết “123”): thiếu tiêu đề (title)." Texts come out NFC and out of TCVN3/VNI.
 */
export class Fields {
  itemId: string | null = null;

  constructor(
    private readonly raw: Record<string, unknown>,
    readonly line: number,
    readonly kind: ImportRecord['type'],
  ) {}

  fail(problem: string): never {
    throw ImportError.at(this.line, this.kind, this.itemId, problem);
  }

  private has(name: string): boolean {
    const v = this.raw[name];
    return v !== undefined && v !== null && v !== '';
  }

  /** The source's id of an item: a non-empty string, or an integer written as a number. */
  id(name: string, label: string, required: true): string;
  id(name: string, label: string, required: false): string | null;
  id(name: string, label: string, required: boolean): string | null {
    const v = this.raw[name];
    if (!this.has(name)) {
      if (required) this.fail(`thiếu ${label} (${name}).`);
      return null;
    }
    if (typeof v === 'number' && Number.isSafeInteger(v)) return String(v);
    if (typeof v !== 'string' || !v.trim() || v.length > 200) this.fail(`${label} (${name}) phải là chuỗi khác rỗng, tối đa 200 ký tự.`);
    return v.trim();
  }

  ids(name: string, label: string, required: boolean): string[] {
    const v = this.raw[name];
    if (v === undefined || v === null) {
      if (required) this.fail(`thiếu ${label} (${name}).`);
      return [];
    }
    if (!Array.isArray(v)) this.fail(`${label} (${name}) phải là một danh sách mã.`);
    const out = v.map((x) => (typeof x === 'number' && Number.isSafeInteger(x) ? String(x) : typeof x === 'string' && x.trim() ? x.trim() : this.fail(`${label} (${name}) chỉ gồm mã là chuỗi khác rỗng.`)));
    if (required && !out.length) this.fail(`thiếu ${label} (${name}).`);
    return out;
  }

  /** One line of text (title, name). */
  text(name: string, label: string, opts: { required?: boolean; max: number }): string {
    const v = this.raw[name];
    if (v !== undefined && v !== null && typeof v !== 'string') this.fail(`${label} (${name}) phải là chuỗi.`);
    const s = typeof v === 'string' ? cleanLine(fixLegacyText(v)) : '';
    if (!s && opts.required) this.fail(`thiếu ${label} (${name}).`);
    if (s.length > opts.max) this.fail(`${label} (${name}) dài tối đa ${opts.max} ký tự (hiện có ${s.length}).`);
    return s;
  }

  /** Plain text in paragraphs (a comment). */
  paragraphs(name: string, label: string, max: number): string {
    const v = this.raw[name];
    if (v !== undefined && v !== null && typeof v !== 'string') this.fail(`${label} (${name}) phải là chuỗi.`);
    const s = typeof v === 'string' ? cleanParagraphs(fixLegacyText(v)) : '';
    if (!s) this.fail(`thiếu ${label} (${name}).`);
    if (s.length > max) this.fail(`${label} (${name}) dài tối đa ${max} ký tự (hiện có ${s.length}).`);
    return s;
  }

  /** An HTML body, converted out of old encodings; sanitised when it is written. */
  html(name: string, label: string, max: number): string {
    const v = this.raw[name];
    if (typeof v !== 'string') this.fail(v === undefined || v === null ? `thiếu ${label} (${name}).` : `${label} (${name}) phải là chuỗi HTML.`);
    if (v.length > max) this.fail(`${label} (${name}) quá dài (tối đa ${max} ký tự).`);
    return fixLegacyHtml(v);
  }

  oneOf<T extends string>(name: string, label: string, values: readonly T[]): T {
    const v = this.raw[name];
    if (!this.has(name)) this.fail(`thiếu ${label} (${name}).`);
    if (typeof v !== 'string' || !values.includes(v as T)) this.fail(`${label} (${name}) “${String(v)}” không hợp lệ; chỉ nhận: ${values.join(', ')}.`);
    return v as T;
  }

  date(name: string, label: string, zone: string): string {
    const v = this.raw[name];
    if (!this.has(name)) this.fail(`thiếu ${label} (${name}).`);
    const at = typeof v === 'string' ? parseImportDate(v, zone) : null;
    if (!at) this.fail(`${label} (${name}) “${String(v)}” không hợp lệ; viết theo ISO 8601, ví dụ 2019-05-05T08:30:00+07:00 hoặc 2019-05-05 08:30.`);
    return at;
  }

  int(name: string, label: string, required = false): number | null {
    const v = this.raw[name];
    if (v === undefined || v === null) {
      if (required) this.fail(`thiếu ${label} (${name}).`);
      return null;
    }
    if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < 0) this.fail(`${label} (${name}) phải là số nguyên không âm.`);
    return v;
  }

  bool(name: string, label: string): boolean {
    const v = this.raw[name];
    if (v === undefined || v === null) return false;
    if (typeof v !== 'boolean') this.fail(`${label} (${name}) phải là true hoặc false.`);
    return v;
  }

  /** Old addresses: paths ("/?p=12") or whole http(s) URLs. */
  oldUrls(): string[] {
    const v = this.raw.oldUrls;
    if (v === undefined || v === null) return [];
    if (!Array.isArray(v)) this.fail('địa chỉ cũ (oldUrls) phải là một danh sách.');
    return v.map((u) => {
      if (typeof u !== 'string' || !isOldAddress(u)) this.fail(`địa chỉ cũ “${String(u)}” không hợp lệ: cần một đường dẫn bắt đầu bằng “/” hoặc một địa chỉ http(s) đầy đủ.`);
      return u.trim();
    });
  }
}

export function isOldAddress(u: string): boolean {
  const s = u.trim();
  return s.length > 0 && s.length <= 2000 && !/\s/.test(s) && (/^\/(?!\/)/.test(s) || /^https?:\/\/[^/?#\s]+/i.test(s));
}

import { searchFold, slugify } from '../../../kernel/lib/text.js';
import { ONLINE_LEVELS, PROCEDURE_FIELDS, portalUrlFor } from '../fields.js';

export interface ProcedureForm {
  title: string;
  code: string;
  field: string;
  level: string;
  duration: string;
  fee: string;
  dossier: string;
  method: string;
  portal_url: string;
  online_level: string;
  published: string;
}

export const EMPTY_PROCEDURE: ProcedureForm = {
  title: '', code: '', field: '', level: 'Cấp xã', duration: '', fee: '', dossier: '', method: '', portal_url: '', online_level: '', published: '1',
};

export interface ProcedureValues {
  title: string;
  slug: string;
  code: string;
  field: string;
  level: string;
  duration: string;
  fee: string;
  dossier: string;
  method: string;
  portal_url: string;
  online_level: string;
  published: number;
  search_text: string;
}

/** Codes of the national database of procedures: "1.001193", "2.000908", or a local "1.004746.000.00.00.H12". */
const CODE_RE = /^\d\.\d{6}(?:\.[0-9A-Za-z]+)*$/;

function clean(raw: string, multiline: boolean): string {
  const lines = raw.normalize('NFC').split(/\r\n|\r|\n/).map((l) => l.replace(/\s+/g, ' ').trim()).filter(Boolean);
  return multiline ? lines.join('\n') : lines.join(' ');
}

/** Only https addresses: citizens are sent there to file applications with personal data. */
export function portalUrlError(raw: string): string | undefined {
  const s = raw.trim();
  if (s.length > 1000) return 'Địa chỉ liên kết dài tối đa 1000 ký tự.';
  let u: URL;
  try {
    u = new URL(s);
  } catch {
    return 'Địa chỉ liên kết không hợp lệ, ví dụ https://dichvucong.gov.vn/….';
  }
  if (u.protocol !== 'https:' || !/^https:\/\//i.test(s)) return 'Địa chỉ liên kết phải bắt đầu bằng https://.';
  if (u.username || u.password || !u.hostname.includes('.') || /\s/.test(s)) return 'Địa chỉ liên kết không hợp lệ, ví dụ https://dichvucong.gov.vn/….';
  return undefined;
}

const TEXTS: { key: 'title' | 'level' | 'duration' | 'fee' | 'dossier' | 'method'; label: string; max: number; multiline: boolean }[] = [
  { key: 'title', label: 'Tên thủ tục', max: 300, multiline: false },
  { key: 'level', label: 'Cấp thực hiện', max: 100, multiline: false },
  { key: 'duration', label: 'Thời hạn giải quyết', max: 500, multiline: true },
  { key: 'fee', label: 'Phí, lệ phí', max: 500, multiline: true },
  { key: 'dossier', label: 'Thành phần hồ sơ', max: 5000, multiline: true },
  { key: 'method', label: 'Cách thức thực hiện', max: 3000, multiline: true },
];

export function validateProcedure(form: ProcedureForm): { ok: true; values: ProcedureValues } | { ok: false; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const t = {} as Record<(typeof TEXTS)[number]['key'], string>;
  for (const f of TEXTS) {
    t[f.key] = clean(form[f.key], f.multiline);
    if (t[f.key].length > f.max) errors[f.key] = `${f.label} dài tối đa ${f.max} ký tự (hiện có ${t[f.key].length}).`;
  }
  if (!t.title && !errors.title) errors.title = 'Vui lòng nhập tên thủ tục.';
  else if (t.title && !slugify(t.title)) errors.title = 'Tên thủ tục cần có chữ cái hoặc chữ số.';
  const code = form.code.trim();
  if (code && !CODE_RE.test(code)) errors.code = 'Mã thủ tục không hợp lệ, ví dụ 1.001193.';
  const field = form.field.normalize('NFC').trim();
  if (!field) errors.field = 'Vui lòng chọn lĩnh vực.';
  else if (!(PROCEDURE_FIELDS as readonly string[]).includes(field)) errors.field = 'Lĩnh vực không có trong danh sách.';
  let portal = form.portal_url.trim();
  if (portal) {
    const e = portalUrlError(portal);
    if (e) errors.portal_url = e;
    else portal = new URL(portal).href;
  } else if (code) {
    portal = portalUrlFor(code);
  }
  if (!(form.online_level in ONLINE_LEVELS)) errors.online_level = 'Mức dịch vụ công trực tuyến không hợp lệ.';
  if (Object.keys(errors).length) return { ok: false, errors };
  return {
    ok: true,
    values: {
      ...t,
      level: t.level || 'Cấp xã',
      slug: slugify(t.title),
      code,
      field,
      portal_url: portal,
      online_level: form.online_level,
      published: form.published === '1' ? 1 : 0,
      search_text: searchFold(`${t.title} ${code} ${field}`),
    },
  };
}

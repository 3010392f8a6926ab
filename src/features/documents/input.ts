import { cleanLine, searchFold } from '../../kernel/lib/text.js';
import { id, take, type FieldErrors } from '../../kernel/forms.js';
import type { DocumentStatus } from '../../kernel/db/tables/documents.js';
import { STATUS_NAMES } from './present.js';
import { normaliseNumber, NUMBER_MAX, numberCode, numberFold } from './number.js';

/** The document form as typed (every field a string, so it can be shown back unchanged). */
export interface DocumentForm {
  number: string;
  type_id: string;
  issuer: string;
  signer: string;
  issued_on: string;
  effective_on: string;
  title: string;
  field: string;
  status: string;
  consultation_until: string;
  published: string;
}

export const EMPTY_DOCUMENT: DocumentForm = {
  number: '', type_id: '', issuer: '', signer: '', issued_on: '', effective_on: '', title: '', field: '',
  status: 'con-hieu-luc', consultation_until: '', published: '1',
};


export const LIMITS = { issuer: 200, signer: 200, title: 2000, field: 100 };

/** The checked values, ready to store (apart from the site, slug and timestamps). */
export interface DocumentValues {
  number: string;
  number_fold: string;
  number_code: string;
  type_id: number;
  issuer: string;
  signer: string;
  issued_on: string;
  effective_on: string | null;
  title: string;
  field: string;
  status: DocumentStatus;
  consultation_until: string | null;
  published: number;
}

/**
 * A calendar day typed as "2008-02-02" (the date picker) or "02/02/2008" (by hand): "YYYY-MM-DD",
 * or null when it is not a real day between 1945 and 2100.
 */
export function parseDay(raw: string): string | null {
  const s = raw.trim();
  let y: number, m: number, d: number;
  let match = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s);
  if (match) [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  else if ((match = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(s))) [d, m, y] = [Number(match[1]), Number(match[2]), Number(match[3])];
  else return null;
  const t = new Date(Date.UTC(y, m - 1, d));
  if (t.getUTCFullYear() !== y || t.getUTCMonth() !== m - 1 || t.getUTCDate() !== d || y < 1945 || y > 2100) return null;
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

const BAD_DAY = 'không hợp lệ. Nhập theo dạng ngày/tháng/năm, ví dụ 02/02/2008.';

/** Checks a posted form; the messages are keyed by field name and shown next to the field. */
export function checkDocumentForm(form: DocumentForm, typeIds: number[]): { values?: DocumentValues; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const rawNumber = cleanLine(form.number);
  const number = normaliseNumber(rawNumber);
  if (!rawNumber) errors.number = 'Vui lòng nhập số, ký hiệu văn bản, ví dụ 22-NQ/TW.';
  else if (rawNumber.length > NUMBER_MAX) errors.number = `Số, ký hiệu dài tối đa ${NUMBER_MAX} ký tự.`;
  else if (!number) errors.number = 'Số, ký hiệu không hợp lệ: gồm chữ số và chữ cái nối bằng dấu "-" hoặc "/", ví dụ 22-NQ/TW hoặc 123/QĐ-UBND.';

  const typeId = take(errors, 'type_id', id(form.type_id, { label: 'loại văn bản' }));
  if (typeId !== null && !typeIds.includes(typeId)) errors.type_id = 'Loại văn bản không có trong danh sách.';

  const text = (name: 'issuer' | 'signer' | 'title' | 'field', label: string, required: boolean) => {
    const v = cleanLine(form[name]);
    if (required && !v) errors[name] = `Vui lòng nhập ${label}.`;
    else if (v.length > LIMITS[name]) errors[name] = `${label[0]!.toUpperCase()}${label.slice(1)} dài tối đa ${LIMITS[name]} ký tự (hiện có ${v.length}).`;
    return v;
  };
  const issuer = text('issuer', 'cơ quan ban hành', true);
  const signer = text('signer', 'người ký', false);
  const title = text('title', 'trích yếu', true);
  const field = text('field', 'lĩnh vực', false);

  const issuedOn = form.issued_on.trim() ? parseDay(form.issued_on) : null;
  if (!form.issued_on.trim()) errors.issued_on = 'Vui lòng nhập ngày ban hành.';
  else if (!issuedOn) errors.issued_on = `Ngày ban hành ${BAD_DAY}`;
  const effectiveOn = form.effective_on.trim() ? parseDay(form.effective_on) : null;
  if (form.effective_on.trim() && !effectiveOn) errors.effective_on = `Ngày hiệu lực ${BAD_DAY}`;
  else if (issuedOn && effectiveOn && effectiveOn < issuedOn) errors.effective_on = 'Ngày hiệu lực không được trước ngày ban hành.';

  const status = (Object.keys(STATUS_NAMES) as DocumentStatus[]).find((s) => s === form.status);
  if (!status) errors.status = 'Vui lòng chọn tình trạng hiệu lực.';
  let until: string | null = null;
  if (status === 'du-thao' && form.consultation_until.trim()) {
    until = parseDay(form.consultation_until);
    if (!until) errors.consultation_until = `Hạn góp ý ${BAD_DAY}`;
    else if (issuedOn && until < issuedOn) errors.consultation_until = 'Hạn góp ý không được trước ngày ban hành.';
  }

  if (Object.keys(errors).length || !number || !status || !issuedOn) return { errors };
  return {
    errors,
    values: {
      number,
      number_fold: numberFold(number),
      number_code: numberCode(number),
      type_id: typeId!,
      issuer,
      signer,
      issued_on: issuedOn,
      effective_on: effectiveOn,
      title,
      field,
      status,
      consultation_until: until,
      published: form.published === '1' ? 1 : 0,
    },
  };
}

/** The padded fold the list and site search match words in. */
export function searchFoldOf(v: Pick<DocumentValues, 'number' | 'title' | 'issuer' | 'signer' | 'field'>, typeName: string): string {
  return ` ${[typeName, v.number, v.title, v.issuer, v.signer, v.field].map(searchFold).filter(Boolean).join(' ')} `;
}

import type { Db } from '../../kernel/db/connection.js';
import { csvText } from '../../kernel/lib/csv.js';
import { KIND_NAMES } from './legal-forms.js';
import { deadlineText, shortDay, timelinessText, timingOf } from './present.js';
import { listFiles, listReports } from './repo.js';
import { budgetUrls } from './urls.js';

const HEADER = ['Năm ngân sách', 'Loại', 'Kỳ báo cáo', 'Tên báo cáo', 'Biểu mẫu', 'Ngày quyết định', 'Hạn công khai', 'Ngày công khai', 'Đúng hạn', 'Địa chỉ', 'Tệp'];

/** The published reports, newest year first, one row each; the files as their download addresses. */
export async function budgetCsv(db: Db, siteId: number, origin: string): Promise<string> {
  const reports = await listReports(db, siteId);
  const files = await listFiles(db, siteId, reports.map((r) => r.id));
  return csvText(HEADER, reports.map((r) => {
    const t = timingOf(r);
    return [
      r.fiscal_year, KIND_NAMES[r.kind], t.slot.label, r.title, r.form_name, r.basis_on ? shortDay(r.basis_on) : '', t.deadline ? deadlineText(t) : '',
      shortDay(r.published_on), timelinessText(t), origin + budgetUrls.report(r),
      files.filter((f) => f.report_id === r.id).map((f) => origin + budgetUrls.file(f)).join(' '),
    ];
  }));
}

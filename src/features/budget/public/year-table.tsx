import type { BudgetFileRow, BudgetReportRow } from '../../../kernel/db/tables/budget.js';
import { deadlineOf, REPORT_SLOTS } from '../legal-forms.js';
import { deadlineText, shortDay, timelinessText, timingOf } from '../present.js';
import { budgetUrls } from '../urls.js';

/**
 * One year's reports as a table: a row for each report the law asks for, in the order of the
 * year; an empty row says the report is not public yet and, when its deadline has passed, that it
 * is overdue.
 */
export function YearTable({ year, reports, files, today }: { year: number; reports: BudgetReportRow[]; files: BudgetFileRow[]; today: string }) {
  return (
    <div class="table-scroll" role="region" aria-labelledby={`nam-${year}`} tabindex={0}>
      <table class="budget-table">
        <caption id={`nam-${year}`}>Báo cáo công khai ngân sách năm {year}</caption>
        <thead>
          <tr><th scope="col">Báo cáo, biểu mẫu</th><th scope="col">Hạn công khai</th><th scope="col">Ngày công khai</th><th scope="col">Tệp</th></tr>
        </thead>
        <tbody>
          {REPORT_SLOTS.map((slot) => {
            const r = reports.find((x) => x.kind === slot.kind && x.period === slot.period);
            if (!r) {
              const due = deadlineOf(slot, year, null);
              return (
                <tr class="budget-missing">
                  <th scope="row">{slot.label}<span class="budget-form">{slot.form}</span></th>
                  <td>{due ? shortDay(due) : 'Theo ngày HĐND quyết định'}</td>
                  <td colSpan={2}>{due && due < today ? <strong class="budget-late">Chưa công khai, đã quá hạn</strong> : 'Chưa công khai'}</td>
                </tr>
              );
            }
            const t = timingOf(r);
            const own = files.filter((f) => f.report_id === r.id);
            return (
              <tr>
                <th scope="row"><a href={budgetUrls.report(r)}>{slot.label}</a><span class="budget-form">{r.form_name}</span></th>
                <td>{deadlineText(t)}</td>
                <td>
                  <time dateTime={r.published_on}>{shortDay(r.published_on)}</time>
                  {t.deadline && <><br /><span class={t.late ? 'budget-late' : 'budget-on-time'}>{timelinessText(t)}</span></>}
                </td>
                <td>
                  {own.length ? (
                    <ul class="budget-files">
                      {own.map((f) => <li><a href={budgetUrls.file(f)} download>{f.ext.toUpperCase()}<span class="visually-hidden">: {f.original_name}</span></a></li>)}
                    </ul>
                  ) : '—'}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

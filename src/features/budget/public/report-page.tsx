import type { BudgetFileRow, BudgetReportRow } from '../../../kernel/db/tables/budget.js';
import type { Frame } from '../../../kernel/views/public/frame.js';
import { Layout } from '../../../kernel/views/public/layout.js';
import { formatBytes } from '../../media/present.js';
import { FILE_TYPES } from '../files.js';
import { DECISION_NAMES, KIND_NAMES, ruleText } from '../legal-forms.js';
import { deadlineText, longDay, timelinessText, timingOf } from '../present.js';
import { BUDGET_LABEL } from '../section.js';
import { budgetUrls } from '../urls.js';

export function ReportPage({ frame, report, files }: { frame: Frame; report: BudgetReportRow; files: BudgetFileRow[] }) {
  const t = timingOf(report);
  const path = budgetUrls.report(report);
  const decision = DECISION_NAMES[report.kind];
  return (
    <Layout
      frame={frame}
      meta={{ title: report.title, canonicalPath: path, current: 'sec:cong-khai-ngan-sach', description: `${report.title} (${report.form_name}), công khai ${longDay(report.published_on)}.` }}
      crumbs={[{ name: 'Trang chủ', href: '/' }, { name: BUDGET_LABEL, href: budgetUrls.index() }, { name: `Năm ${report.fiscal_year}`, href: budgetUrls.year(report.fiscal_year) }, { name: report.title, href: path }]}
    >
      <article class="budget-report">
        <h1 class="page-title">{report.title}</h1>
        <dl class="document-fields">
          <dt>Năm ngân sách</dt><dd>{report.fiscal_year}</dd>
          <dt>Loại báo cáo</dt><dd>{KIND_NAMES[report.kind]} – {t.slot.label.toLowerCase()}</dd>
          <dt>Biểu mẫu</dt><dd>{report.form_name} (Thông tư 343/2016/TT-BTC)</dd>
          {decision && report.basis_on && <><dt>{decision}</dt><dd><time dateTime={report.basis_on}>{longDay(report.basis_on)}</time></dd></>}
          <dt>Hạn công khai</dt><dd>{deadlineText(t)} <span class="muted">({ruleText(t.slot).toLowerCase()})</span></dd>
          <dt>Ngày công khai</dt>
          <dd>
            <time dateTime={report.published_on}>{longDay(report.published_on)}</time>
            {t.deadline && <> · <span class={t.late ? 'budget-late' : 'budget-on-time'}>{timelinessText(t)}</span></>}
          </dd>
        </dl>
        {report.note && report.note.split('\n').map((p) => <p>{p}</p>)}
        <section aria-labelledby="tep-bao-cao">
          <h2 id="tep-bao-cao" class="section-title">Tệp đính kèm</h2>
          {files.length ? (
            <ul class="document-files">
              {files.map((f) => (
                <li>
                  <a href={budgetUrls.file(f)} download>Tải về: {f.original_name}</a>{' '}
                  <span class="muted">({FILE_TYPES[f.ext as keyof typeof FILE_TYPES]?.label ?? f.ext.toUpperCase()}, {formatBytes(f.size_bytes)})</span>
                </li>
              ))}
            </ul>
          ) : (
            <p class="muted">Báo cáo chưa có tệp đính kèm.</p>
          )}
        </section>
        <p><a href={budgetUrls.year(report.fiscal_year)}>« Các báo cáo năm {report.fiscal_year}</a></p>
      </article>
    </Layout>
  );
}

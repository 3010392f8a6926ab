import type { BudgetFileRow, BudgetReportRow } from '../../../kernel/db/tables/budget.js';
import type { Frame } from '../../../kernel/views/public/frame.js';
import { Layout } from '../../../kernel/views/public/layout.js';
import { BUDGET_LABEL } from '../section.js';
import { budgetUrls } from '../urls.js';
import { YearTable } from './year-table.js';

/** /cong-khai-ngan-sach (the newest year) and /cong-khai-ngan-sach/nam-YYYY. */
export function BudgetPage({ frame, year, years, reports, files, today, isIndex }: {
  frame: Frame; year: number | null; years: number[]; reports: BudgetReportRow[]; files: BudgetFileRow[]; today: string; isIndex: boolean;
}) {
  const title = isIndex || year === null ? BUDGET_LABEL : `${BUDGET_LABEL} năm ${year}`;
  const path = isIndex || year === null ? budgetUrls.index() : budgetUrls.year(year);
  const crumbs = [{ name: 'Trang chủ', href: '/' }, { name: BUDGET_LABEL, href: budgetUrls.index() }];
  if (!isIndex && year !== null) crumbs.push({ name: `Năm ${year}`, href: path });
  return (
    <Layout
      frame={frame}
      meta={{ title, canonicalPath: path, current: 'sec:cong-khai-ngan-sach', description: `Dự toán, tình hình thực hiện và quyết toán ngân sách của ${frame.site.name}, theo Thông tư 343/2016/TT-BTC.` }}
      crumbs={crumbs}
    >
      <article class="budget">
        <h1 class="page-title">{title}</h1>
        <p>
          Dự toán, báo cáo tình hình thực hiện theo quý, 6 tháng, năm và quyết toán ngân sách, công khai theo Luật Ngân sách nhà nước
          năm 2015 (Điều 15) và Thông tư số 343/2016/TT-BTC của Bộ Tài chính.
        </p>
        {year === null ? (
          <p class="empty">Trang chưa công khai báo cáo ngân sách nào.</p>
        ) : (
          <>
            {years.length > 1 && (
              <nav class="budget-years" aria-label="Chọn năm ngân sách">
                <ul>
                  {years.map((y) => <li><a href={budgetUrls.year(y)} aria-current={y === year ? 'page' : undefined}>Năm {y}</a></li>)}
                </ul>
              </nav>
            )}
            <YearTable year={year} reports={reports} files={files} today={today} />
            <p class="budget-rules">
              Hạn công khai: dự toán và quyết toán chậm nhất 30 ngày kể từ ngày HĐND quyết định, phê chuẩn; báo cáo thực hiện
              quý, 6 tháng, năm chậm nhất 15 ngày sau khi kết thúc kỳ.
            </p>
          </>
        )}
        <p><a href={budgetUrls.csv()} type="text/csv" download>Tải danh sách báo cáo (CSV)</a></p>
      </article>
    </Layout>
  );
}

import type { Db } from '../../kernel/db/connection.js';
import type { BudgetFileRow, BudgetReportRow } from '../../kernel/db/tables/budget.js';
import { REPORT_SLOTS } from './legal-forms.js';

const slotIndex = (r: Pick<BudgetReportRow, 'kind' | 'period'>) => REPORT_SLOTS.findIndex((s) => s.kind === r.kind && s.period === r.period);

/** Newest year first, then in the order of the year's table. */
export function sortReports<T extends Pick<BudgetReportRow, 'fiscal_year' | 'kind' | 'period'>>(rows: T[]): T[] {
  return rows.sort((a, b) => b.fiscal_year - a.fiscal_year || slotIndex(a) - slotIndex(b));
}

/** Reports of a site (of one year when given); published ones only unless asked. */
export async function listReports(db: Db, siteId: number, o: { year?: number; drafts?: boolean } = {}): Promise<BudgetReportRow[]> {
  let q = db.selectFrom('budget_reports').selectAll().where('site_id', '=', siteId);
  if (o.year !== undefined) q = q.where('fiscal_year', '=', o.year);
  if (!o.drafts) q = q.where('published', '=', 1);
  return sortReports(await q.execute());
}

/** The years that have a published report, newest first. */
export async function listYears(db: Db, siteId: number): Promise<number[]> {
  const rows = await db.selectFrom('budget_reports').select('fiscal_year').distinct().where('site_id', '=', siteId).where('published', '=', 1).orderBy('fiscal_year', 'desc').execute();
  return rows.map((r) => r.fiscal_year);
}

export function findReport(db: Db, siteId: number, id: number, o: { drafts?: boolean } = {}): Promise<BudgetReportRow | undefined> {
  let q = db.selectFrom('budget_reports').selectAll().where('site_id', '=', siteId).where('id', '=', id);
  if (!o.drafts) q = q.where('published', '=', 1);
  return q.executeTakeFirst();
}

/** The files of these reports, oldest first. */
export async function listFiles(db: Db, siteId: number, reportIds: number[]): Promise<BudgetFileRow[]> {
  if (!reportIds.length) return [];
  return db.selectFrom('budget_report_files').selectAll().where('site_id', '=', siteId).where('report_id', 'in', reportIds).orderBy('id').execute();
}

/** A file of a published report. */
export function findPublishedFile(db: Db, siteId: number, id: number): Promise<BudgetFileRow | undefined> {
  return db
    .selectFrom('budget_report_files')
    .innerJoin('budget_reports', 'budget_reports.id', 'budget_report_files.report_id')
    .selectAll('budget_report_files')
    .where('budget_report_files.site_id', '=', siteId)
    .where('budget_reports.site_id', '=', siteId)
    .where('budget_reports.published', '=', 1)
    .where('budget_report_files.id', '=', id)
    .executeTakeFirst();
}

import type { ColumnDefinitionBuilder, Kysely } from 'kysely';
import type { Dialect } from '../connection.js';

type Col = (c: ColumnDefinitionBuilder) => ColumnDefinitionBuilder;

/**
 * Công khai ngân sách (budget disclosure reports and their files): tables in
 * src/kernel/db/tables/budget.ts.
 */
export async function up(db: Kysely<any>, dialect: Dialect): Promise<void> {
  const pk: Col = (c) => (dialect === 'postgres' ? c.primaryKey() : c.primaryKey().autoIncrement());
  const idType = dialect === 'postgres' ? 'serial' : 'integer';
  const site: Col = (c) => c.notNull().references('sites.id').onDelete('cascade');
  const text: Col = (c) => c.notNull().defaultTo('');
  const user: Col = (c) => c.references('users.id').onDelete('set null');

  await db.schema
    .createTable('budget_reports')
    .addColumn('id', idType, pk)
    .addColumn('site_id', 'integer', site)
    .addColumn('fiscal_year', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('form_name', 'text', text)
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('basis_on', 'text')
    .addColumn('published_on', 'text', (c) => c.notNull())
    .addColumn('note', 'text', text)
    .addColumn('published', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'integer', user)
    .addColumn('updated_by', 'integer', user)
    .execute();
  // One report per year and period: the year's table has one cell for each.
  await db.schema.createIndex('budget_reports_slot').on('budget_reports').columns(['site_id', 'fiscal_year', 'kind', 'period']).unique().execute();

  await db.schema
    .createTable('budget_report_files')
    .addColumn('id', idType, pk)
    .addColumn('site_id', 'integer', site)
    .addColumn('report_id', 'integer', (c) => c.notNull().references('budget_reports.id').onDelete('cascade'))
    .addColumn('original_name', 'text', (c) => c.notNull())
    .addColumn('disk_path', 'text', (c) => c.notNull())
    .addColumn('mime', 'text', (c) => c.notNull())
    .addColumn('ext', 'text', (c) => c.notNull())
    .addColumn('size_bytes', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('budget_report_files_report').on('budget_report_files').columns(['report_id', 'id']).execute();
}

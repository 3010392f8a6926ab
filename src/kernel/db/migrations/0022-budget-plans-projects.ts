import type { ColumnDefinitionBuilder, Kysely } from 'kysely';
import type { Dialect } from '../connection.js';

type Col = (c: ColumnDefinitionBuilder) => ColumnDefinitionBuilder;

/**
 * Công khai ngân sách (budget disclosure reports and their files: src/kernel/db/tables/budget.ts)
 * Dự án – Đấu thầu – GPMB (projects, their notices and files: src/kernel/db/tables/projects.ts) and
 * Quy hoạch – Kế hoạch (plans and their files: src/kernel/db/tables/plans.ts).
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

  await db.schema
    .createTable('projects')
    .addColumn('id', idType, pk)
    .addColumn('site_id', 'integer', site)
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('slug', 'text', (c) => c.notNull())
    .addColumn('investor', 'text', (c) => c.notNull())
    .addColumn('capital_vnd', 'bigint')
    .addColumn('capital_source', 'text', text)
    .addColumn('location', 'text', (c) => c.notNull())
    .addColumn('start_on', 'text')
    .addColumn('finish_on', 'text')
    .addColumn('progress', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', text)
    .addColumn('published', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'integer', user)
    .addColumn('updated_by', 'integer', user)
    .execute();
  await db.schema.createIndex('projects_site').on('projects').columns(['site_id', 'published', 'updated_at']).execute();

  await db.schema
    .createTable('project_notices')
    .addColumn('id', idType, pk)
    .addColumn('site_id', 'integer', site)
    .addColumn('project_id', 'integer', (c) => c.notNull().references('projects.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('issued_on', 'text', (c) => c.notNull())
    .addColumn('deadline_on', 'text')
    .addColumn('body', 'text', text)
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('project_notices_project').on('project_notices').columns(['project_id', 'issued_on']).execute();
  await db.schema.createIndex('project_notices_site').on('project_notices').columns(['site_id', 'issued_on']).execute();

  await db.schema
    .createTable('project_files')
    .addColumn('id', idType, pk)
    .addColumn('site_id', 'integer', site)
    .addColumn('project_id', 'integer', (c) => c.notNull().references('projects.id').onDelete('cascade'))
    .addColumn('notice_id', 'integer', (c) => c.references('project_notices.id').onDelete('cascade'))
    .addColumn('original_name', 'text', (c) => c.notNull())
    .addColumn('disk_path', 'text', (c) => c.notNull())
    .addColumn('mime', 'text', (c) => c.notNull())
    .addColumn('ext', 'text', (c) => c.notNull())
    .addColumn('size_bytes', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('project_files_project').on('project_files').columns(['project_id', 'id']).execute();

  await db.schema
    .createTable('plans')
    .addColumn('id', idType, pk)
    .addColumn('site_id', 'integer', site)
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('slug', 'text', (c) => c.notNull())
    .addColumn('decision', 'text', text)
    .addColumn('approved_on', 'text')
    .addColumn('period', 'text', text)
    .addColumn('summary', 'text', text)
    .addColumn('geojson', 'text')
    .addColumn('published', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'integer', user)
    .addColumn('updated_by', 'integer', user)
    .execute();
  await db.schema.createIndex('plans_site').on('plans').columns(['site_id', 'published', 'kind']).execute();

  await db.schema
    .createTable('plan_files')
    .addColumn('id', idType, pk)
    .addColumn('site_id', 'integer', site)
    .addColumn('plan_id', 'integer', (c) => c.notNull().references('plans.id').onDelete('cascade'))
    .addColumn('original_name', 'text', (c) => c.notNull())
    .addColumn('disk_path', 'text', (c) => c.notNull())
    .addColumn('mime', 'text', (c) => c.notNull())
    .addColumn('ext', 'text', (c) => c.notNull())
    .addColumn('size_bytes', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('plan_files_plan').on('plan_files').columns(['plan_id', 'id']).execute();
}

import type { Kysely } from 'kysely';
import type { Dialect } from '../connection.js';

/**
 * Công khai – minh bạch, part B (hotlines, information requests, reception, spokesperson,
 * recruitment, legal dissemination): tables in src/kernel/db/tables/disclosure.ts.
 */
export async function up(db: Kysely<any>, dialect: Dialect): Promise<void> {
  const idType = dialect === 'postgres' ? 'serial' : 'integer';
  await db.schema
    .createTable('disclosure_settings')
    .addColumn('site_id', 'integer', (c) => c.notNull().references('sites.id').onDelete('cascade'))
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('value_json', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('disclosure_settings_pk', ['site_id', 'key'])
    .execute();
  await db.schema
    .createTable('disclosure_notices')
    .addColumn('id', idType, (c) => (dialect === 'postgres' ? c.primaryKey() : c.primaryKey().autoIncrement()))
    .addColumn('site_id', 'integer', (c) => c.notNull().references('sites.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('deadline', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('links', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('disclosure_notices_site_kind_day').on('disclosure_notices').columns(['site_id', 'kind', 'day']).execute();
}

import type { Kysely } from 'kysely';
import type { Dialect } from '../connection.js';

/** Thủ tục hành chính (administrative procedures): tables in src/kernel/db/tables/procedures.ts. */
export async function up(db: Kysely<any>, dialect: Dialect): Promise<void> {
  const idType = dialect === 'postgres' ? 'serial' : 'integer';
  const text = (c: any) => c.notNull().defaultTo('');
  await db.schema
    .createTable('procedures')
    .addColumn('id', idType, (c) => (dialect === 'postgres' ? c.primaryKey() : c.primaryKey().autoIncrement()))
    .addColumn('site_id', 'integer', (c) => c.notNull().references('sites.id').onDelete('cascade'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('slug', 'text', (c) => c.notNull())
    .addColumn('code', 'text', text)
    .addColumn('field', 'text', (c) => c.notNull())
    .addColumn('level', 'text', text)
    .addColumn('duration', 'text', text)
    .addColumn('fee', 'text', text)
    .addColumn('dossier', 'text', text)
    .addColumn('method', 'text', text)
    .addColumn('portal_url', 'text', text)
    .addColumn('online_level', 'text', text)
    .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('published', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('search_text', 'text', text)
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('procedures_site_order').on('procedures').columns(['site_id', 'field', 'position']).execute();
}

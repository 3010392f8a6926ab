import type { Kysely } from 'kysely';
import type { Dialect } from '../connection.js';

/**
 * Old public addresses of a site that moved (a category or a static page got a new slug), so
 * links and search engines that know the old address get a 301 to the new one.
 */
export async function up(db: Kysely<any>, _dialect: Dialect): Promise<void> {
  await db.schema
    .createTable('redirects')
    .addColumn('site_id', 'integer', (c) => c.notNull().references('sites.id').onDelete('cascade'))
    .addColumn('from_path', 'text', (c) => c.notNull())
    .addColumn('to_path', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('redirects_pk', ['site_id', 'from_path'])
    .execute();
}

import type { Kysely } from 'kysely';
import type { Dialect } from '../connection.js';

/**
 * `vote_caps` (issue 16): how many cookie-less votes one network address gave one item (an
 * article's rating, a poll) today. The address is a salted daily hash (src/kernel/citizen/
 * visitor.ts), so a row says nothing once the day's salt is deleted, and rows older than
 * yesterday are deleted by the statistics housekeeping. Row type in src/kernel/db/tables/interact.ts.
 */
export async function up(db: Kysely<any>, _dialect: Dialect): Promise<void> {
  await db.schema
    .createTable('vote_caps')
    .addColumn('site_id', 'integer', (c) => c.notNull().references('sites.id').onDelete('cascade'))
    .addColumn('item', 'text', (c) => c.notNull())
    .addColumn('address', 'text', (c) => c.notNull())
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('votes', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('vote_caps_pk', ['site_id', 'item', 'address'])
    .execute();
  await db.schema.createIndex('vote_caps_day').on('vote_caps').column('day').execute();
}

import type { ColumnDefinitionBuilder, Kysely } from 'kysely';
import type { Dialect } from '../connection.js';

type Col = (c: ColumnDefinitionBuilder) => ColumnDefinitionBuilder;

/**
 * Moving old portals in and folding merged units together (issue 14). Row types in
 * src/kernel/db/tables/moves.ts.
 * - `old_addresses`: an address of an old portal, keyed by (old host, normalised address), and
 *   where it now leads; host '' means "any host of the owner site". Two merged portals with the
 *   same old ids never collide because their hosts differ.
 * - `import_items`: what an import made from each item of its source, so running it again updates
 *   instead of duplicating.
 * - `sites.archived_at` / `sites.successors`: a site made read-only after a merge, and the sites
 *   (JSON array of ids) that carry its work now.
 */
export async function up(db: Kysely<any>, dialect: Dialect): Promise<void> {
  const pk: Col = (c) => (dialect === 'postgres' ? c.primaryKey() : c.primaryKey().autoIncrement());
  const idType = dialect === 'postgres' ? 'serial' : 'integer';
  const site: Col = (c) => c.notNull().references('sites.id').onDelete('cascade');

  await db.schema
    .createTable('old_addresses')
    .addColumn('id', idType, pk)
    .addColumn('host', 'text', (c) => c.notNull())
    .addColumn('owner_site_id', 'integer', site)
    .addColumn('from_key', 'text', (c) => c.notNull())
    .addColumn('from_url', 'text', (c) => c.notNull())
    .addColumn('to_site_id', 'integer', site)
    .addColumn('to_path', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('old_addresses_key').on('old_addresses').columns(['from_key', 'host', 'owner_site_id']).unique().execute();
  await db.schema.createIndex('old_addresses_owner').on('old_addresses').columns(['owner_site_id', 'id']).execute();
  await db.schema.createIndex('old_addresses_target').on('old_addresses').columns(['to_site_id', 'id']).execute();

  await db.schema
    .createTable('import_items')
    .addColumn('site_id', 'integer', site)
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('source_id', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('import_items_pk', ['site_id', 'source', 'kind', 'source_id'])
    .execute();

  await db.schema.alterTable('sites').addColumn('archived_at', 'text').execute();
  await db.schema.alterTable('sites').addColumn('successors', 'text', (c) => c.notNull().defaultTo('[]')).execute();
}

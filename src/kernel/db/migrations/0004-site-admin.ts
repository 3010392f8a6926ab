import type { ColumnDefinitionBuilder, Kysely } from 'kysely';
import type { Dialect } from '../connection.js';

type Col = (c: ColumnDefinitionBuilder) => ColumnDefinitionBuilder;

/**
 * Site management: the category tree (a nullable parent) and the header menu. A menu item points
 * at a category or a page; deleting either takes its menu item with it. A site with no menu
 * items shows the default menu (every category and the first page).
 */
export async function up(db: Kysely<any>, dialect: Dialect): Promise<void> {
  const pk: Col = (c) => (dialect === 'postgres' ? c.primaryKey() : c.primaryKey().autoIncrement());
  const idType = dialect === 'postgres' ? 'serial' : 'integer';

  await db.schema.alterTable('categories').addColumn('parent_id', 'integer', (c) => c.references('categories.id')).execute();

  await db.schema
    .createTable('menu_items')
    .addColumn('id', idType, pk)
    .addColumn('site_id', 'integer', (c) => c.notNull().references('sites.id').onDelete('cascade'))
    .addColumn('category_id', 'integer', (c) => c.references('categories.id').onDelete('cascade'))
    .addColumn('page_id', 'integer', (c) => c.references('pages.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
    .addUniqueConstraint('menu_items_site_category', ['site_id', 'category_id'])
    .addUniqueConstraint('menu_items_site_page', ['site_id', 'page_id'])
    .execute();
  await db.schema.createIndex('menu_items_site').on('menu_items').columns(['site_id', 'position']).execute();
}

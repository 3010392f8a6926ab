import type { Kysely } from 'kysely';
import type { Dialect } from '../connection.js';

/**
 * A header menu item may point at one of the features' public sections (`Feature.section`) ("van-ban",
 * "hoi-dap"…) instead of a category or a page. One per section per site.
 */
export async function up(db: Kysely<any>, _dialect: Dialect): Promise<void> {
  await db.schema.alterTable('menu_items').addColumn('section', 'text').execute();
  await db.schema.createIndex('menu_items_site_section').on('menu_items').columns(['site_id', 'section']).unique().execute();
}

import type { Generated, Selectable } from 'kysely';

/** Tables added for managing a site from the back office. */
export interface MenuItemsTable {
  id: Generated<number>;
  site_id: number;
  /** Exactly one of category_id / page_id is set. */
  category_id: number | null;
  page_id: number | null;
  position: number;
}

export interface SiteAdminTables {
  menu_items: MenuItemsTable;
}

export type MenuItemRow = Selectable<MenuItemsTable>;

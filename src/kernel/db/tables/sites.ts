import type { Generated, Selectable } from 'kysely';

/** Tables added for managing a site from the back office. */
export interface MenuItemsTable {
  id: Generated<number>;
  site_id: number;
  /** Exactly one of category_id / page_id / section is set. */
  category_id: number | null;
  page_id: number | null;
  /** The key of a feature's public section (`Feature.section.key`). */
  section: Generated<string | null>;
  position: number;
}

export interface SiteAdminTables {
  menu_items: MenuItemsTable;
  redirects: RedirectsTable;
}

/** An old public address of a site and where it moved (src/kernel/sites/redirects.ts). */
export interface RedirectsTable {
  site_id: number;
  from_path: string;
  to_path: string;
  created_at: string;
}

export type MenuItemRow = Selectable<MenuItemsTable>;

import type { Generated, Selectable } from 'kysely';

/** Tables of moving old portals in and merging sites (migration 0018). */
export interface MovesTables {
  old_addresses: OldAddressesTable;
  import_items: ImportItemsTable;
}

/** An old portal's address and where it leads now (src/kernel/sites/old-addresses.ts). */
export interface OldAddressesTable {
  id: Generated<number>;
  /** The old host, lowercase; '' = any host of the owner site. */
  host: string;
  /** The site that answers the old host (and lists the address in its back office). */
  owner_site_id: number;
  /** `oldAddressKey()` of the old address. */
  from_key: string;
  /** The old address as given (shown to editors). */
  from_url: string;
  to_site_id: number;
  /** A path of the target site ("/tin-tuc/…-12"). */
  to_path: string;
  /** 'manual' | 'import' | 'merge' | 'demo' */
  source: string;
  created_at: string;
}

/** What an import made of one item of its source ("wordpress:example.org", post 42 → article 7). */
export interface ImportItemsTable {
  site_id: number;
  source: string;
  /** 'article' | 'page' | 'category' | 'tag' | 'document' | 'comment' | 'media' … */
  kind: string;
  source_id: string;
  entity_id: number;
  updated_at: string;
}

export type OldAddressRow = Selectable<OldAddressesTable>;

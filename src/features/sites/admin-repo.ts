import type { Db } from '../../kernel/db/connection.js';
import type { MapOfficeRow, PageRow, SiteRow } from '../../kernel/db/schema.js';

/** Read queries of the site-management screens; every one but the sites list is scoped by site. */
export async function countArticlesByCategory(db: Db, siteId: number): Promise<Map<number, number>> {
  const rows = await db
    .selectFrom('articles')
    .select(['category_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('site_id', '=', siteId)
    .groupBy('category_id')
    .execute();
  return new Map(rows.map((r) => [r.category_id, Number(r.n)]));
}

export type PageListRow = Pick<PageRow, 'id' | 'slug' | 'title' | 'updated_at'>;

export async function listPagesAdmin(db: Db, siteId: number): Promise<PageListRow[]> {
  return db.selectFrom('pages').select(['id', 'slug', 'title', 'updated_at']).where('site_id', '=', siteId).orderBy('position').orderBy('id').execute();
}

export async function findPageById(db: Db, siteId: number, id: number): Promise<PageRow | undefined> {
  return db.selectFrom('pages').selectAll().where('site_id', '=', siteId).where('id', '=', id).executeTakeFirst();
}

export async function findOffice(db: Db, siteId: number, id: number): Promise<MapOfficeRow | undefined> {
  return db.selectFrom('map_offices').selectAll().where('site_id', '=', siteId).where('id', '=', id).executeTakeFirst();
}

export async function findSiteRow(db: Db, siteId: number): Promise<SiteRow | undefined> {
  return db.selectFrom('sites').selectAll().where('id', '=', siteId).executeTakeFirst();
}

export interface SiteWithHosts {
  id: number;
  code: string;
  name: string;
  isDefault: boolean;
  /** The primary host first (absolute URLs use it), then the others by name. */
  hosts: string[];
  scheme: 'https' | 'http' | null;
  archivedAt: string | null;
}

/** Every site of the installation with its hostnames (the system admins' screen). */
export async function listSitesWithHosts(db: Db): Promise<SiteWithHosts[]> {
  const [sites, hosts] = await Promise.all([
    db.selectFrom('sites').select(['id', 'code', 'name', 'is_default', 'primary_host', 'scheme', 'archived_at']).orderBy('id').execute(),
    // tenancy: the system administrators' list of every site.
    db.selectFrom('site_hosts').selectAll().orderBy('host').execute(),
  ]);
  return sites.map((s) => ({
    id: s.id,
    code: s.code,
    name: s.name,
    isDefault: s.is_default === 1,
    hosts: primaryFirst(hosts.filter((h) => h.site_id === s.id).map((h) => h.host), s.primary_host),
    scheme: s.scheme === 'https' || s.scheme === 'http' ? s.scheme : null,
    archivedAt: s.archived_at,
  }));
}

function primaryFirst(hosts: string[], primary: string | null): string[] {
  return primary && hosts.includes(primary) ? [primary, ...hosts.filter((h) => h !== primary)] : hosts;
}

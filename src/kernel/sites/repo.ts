import type { Db } from '../db/connection.js';
import type { SiteRow } from '../db/schema.js';
import type { Site } from './site.js';
import type { SiteSettings } from './settings.js';

export function toSite(row: SiteRow): Site {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    isDefault: row.is_default === 1,
    settings: JSON.parse(row.settings) as SiteSettings,
    counterBase: Number(row.counter_base),
    primaryHost: row.primary_host,
    scheme: row.scheme === 'https' || row.scheme === 'http' ? row.scheme : null,
    // `?? ` : databases migrated only part-way (before 0018) have neither column.
    archivedAt: row.archived_at ?? null,
    successors: parseSuccessors(row.successors),
  };
}

function parseSuccessors(json: string | undefined): number[] {
  const v: unknown = JSON.parse(json ?? '[]');
  return Array.isArray(v) ? v.filter((n): n is number => Number.isInteger(n)) : [];
}

export async function listSites(db: Db): Promise<Site[]> {
  const rows = await db.selectFrom('sites').selectAll().orderBy('id').execute();
  return rows.map(toSite);
}

export async function listHosts(db: Db): Promise<{ host: string; site_id: number }[]> {
  // tenancy: the hostname → site map the resolver picks each request's site from.
  return db.selectFrom('site_hosts').selectAll().orderBy('host').execute();
}

/** Marks the host (one of the site's) that absolute URLs use, and the scheme (null: by environment). */
export async function setPrimaryHost(db: Db, siteId: number, host: string, scheme: 'https' | 'http' | null): Promise<void> {
  // tenancy: the sites table has no site_id: its id is the site.
  await db.updateTable('sites').set({ primary_host: host, scheme }).where('id', '=', siteId).execute();
}

export async function countSites(db: Db): Promise<number> {
  const r = await db.selectFrom('sites').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(r.n);
}

export interface NewSite {
  code: string;
  name: string;
  isDefault: boolean;
  settings: SiteSettings;
  counterBase: number;
  hosts: string[];
}

/**
 * Creates a site with its hostnames and its counter row, in the caller's transaction. Its primary
 * host stays unset (the first of its hosts; `setPrimaryHost` for another): the demo seeding that
 * calls this also runs on databases migrated only part-way (test/search/fts-index.test.ts).
 */
export async function insertSite(db: Db, s: NewSite, now: string): Promise<number> {
  const { id } = await db
    .insertInto('sites')
    .values({
      code: s.code,
      name: s.name,
      is_default: s.isDefault ? 1 : 0,
      settings: JSON.stringify(s.settings),
      counter_base: s.counterBase,
      created_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  for (const host of s.hosts) {
    await db.insertInto('site_hosts').values({ host: host.toLowerCase(), site_id: id }).execute();
  }
  await db.insertInto('site_stats').values({ site_id: id, page_views: 0, updated_at: now }).execute();
  return id;
}

import type { Db } from '../../kernel/db/connection.js';
import type { AlertRow } from '../../kernel/db/tables/alerts.js';

/** At most this many notices at once at the top of a page; more would push the page out of sight. */
export const SHOWN_MAX = 3;

/** The notices of a site in force at `now`: urgent first, then the newest start. */
export async function activeAlerts(db: Db, siteId: number, now: Date): Promise<AlertRow[]> {
  const t = now.toISOString();
  const rows = await db
    .selectFrom('alerts')
    .selectAll()
    .where('site_id', '=', siteId)
    .where('starts_at', '<=', t)
    .where('ends_at', '>', t)
    .orderBy('starts_at', 'desc')
    .orderBy('id', 'desc')
    .limit(20)
    .execute();
  return rows.sort((a, b) => Number(b.severity === 'urgent') - Number(a.severity === 'urgent')).slice(0, SHOWN_MAX);
}

/** Every notice of a site for the back office, the latest ending first. */
export function listAlerts(db: Db, siteId: number, limit = 100): Promise<AlertRow[]> {
  return db.selectFrom('alerts').selectAll().where('site_id', '=', siteId).orderBy('ends_at', 'desc').orderBy('id', 'desc').limit(limit).execute();
}

export function findAlert(db: Db, siteId: number, id: number): Promise<AlertRow | undefined> {
  return db.selectFrom('alerts').selectAll().where('site_id', '=', siteId).where('id', '=', id).executeTakeFirst();
}

export interface SiteChoice {
  id: number;
  name: string;
  archived: boolean;
}

/** The sites a system admin may send a notice to (archived ones are shown but cannot be chosen). */
export async function siteChoices(db: Db): Promise<SiteChoice[]> {
  const rows = await db.selectFrom('sites').select(['id', 'name', 'archived_at']).orderBy('id').execute();
  return rows.map((r) => ({ id: r.id, name: r.name, archived: r.archived_at !== null }));
}

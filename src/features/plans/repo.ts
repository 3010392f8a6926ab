import type { Db } from '../../kernel/db/connection.js';
import type { PlanFileRow, PlanRow } from '../../kernel/db/tables/plans.js';

/** Plans of a site, newest approval first; published ones only unless asked. */
export function listPlans(db: Db, siteId: number, o: { drafts?: boolean } = {}): Promise<PlanRow[]> {
  let q = db.selectFrom('plans').selectAll().where('site_id', '=', siteId);
  if (!o.drafts) q = q.where('published', '=', 1);
  return q.orderBy('approved_on', 'desc').orderBy('id', 'desc').execute();
}

export function findPlan(db: Db, siteId: number, id: number, o: { drafts?: boolean } = {}): Promise<PlanRow | undefined> {
  let q = db.selectFrom('plans').selectAll().where('site_id', '=', siteId).where('id', '=', id);
  if (!o.drafts) q = q.where('published', '=', 1);
  return q.executeTakeFirst();
}

export function listPlanFiles(db: Db, siteId: number, planId: number): Promise<PlanFileRow[]> {
  return db.selectFrom('plan_files').selectAll().where('site_id', '=', siteId).where('plan_id', '=', planId).orderBy('id').execute();
}

/** A file of a published plan. */
export function findPublishedPlanFile(db: Db, siteId: number, id: number): Promise<PlanFileRow | undefined> {
  return db
    .selectFrom('plan_files')
    .innerJoin('plans', 'plans.id', 'plan_files.plan_id')
    .selectAll('plan_files')
    .where('plan_files.site_id', '=', siteId)
    .where('plans.site_id', '=', siteId)
    .where('plans.published', '=', 1)
    .where('plan_files.id', '=', id)
    .executeTakeFirst();
}

/** Published plans that have a GeoJSON layer, for the map page (/ban-do). */
export function listPlanLayers(db: Db, siteId: number): Promise<Pick<PlanRow, 'id' | 'slug' | 'title'>[]> {
  return db.selectFrom('plans').select(['id', 'slug', 'title']).where('site_id', '=', siteId).where('published', '=', 1).where('geojson', 'is not', null).orderBy('id').execute();
}

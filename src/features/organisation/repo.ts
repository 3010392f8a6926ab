import type { Db } from '../../kernel/db/connection.js';
import type { Site } from '../../kernel/sites/site.js';
import type { OrgAgencyRow, OrgPersonRow, OrgUnitRow } from '../../kernel/db/tables/organisation.js';

/** Queries of the organisation section. Every function takes the site and scopes by it. */

export async function findAgency(db: Db, siteId: number): Promise<OrgAgencyRow | undefined> {
  return db.selectFrom('org_agency').selectAll().where('site_id', '=', siteId).executeTakeFirst();
}

/**
 * The agency as the public pages show it: the stored row, or until one is saved, what the site's
 * footer already says about its publisher (so a new site's pages are never empty).
 */
export async function agencyOrDefault(db: Db, site: Site): Promise<OrgAgencyRow> {
  const row = await findAgency(db, site.id);
  if (row) return row;
  const p = site.settings.publisher;
  return {
    site_id: site.id, name: p.agency, name_en: '', address: p.address, address_en: '', phone: p.phone, fax: '', email: p.email,
    website: '', hours: '', hours_en: '', duties: '', duties_en: '', vi_updated_at: '', en_updated_at: null, updated_at: '',
  };
}

export async function listUnits(db: Db, siteId: number): Promise<OrgUnitRow[]> {
  return db.selectFrom('org_units').selectAll().where('site_id', '=', siteId).orderBy('position').orderBy('id').execute();
}

export async function findUnit(db: Db, siteId: number, id: number): Promise<OrgUnitRow | undefined> {
  return db.selectFrom('org_units').selectAll().where('site_id', '=', siteId).where('id', '=', id).executeTakeFirst();
}

/** A person with the photo's file, when they have one from the media library. */
export type PersonView = OrgPersonRow & { photo_path: string | null; photo_mime: string | null; photo_width: number | null; photo_height: number | null; photo_variants: string | null };

export async function listPeople(db: Db, siteId: number, opts: { leadersOnly?: boolean } = {}): Promise<PersonView[]> {
  let q = db
    .selectFrom('org_people')
    .leftJoin('media', (j) => j.onRef('media.id', '=', 'org_people.photo_media_id').onRef('media.site_id', '=', 'org_people.site_id'))
    .selectAll('org_people')
    .select(['media.disk_path as photo_path', 'media.mime as photo_mime', 'media.width as photo_width', 'media.height as photo_height', 'media.variants as photo_variants'])
    .where('org_people.site_id', '=', siteId);
  if (opts.leadersOnly) q = q.where('org_people.is_leader', '=', 1);
  return q.orderBy('org_people.position').orderBy('org_people.id').execute();
}

export async function findPerson(db: Db, siteId: number, id: number): Promise<OrgPersonRow | undefined> {
  return db.selectFrom('org_people').selectAll().where('site_id', '=', siteId).where('id', '=', id).executeTakeFirst();
}

/** The images of the site's media library a portrait can be chosen from, newest first. */
export async function listPortraitChoices(db: Db, siteId: number): Promise<{ id: number; title: string; original_name: string }[]> {
  return db.selectFrom('media').select(['id', 'title', 'original_name']).where('site_id', '=', siteId).where('kind', '=', 'image').orderBy('created_at', 'desc').orderBy('id', 'desc').limit(300).execute();
}

export interface UnitNode {
  unit: OrgUnitRow;
  children: UnitNode[];
  people: PersonView[];
}

/** The units as a tree in order, each with its people in order. Orphans (never expected) go to the top. */
export function buildTree(units: OrgUnitRow[], people: PersonView[]): UnitNode[] {
  const nodes = new Map(units.map((u) => [u.id, { unit: u, children: [] as UnitNode[], people: [] as PersonView[] }]));
  const roots: UnitNode[] = [];
  for (const u of units) {
    const node = nodes.get(u.id)!;
    const parent = u.parent_id === null ? undefined : nodes.get(u.parent_id);
    (parent ? parent.children : roots).push(node);
  }
  for (const p of people) if (p.unit_id !== null) nodes.get(p.unit_id)?.people.push(p);
  return roots;
}

/** The units in tree order with their depth (for indented lists and parent choosers). */
export function flattenTree(roots: UnitNode[], depth = 0, out: { unit: OrgUnitRow; depth: number }[] = []): { unit: OrgUnitRow; depth: number }[] {
  for (const n of roots) {
    out.push({ unit: n.unit, depth });
    flattenTree(n.children, depth + 1, out);
  }
  return out;
}

/** Newest change of anything the section shows, for Last-Modified and the sitemap. */
export async function lastChange(db: Db, siteId: number): Promise<string | null> {
  const [a, u, p] = await Promise.all([
    db.selectFrom('org_agency').select('updated_at as t').where('site_id', '=', siteId).executeTakeFirst(),
    db.selectFrom('org_units').select((eb) => eb.fn.max('updated_at').as('t')).where('site_id', '=', siteId).executeTakeFirst(),
    db.selectFrom('org_people').select((eb) => eb.fn.max('updated_at').as('t')).where('site_id', '=', siteId).executeTakeFirst(),
  ]);
  const times = [a?.t, u?.t, p?.t].filter((t): t is string => typeof t === 'string' && !!t).sort();
  return times[times.length - 1] ?? null;
}

import type { FastifyInstance } from 'fastify';
import { AdminClient, makeUser } from '../helpers/admin.js';
import { buildTestApp, NAM_HONG_LINH, BAC_HONG_LINH } from '../helpers/app.js';
import type { TestDb } from '../helpers/db.js';

export const ADMIN = '/quan-tri/gioi-thieu';

/** The people of the organisation tests, signed in on Hồng Lĩnh (site 1) unless said otherwise. */
export interface OrgFixture {
  app: FastifyInstance;
  admin: AdminClient;
  editor: AdminClient;
  approver: AdminClient;
  /** contributor and moderator of site 1: may not change the section */
  contributor: AdminClient;
  moderator: AdminClient;
  /** site_admin of site 2, with a valid session and CSRF token, aimed at site 1 */
  otherAdmin: AdminClient;
  /** site_admin of site 2 on its own host */
  namAdmin: AdminClient;
  /** Moves the application's clock forward (one minute by default), so that saves are ordered in time. */
  tick(ms?: number): Date;
}

export async function setupOrg(db: TestDb): Promise<OrgFixture> {
  let t = Date.now();
  const app = await buildTestApp(db, { now: () => new Date(t) });
  await makeUser(db.db, 'quantri', [{ siteId: 1, role: 'site_admin' }]);
  await makeUser(db.db, 'bientap', [{ siteId: 1, role: 'editor' }]);
  await makeUser(db.db, 'truongban', [{ siteId: 1, role: 'approver' }]);
  await makeUser(db.db, 'phongvien', [{ siteId: 1, role: 'contributor' }]);
  await makeUser(db.db, 'kiemduyet', [{ siteId: 1, role: 'moderator' }]);
  await makeUser(db.db, 'quantri2', [{ siteId: 2, role: 'site_admin' }]);
  const namAdmin = await AdminClient.login(app, BAC_HONG_LINH, 'quantri2');
  const otherAdmin = Object.assign(new AdminClient(app, NAM_HONG_LINH), { cookie: namAdmin.cookie, csrf: namAdmin.csrf });
  return {
    app,
    admin: await AdminClient.login(app, NAM_HONG_LINH, 'quantri'),
    editor: await AdminClient.login(app, NAM_HONG_LINH, 'bientap'),
    approver: await AdminClient.login(app, NAM_HONG_LINH, 'truongban'),
    contributor: await AdminClient.login(app, NAM_HONG_LINH, 'phongvien'),
    moderator: await AdminClient.login(app, NAM_HONG_LINH, 'kiemduyet'),
    otherAdmin,
    namAdmin,
    tick: (ms = 60_000) => new Date((t += ms)),
  };
}

export function publicGet(app: FastifyInstance, url: string, host = NAM_HONG_LINH) {
  return app.inject({ url, headers: { host } });
}

/** The <main> element of a page. */
export const mainOf = (html: string) => /<main[\s\S]*?<\/main>/.exec(html)?.[0] ?? '';

/** hreflang → href of the page's alternate links. */
export function alternatesOf(html: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of html.matchAll(/<link rel="alternate" hreflang="([^"]+)" href="([^"]+)"\/>/g)) out[m[1]!] = m[2]!;
  return out;
}

export const htmlLang = (html: string) => /<html lang="([^"]+)"/.exec(html)?.[1];

export function fieldError(html: string, field: string): string | null {
  const m = new RegExp(`<p class="field-error" id="f-${field}-error">([^<]*)</p>`).exec(html);
  return m ? m[1]! : null;
}

export async function lastAudit(db: TestDb, action: string) {
  const r = await db.db.selectFrom('audit_log').selectAll().where('action', '=', action).orderBy('id', 'desc').executeTakeFirst();
  if (!r) throw new Error(`no audit row for ${action}`);
  return { userId: r.user_id, siteId: r.site_id, entityId: r.entity_id, before: r.before_json && JSON.parse(r.before_json), after: r.after_json && JSON.parse(r.after_json) };
}

export async function countRows(db: TestDb, table: 'org_units' | 'org_people' | 'audit_log', siteId?: number): Promise<number> {
  let q = db.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n'));
  if (siteId !== undefined) q = q.where('site_id', '=', siteId);
  return Number((await q.executeTakeFirstOrThrow()).n);
}

export async function unitByName(db: TestDb, siteId: number, name: string) {
  return db.db.selectFrom('org_units').selectAll().where('site_id', '=', siteId).where('name', '=', name).executeTakeFirstOrThrow();
}

export async function personByName(db: TestDb, siteId: number, name: string) {
  return db.db.selectFrom('org_people').selectAll().where('site_id', '=', siteId).where('full_name', '=', name).executeTakeFirstOrThrow();
}

/** The form of the agency as stored, for posting it back with a few changes. */
export async function agencyForm(db: TestDb, siteId: number): Promise<Record<string, string>> {
  const a = await db.db.selectFrom('org_agency').selectAll().where('site_id', '=', siteId).executeTakeFirstOrThrow();
  return {
    name: a.name, name_en: a.name_en, address: a.address, address_en: a.address_en, phone: a.phone, fax: a.fax, email: a.email,
    website: a.website, hours: a.hours, hours_en: a.hours_en, duties: a.duties, duties_en: a.duties_en,
  };
}

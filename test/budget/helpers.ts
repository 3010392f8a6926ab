import type { FastifyInstance } from 'fastify';
import { AdminClient, makeUser } from '../helpers/admin.js';
import { BAC_HONG_LINH, buildTestApp, NAM_HONG_LINH } from '../helpers/app.js';
import type { TestDb } from '../helpers/db.js';
import { multipart, type FilePart } from '../media/fixtures.js';

export interface BudgetFixture {
  app: FastifyInstance;
  /** editor of Nam Hồng Lĩnh (site 1) */
  editor: AdminClient;
  /** contributor of site 1: writes articles, does not keep the budget */
  contributor: AdminClient;
  /** editor of site 2 with a valid session, aimed at site 1 */
  otherEditor: AdminClient;
}

/** The demo wards, a fixed clock (3 December 2026) and the people of the tests. */
export async function setupBudget(db: TestDb): Promise<BudgetFixture> {
  const app = await buildTestApp(db, { now: () => new Date('2026-12-03T03:00:00.000Z') });
  await makeUser(db.db, 'bientap', [{ siteId: 1, role: 'editor' }]);
  await makeUser(db.db, 'congtacvien', [{ siteId: 1, role: 'contributor' }]);
  await makeUser(db.db, 'bientap2', [{ siteId: 2, role: 'editor' }]);
  const other = await AdminClient.login(app, BAC_HONG_LINH, 'bientap2');
  return {
    app,
    editor: await AdminClient.login(app, NAM_HONG_LINH, 'bientap'),
    contributor: await AdminClient.login(app, NAM_HONG_LINH, 'congtacvien'),
    otherEditor: Object.assign(new AdminClient(app, NAM_HONG_LINH), { cookie: other.cookie, csrf: other.csrf }),
  };
}

export function publicGet(app: FastifyInstance, url: string, host = NAM_HONG_LINH) {
  return app.inject({ url, headers: { host } });
}

export async function reportId(db: TestDb, siteId: number, year: number, kind: string, period: string): Promise<number> {
  const r = await db.db.selectFrom('budget_reports').select('id').where('site_id', '=', siteId).where('fiscal_year', '=', year).where('kind', '=', kind as never).where('period', '=', period as never).executeTakeFirstOrThrow();
  return r.id;
}

export async function lastAudit(db: TestDb, action: string) {
  const r = await db.db.selectFrom('audit_log').selectAll().where('action', '=', action).orderBy('id', 'desc').executeTakeFirst();
  if (!r) return null;
  return { userId: r.user_id, siteId: r.site_id, entityId: r.entity_id, before: r.before_json && JSON.parse(r.before_json), after: r.after_json && JSON.parse(r.after_json) };
}

/** A complete, valid report form; override what a test is about. */
export function validReport(over: Record<string, string> = {}): Record<string, string> {
  return { fiscal_year: '2027', slot: 'du-toan', form_name: '', title: '', basis_on: '2026-12-18', published_on: '2027-01-05', note: 'Thu ngân sách phường 43.500 triệu đồng.', published: '1', ...over };
}

export function fieldError(html: string, field: string): string | null {
  const m = new RegExp(`<p class="field-error" id="f-${field}-error">([^<]*)</p>`).exec(html);
  return m ? decode(m[1]!) : null;
}

export function decode(html: string): string {
  return html.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

export function uploadReportFile(client: AdminClient, id: number, file: FilePart | undefined, csrf: string | null = client.csrf) {
  const body = multipart(csrf === null ? [] : [['_csrf', csrf]], file);
  return client.app.inject({
    method: 'POST',
    url: `/quan-tri/cong-khai-ngan-sach/${id}/tep`,
    headers: { host: client.host, cookie: client.cookie, 'content-type': body.contentType },
    payload: body.payload,
  });
}

import type { FastifyInstance } from 'fastify';
import { AdminClient, makeUser } from '../helpers/admin.js';
import { buildTestApp, NAM_HONG_LINH, BAC_HONG_LINH } from '../helpers/app.js';
import type { TestDb } from '../helpers/db.js';

/** The people of the site-management tests, signed in on Hồng Lĩnh (site 1). */
export interface SiteAdminFixture {
  app: FastifyInstance;
  /** site_admin of site 1 */
  admin: AdminClient;
  /** editor of site 1 */
  editor: AdminClient;
  /** site_admin of site 2, with a valid session and CSRF token, aimed at site 1 */
  otherAdmin: AdminClient;
  /** system admin */
  system: AdminClient;
}

export async function setupSiteAdmin(db: TestDb): Promise<SiteAdminFixture> {
  const app = await buildTestApp(db);
  // These tests start where a newly created site starts: on the default menu (the demo sites
  // come with a configured one).
  await db.db.deleteFrom('menu_items').execute();
  await makeUser(db.db, 'quantri', [{ siteId: 1, role: 'site_admin' }]);
  await makeUser(db.db, 'bientap', [{ siteId: 1, role: 'editor' }]);
  await makeUser(db.db, 'quantri2', [{ siteId: 2, role: 'site_admin' }]);
  await makeUser(db.db, 'hethong', [], true);
  const other = await AdminClient.login(app, BAC_HONG_LINH, 'quantri2');
  const otherAdmin = Object.assign(new AdminClient(app, NAM_HONG_LINH), { cookie: other.cookie, csrf: other.csrf });
  return {
    app,
    admin: await AdminClient.login(app, NAM_HONG_LINH, 'quantri'),
    editor: await AdminClient.login(app, NAM_HONG_LINH, 'bientap'),
    otherAdmin,
    system: await AdminClient.login(app, NAM_HONG_LINH, 'hethong'),
  };
}

export function publicGet(app: FastifyInstance, url: string, host = NAM_HONG_LINH) {
  return app.inject({ url, headers: { host } });
}

export async function count(db: TestDb, table: 'categories' | 'pages' | 'links' | 'songs' | 'map_offices' | 'menu_items' | 'sites' | 'audit_log' | 'media', siteId?: number): Promise<number> {
  let q = db.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n'));
  if (siteId !== undefined) q = q.where('site_id', '=', siteId);
  return Number((await q.executeTakeFirstOrThrow()).n);
}

export async function auditRows(db: TestDb, action: string) {
  return db.db.selectFrom('audit_log').selectAll().where('action', '=', action).orderBy('id').execute();
}

/** The last audit row of an action, with its before/after parsed. */
export async function lastAudit(db: TestDb, action: string): Promise<{ userId: number | null; siteId: number | null; before: any; after: any }> {
  const rows = await auditRows(db, action);
  const r = rows[rows.length - 1];
  if (!r) throw new Error(`no audit row for ${action}`);
  return { userId: r.user_id, siteId: r.site_id, before: r.before_json && JSON.parse(r.before_json), after: r.after_json && JSON.parse(r.after_json) };
}

/** The page's field error paragraph for a field, e.g. <p class="field-error" id="f-name-error">…</p>. */
export function fieldError(html: string, field: string): string | null {
  const m = new RegExp(`<p class="field-error" id="f-${field}-error">([^<]*)</p>`).exec(html);
  return m ? m[1]! : null;
}

const MP3_FRAME = Buffer.concat([Buffer.from([0xff, 0xfb, 0x90, 0x64]), Buffer.alloc(413)]);
export const mp3 = (frames = 2) => Buffer.concat([Buffer.from('ID3\x03\x00\x00\x00\x00\x00\x00', 'latin1'), ...Array.from({ length: frames }, () => MP3_FRAME)]);
export const ogg = () => Buffer.concat([Buffer.from('OggS\x00\x02', 'latin1'), Buffer.alloc(20), Buffer.from([1]), Buffer.from([30]), Buffer.from('\x01vorbis', 'latin1'), Buffer.alloc(40)]);

/** A multipart/form-data body: the fields in order, then the file. */
export function multipart(fields: [string, string][], file?: { name: string; data: Buffer; type?: string }) {
  const boundary = `----cong${Math.random().toString(16).slice(2)}`;
  const parts: Buffer[] = [];
  for (const [k, v] of fields) parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  if (file) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: ${file.type ?? 'audio/mpeg'}\r\n\r\n`));
    parts.push(file.data, Buffer.from('\r\n'));
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}

export function uploadSong(client: AdminClient, fields: Record<string, string>, file?: { name: string; data: Buffer; type?: string }, csrf: string | null = client.csrf) {
  const { payload, contentType } = multipart([...(csrf === null ? [] : [['_csrf', csrf] as [string, string]]), ...Object.entries(fields)], file);
  return client.app.inject({
    method: 'POST',
    url: '/quan-tri/trang-web/bai-hat/tai-len',
    headers: { host: client.host, cookie: client.cookie, 'content-type': contentType },
    payload,
  });
}

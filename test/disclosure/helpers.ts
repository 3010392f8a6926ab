import type { FastifyInstance } from 'fastify';
import { AdminClient, makeUser } from '../helpers/admin.js';
import { buildTestApp, BAC_HONG_LINH, NAM_HONG_LINH, THI_XA_HONG_LINH } from '../helpers/app.js';
import type { TestDb } from '../helpers/db.js';

/** 10:00 in Vietnam on 15/01/2026. */
export const clock = { now: new Date('2026-01-15T03:00:00Z') };

export async function setupDisclosure(db: TestDb) {
  const app = await buildTestApp(db, { now: () => clock.now });
  await makeUser(db.db, 'bientap', [{ siteId: 1, role: 'editor' }]);
  await makeUser(db.db, 'congtacvien', [{ siteId: 1, role: 'contributor' }]);
  await makeUser(db.db, 'quantri2', [{ siteId: 2, role: 'site_admin' }]);
  await makeUser(db.db, 'luutru', [{ siteId: 3, role: 'site_admin' }]);
  return {
    app,
    editor: await AdminClient.login(app, NAM_HONG_LINH, 'bientap'),
    contributor: await AdminClient.login(app, NAM_HONG_LINH, 'congtacvien'),
    other: await AdminClient.login(app, BAC_HONG_LINH, 'quantri2'),
    archive: await AdminClient.login(app, THI_XA_HONG_LINH, 'luutru'),
  };
}

export function page(app: FastifyInstance, url: string, host = NAM_HONG_LINH) {
  return app.inject({ url, headers: { host } });
}

/** The hotline block of the sidebar, or ''. */
export function hotlineBlock(html: string): string {
  return /<section class="widget widget-hotlines"[\s\S]*?<\/section>/.exec(html)?.[0] ?? '';
}

export async function countRows(db: TestDb, table: 'disclosure_notices' | 'disclosure_settings'): Promise<number> {
  return Number((await db.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
}

export async function settingsJson(db: TestDb, siteId: number, key: string): Promise<string | undefined> {
  return (await db.db.selectFrom('disclosure_settings').select('value_json').where('site_id', '=', siteId).where('key', '=', key).executeTakeFirst())?.value_json;
}

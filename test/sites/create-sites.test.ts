import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createSites, type SiteRequest } from '../../src/features/sites/commands/create-sites.js';
import { announceSitesChanged } from '../../src/kernel/http/purge-bus.js';
import { connectRedis } from '../../src/kernel/redis.js';
import { buildTestApp } from '../helpers/app.js';
import { describeEachDb, type TestDb } from '../helpers/db.js';
import { REDIS_URL, testPrefix } from '../stats/helpers.js';

const NOW = new Date('2025-07-01T01:00:00.000Z');
const req = (line: number, code: string, name: string, hosts: string, model = ''): SiteRequest => ({ line, code, name, hosts, model });
const siteId = async (db: TestDb, code: string) => (await db.db.selectFrom('sites').select('id').where('code', '=', code).executeTakeFirstOrThrow()).id;
const countSites = async (db: TestDb) => (await db.db.selectFrom('sites').select('id').execute()).length;

/** A site's structure as it can be compared with another's: ids replaced by what they point at. */
async function structure(db: TestDb, id: number) {
  const cats = await db.db.selectFrom('categories').selectAll().where('site_id', '=', id).orderBy('position').execute();
  const slugOf = new Map(cats.map((c) => [c.id, c.slug]));
  const pages = await db.db.selectFrom('pages').selectAll().where('site_id', '=', id).orderBy('position').orderBy('id').execute();
  const pageOf = new Map(pages.map((p) => [p.id, p.slug]));
  const units = await db.db.selectFrom('org_units').selectAll().where('site_id', '=', id).orderBy('id').execute();
  const unitOf = new Map(units.map((u) => [u.id, u.name]));
  return {
    categories: cats.map((c) => [c.slug, c.name, c.position, c.parent_id === null ? null : slugOf.get(c.parent_id)]),
    pages: pages.map((p) => [p.slug, p.title, p.body_html, p.position]),
    menu: (await db.db.selectFrom('menu_items').selectAll().where('site_id', '=', id).orderBy('position').execute()).map((m) => [
      m.category_id === null ? null : slugOf.get(m.category_id),
      m.page_id === null ? null : pageOf.get(m.page_id),
      m.section,
      m.position,
    ]),
    links: (await db.db.selectFrom('links').select(['title', 'url', 'position']).where('site_id', '=', id).orderBy('position').orderBy('id').execute()).map((l) => [l.title, l.url, l.position]),
    types: (await db.db.selectFrom('document_types').select(['name', 'position']).where('site_id', '=', id).orderBy('position').orderBy('id').execute()).map((t) => [t.name, t.position]),
    procedures: (await db.db.selectFrom('procedures').selectAll().where('site_id', '=', id).orderBy('id').execute()).map((p) => [p.title, p.slug, p.code, p.field, p.level, p.dossier, p.portal_url, p.position, p.published, p.search_text]),
    // Ids follow the order of creation, not the tree: compared as a set.
    units: units.map((u) => [u.name, u.name_en, u.duties, u.position, u.parent_id === null ? null : unitOf.get(u.parent_id)]).sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b))),
  };
}

describeEachDb(
  'creating sites from the command line (cong create-site, cong create-sites)',
  async (db) => {
    const prefix = testPrefix();
    const app = await buildTestApp(db, { env: { REDIS_URL, CONG_REDIS_PREFIX: prefix } });
    // The model gets a sub-category (created after a newer parent: ids do not follow the tree), a
    // menu, a procedure and an organisation with a person in it.
    const model = await siteId(db, 'bachonglinh');
    const top = await db.db.insertInto('categories').values({ site_id: model, slug: 'mau-chinh-quyen', name: 'Chính quyền mẫu', position: 90, parent_id: null }).returning('id').executeTakeFirstOrThrow();
    await db.db.insertInto('categories').values({ site_id: model, slug: 'mau-hdnd', name: 'Hội đồng nhân dân mẫu', position: 91, parent_id: top.id }).execute();
    const stamp = NOW.toISOString();
    const unit = await db.db
      .insertInto('org_units')
      .values({ site_id: model, parent_id: null, position: 0, name: 'Văn phòng HĐND và UBND', name_en: 'Office', duties: 'Tham mưu', duties_en: 'Advice', phone: '0239 000 111', email: 'vp@example.gov.vn', vi_updated_at: stamp, en_updated_at: stamp, created_at: stamp, updated_at: stamp })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db.db.insertInto('org_units').values({ site_id: model, parent_id: unit.id, position: 0, name: 'Bộ phận một cửa', name_en: '', duties: '', duties_en: '', phone: '0239 222', email: '', vi_updated_at: stamp, en_updated_at: null, created_at: stamp, updated_at: stamp }).execute();
    await db.db.insertInto('org_people').values({ site_id: model, unit_id: unit.id, position: 0, full_name: 'Nguyễn Thị Hoa', post: 'Chánh Văn phòng', post_en: '', phone: '0912 345 678', email: 'hoa@example.gov.vn', photo_media_id: null, is_leader: 1, vi_updated_at: stamp, en_updated_at: null, created_at: stamp, updated_at: stamp }).execute();
    const cats = await db.db.selectFrom('categories').select('id').where('site_id', '=', model).orderBy('position').execute();
    const pages = await db.db.selectFrom('pages').select('id').where('site_id', '=', model).execute();
    await db.db.deleteFrom('menu_items').where('site_id', '=', model).execute();
    await db.db.insertInto('menu_items').values([
      { site_id: model, category_id: cats[0]!.id, page_id: null, position: 0 },
      { site_id: model, category_id: null, page_id: pages[0]!.id, position: 1 },
      { site_id: model, category_id: null, page_id: null, section: 'hoi-dap', position: 2 },
    ]).execute();
    return { app, model, prefix };
  },
  (get) => {
    test('bad rows: each problem named with its line, and nothing created', async () => {
      const { db } = get();
      const before = await countSites(db);
      const r = await createSites(db.db, [
        req(2, 'phuonga', 'Phường A', 'phuonga.hatinh.gov.vn'),
        req(3, 'phuonga', 'Phường A lần hai', 'a2.hatinh.gov.vn'),
        req(4, 'phuongb', 'Phường B', 'http://phuongb.vn/'),
        req(5, 'phuongc', 'Phường C', 'namhonglinh.localhost'),
        req(6, 'phuongd', 'Phường D', 'phuongd.vn', 'khongco'),
        req(7, 'Phường E', '', ''),
        req(8, 'phuongf', 'Phường F', 'phuonga.hatinh.gov.vn'),
      ], NOW);
      assert.equal(r.ok, false);
      assert.deepEqual(!r.ok && r.errors, [
        'Dòng 3: Mã “phuonga” đã có ở dòng 2.',
        'Dòng 4: “http://phuongb.vn/” không phải tên miền: chỉ nhập tên miền, không kèm http://, cổng hay dấu /.',
        `Dòng 5: Tên miền “namhonglinh.localhost” đã thuộc trang “${(await db.db.selectFrom('sites').select('name').where('code', '=', 'namhonglinh').executeTakeFirstOrThrow()).name}”.`,
        'Dòng 6: Không có trang mẫu mã “khongco”.',
        'Dòng 7: Mã trang gồm 2–40 chữ thường không dấu, chữ số hoặc gạch ngang, bắt đầu bằng chữ cái, ví dụ "namhonglinh".',
        'Dòng 7: Vui lòng nhập tên trang.',
        'Dòng 7: Vui lòng nhập ít nhất một tên miền.',
        'Dòng 8: Tên miền “phuonga.hatinh.gov.vn” đã có ở dòng 2.',
      ]);
      assert.equal(await countSites(db), before);
      assert.equal((await db.db.selectFrom('site_hosts').select('host').where('host', '=', 'phuonga.hatinh.gov.vn').execute()).length, 0);
      assert.equal((await db.db.selectFrom('audit_log').select('id').where('action', '=', 'site.create').execute()).length, 0);
    });

    test('without a model: the starter set, the hosts, the audit row of the system; answered at once by a running app', async () => {
      const { db, app, prefix } = get();
      assert.equal((await app.inject({ url: '/', headers: { host: 'phuongmoi.hatinh.gov.vn' } })).statusCode, 421);
      const r = await createSites(db.db, [req(0, 'phuongmoi', 'Cổng thông tin điện tử phường Mới', 'phuongmoi.hatinh.gov.vn;www.phuongmoi.vn')], NOW);
      assert.ok(r.ok);
      const id = r.created[0]!.siteId;
      const s = await structure(db, id);
      assert.deepEqual(s.categories, [['tin-tuc-su-kien', 'Tin tức – Sự kiện', 0, null], ['thong-bao', 'Thông báo', 1, null]]);
      assert.deepEqual(s.pages.map((p) => p[0]), ['gioi-thieu']);
      assert.ok(s.types.length > 0);
      assert.deepEqual([s.menu, s.links, s.procedures, s.units], [[], [], [], []]);
      const hosts = await db.db.selectFrom('site_hosts').select('host').where('site_id', '=', id).orderBy('host').execute();
      assert.deepEqual(hosts.map((h) => h.host), ['phuongmoi.hatinh.gov.vn', 'www.phuongmoi.vn']);
      const audit = await db.db.selectFrom('audit_log').selectAll().where('action', '=', 'site.create').where('site_id', '=', id).executeTakeFirstOrThrow();
      assert.equal(audit.user_id, null);
      assert.equal(JSON.parse(audit.after_json!).from, null);
      // What the command line does after creating: tell the running instances through Redis.
      const redis = connectRedis(REDIS_URL, prefix);
      await announceSitesChanged(redis);
      await redis.close();
      let home;
      for (let i = 0; i < 50; i++) {
        home = await app.inject({ url: '/', headers: { host: 'www.phuongmoi.vn' } });
        if (home.statusCode === 200) break;
        await new Promise((ok) => setTimeout(ok, 20));
      }
      assert.equal(home!.statusCode, 200);
      assert.match(home!.body, /<span class="brand-name">Cổng thông tin điện tử phường Mới<\/span>/);
    });

    test('with a model: its structure copied exactly, no article, no person, no contact of the model', async () => {
      const { db, model } = get();
      const r = await createSites(db.db, [req(2, 'phuongbac', 'Cổng thông tin điện tử phường Bắc', 'phuongbac.hatinh.gov.vn', 'bachonglinh'), req(3, 'phuongnam', 'Cổng thông tin điện tử phường Nam', 'phuongnam.hatinh.gov.vn', 'BACHONGLINH')], NOW);
      assert.ok(r.ok);
      const want = await structure(db, model);
      for (const [kind, rows] of Object.entries(want)) assert.ok(rows.length > 1, `the model has ${kind}`);
      assert.ok(want.categories.some((c) => c[3] === 'mau-chinh-quyen'), 'the model has a sub-category');
      for (const c of r.created) {
        assert.deepEqual(await structure(db, c.siteId), want, c.code);
        const counts = async (table: 'articles' | 'org_people' | 'documents' | 'media' | 'songs' | 'map_offices' | 'questions' | 'polls') =>
          (await db.db.selectFrom(table).select('id').where('site_id', '=', c.siteId).execute()).length;
        for (const t of ['articles', 'org_people', 'documents', 'media', 'songs', 'map_offices', 'questions', 'polls'] as const) assert.equal(await counts(t), 0, `${c.code}: no ${t}`);
        const units = await db.db.selectFrom('org_units').select(['phone', 'email']).where('site_id', '=', c.siteId).execute();
        assert.ok(units.every((u) => u.phone === '' && u.email === ''), 'the model’s contacts are not copied');
        const row = await db.db.selectFrom('sites').select('settings').where('id', '=', c.siteId).executeTakeFirstOrThrow();
        const settings = JSON.parse(row.settings);
        assert.equal(settings.publisher.agency, `Ủy ban nhân dân phường ${c.code === 'phuongbac' ? 'Bắc' : 'Nam'}`);
        assert.equal(settings.publisher.responsible, 'Đang cập nhật');
        const audit = await db.db.selectFrom('audit_log').selectAll().where('action', '=', 'site.create').where('site_id', '=', c.siteId).executeTakeFirstOrThrow();
        assert.equal(JSON.parse(audit.after_json!).from, 'bachonglinh');
        assert.equal(JSON.parse(audit.after_json!).copied.units, want.units.length);
      }
    });
  },
  async ({ app }) => app.close(),
);

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'kysely';
import { insertSite } from '../../src/kernel/sites/repo.js';
import { AdminClient, makeUser } from '../helpers/admin.js';
import { buildTestApp, NAM_HONG_LINH } from '../helpers/app.js';
import { describeEachDb, type TestDb } from '../helpers/db.js';
import { everyRow, seedMergeFixture } from './fixture.js';

const PATH = '/quan-tri/hop-nhat-trang';
const PREVIEW = `${PATH}/xem-truoc`;

async function setup(db: TestDb) {
  const { target } = await seedMergeFixture(db);
  const app = await buildTestApp(db);
  await makeUser(db.db, 'quantri', [{ siteId: 1, role: 'site_admin' }, { siteId: target, role: 'site_admin' }]);
  await makeUser(db.db, 'hethong', [], true);
  return { app, target, admin: await AdminClient.login(app, NAM_HONG_LINH, 'quantri'), system: await AdminClient.login(app, NAM_HONG_LINH, 'hethong') };
}

describeEachDb('the system admins\' merge screen', setup, (get) => {
  const articlesOf = async (siteId: number) => Number((await get().db.db.selectFrom('articles').select(sql<number>`count(*)`.as('n')).where('site_id', '=', siteId).executeTakeFirstOrThrow()).n);

  test('only system admins see it and use it; a site admin of both sites is refused', async () => {
    const { admin, system, db } = get();
    const before = await everyRow(db.db);
    assert.equal((await admin.get(PATH)).statusCode, 403);
    assert.equal((await admin.post(PREVIEW, { into: 'honglinhmoi', olds: ['namhonglinh'], mode: 'subtree' })).statusCode, 403);
    assert.equal((await admin.post(PATH, { into: 'honglinhmoi', olds: ['namhonglinh'], mode: 'subtree' })).statusCode, 403);
    assert.doesNotMatch((await admin.get('/quan-tri')).body, /Hợp nhất trang/, 'not in a site admin\'s menu');
    const res = await system.get(PATH);
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /<option value="honglinhmoi">Cổng thông tin điện tử phường Hồng Lĩnh \(honglinhmoi\)<\/option>/);
    assert.match((await system.get('/quan-tri')).body, /href="\/quan-tri\/hop-nhat-trang"/);
    assert.deepEqual(await everyRow(db.db), before);
  });

  test('a post without the CSRF token is refused and changes nothing', async () => {
    const { system, db } = get();
    const before = await everyRow(db.db);
    assert.equal((await system.post(PATH, { into: 'honglinhmoi', olds: ['namhonglinh'], mode: 'subtree' }, { csrf: null })).statusCode, 403);
    assert.equal((await system.post(PREVIEW, { into: 'honglinhmoi', olds: ['namhonglinh'], mode: 'subtree' }, { csrf: 'sai' })).statusCode, 403);
    assert.deepEqual(await everyRow(db.db), before);
  });

  test('bad input comes back next to its field with what was chosen, nothing stored', async () => {
    const { system, db } = get();
    const before = await everyRow(db.db);
    const res = await system.post(PREVIEW, { into: 'honglinhmoi', olds: ['honglinhmoi', 'namhonglinh', 'namhonglinh'], mode: 'subtree' });
    assert.equal(res.statusCode, 422);
    assert.match(res.body, /<p class="field-error" id="f-olds-error">Trang honglinhmoi vừa là trang nhận vừa là trang cũ: một trang không hợp nhất vào chính nó\. Trang cũ namhonglinh được nêu hai lần\.<\/p>/);
    assert.match(res.body, /<option value="honglinhmoi" selected>/);
    assert.match(res.body, /<input type="checkbox" name="olds" value="namhonglinh" checked/);
    const none = await system.post(PREVIEW, { into: '', mode: 'subtree' });
    assert.match(none.body, /id="f-into-error">Hãy chọn trang nhận nội dung\.</);
    assert.match(none.body, /id="f-olds-error">Hãy nêu ít nhất một trang cũ cần hợp nhất\.</);
    assert.deepEqual(await everyRow(db.db), before);
  });

  test('"Xem trước" shows the plan and changes nothing; "Hợp nhất" merges and the old site becomes an archive', async () => {
    const { system, db, target } = get();
    const before = await everyRow(db.db);
    const preview = await system.post(PREVIEW, { into: 'honglinhmoi', olds: ['bachonglinh'], mode: 'subtree' });
    assert.equal(preview.statusCode, 200);
    assert.match(preview.body, /Xem trước: chưa thay đổi gì/);
    assert.match(preview.body, /sẽ chuyển \d+ mục\./);
    assert.match(preview.body, /  Bài viết: 18\n/);
    assert.match(preview.body, /Trùng tên — Trang tĩnh: “gioi-thieu” đổi thành “gioi-thieu-2”\./);
    assert.match(preview.body, /<input type="hidden" name="olds" value="bachonglinh"\/?>/);
    assert.deepEqual(await everyRow(db.db), before);

    const done = await system.post(PATH, { into: 'honglinhmoi', olds: ['bachonglinh'], mode: 'subtree' });
    assert.equal(done.statusCode, 200);
    assert.match(done.body, /Đã hợp nhất/);
    assert.equal(await articlesOf(2), 0);
    assert.equal(await articlesOf(target), 18);
    const site = await db.db.selectFrom('sites').select(['archived_at', 'successors']).where('id', '=', 2).executeTakeFirstOrThrow();
    assert.ok(site.archived_at);
    assert.deepEqual(JSON.parse(site.successors), [target]);
    const audit = await db.db.selectFrom('audit_log').select(['user_id', 'site_id']).where('action', '=', 'site.merge').execute();
    assert.equal(audit.length, 1);
    assert.equal(audit[0]!.site_id, target);
    assert.ok(audit[0]!.user_id, 'the system admin who merged is named');
    assert.doesNotMatch((await system.get(PATH)).body, /<option value="bachonglinh"/, 'an archive is no longer offered as a target');
  });

  test('the target publishes the moved articles at their paths, in its categories and its search', async () => {
    const { app, db, target } = get();
    const a = await db.db.selectFrom('articles').select(['id', 'slug', 'title', 'category_id']).where('site_id', '=', target).where('status', '=', 'published').orderBy('id', 'desc').executeTakeFirstOrThrow();
    const host = { host: 'honglinhmoi.localhost' };
    const page = await app.inject({ url: `/bai-viet/${a.slug}-${a.id}`, headers: host });
    assert.equal(page.statusCode, 200);
    const cat = await db.db.selectFrom('categories').select(['slug', 'site_id']).where('id', '=', a.category_id).executeTakeFirstOrThrow();
    assert.equal(cat.site_id, target);
    assert.match((await app.inject({ url: `/chuyen-muc/${cat.slug}`, headers: host })).body, new RegExp(`/bai-viet/${a.slug}-${a.id}`));
    const found = await app.inject({ url: `/tim-kiem?q=${encodeURIComponent(a.title)}`, headers: host });
    assert.match(found.body, new RegExp(`/bai-viet/${a.slug}-${a.id}`), 'the search index follows the article');
    assert.equal((await app.inject({ url: `/bai-viet/${a.slug}-${a.id}`, headers: { host: 'bachonglinh.localhost' } })).statusCode === 200, false, 'the old site no longer serves it as its own');
  });

  test('an archive merged again into a second site (a unit split in two) keeps its first successor and adds the second; its visits are not counted twice', async () => {
    const { system, db, target } = get();
    const settings = (await db.db.selectFrom('sites').select('settings').where('id', '=', 1).executeTakeFirstOrThrow()).settings;
    const second = await insertSite(db.db, { code: 'xamoi', name: 'Cổng thông tin điện tử xã Mới', isDefault: false, settings: JSON.parse(settings), counterBase: 7, hosts: ['xamoi.localhost'] }, new Date().toISOString());
    const res = await system.post(PATH, { into: 'xamoi', olds: ['bachonglinh'], mode: 'by-name' });
    assert.equal(res.statusCode, 200);
    const site = await db.db.selectFrom('sites').select(['successors']).where('id', '=', 2).executeTakeFirstOrThrow();
    assert.deepEqual(JSON.parse(site.successors), [target, second]);
    const counter = await db.db.selectFrom('sites').select('counter_base').where('id', '=', second).executeTakeFirstOrThrow();
    assert.equal(Number(counter.counter_base), 7);
  });
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { features } from '../../src/features/index.js';
import { purgePassedTransitions } from '../../src/features/alerts/transitions.js';
import { markArchived } from '../../src/kernel/sites/archive.js';
import { AdminClient, makeUser } from '../helpers/admin.js';
import { buildTestApp, NAM_HONG_LINH, BAC_HONG_LINH } from '../helpers/app.js';
import { describeEachDb, type TestDb } from '../helpers/db.js';
import { auditRows, fieldError } from '../site-admin/helpers.js';
import { ADMIN, alertsOf, publicPage, valid } from './helpers.js';

const clock = { now: new Date('2027-01-06T01:00:00Z') }; // 08:00 in Vietnam, before `valid` starts (09:00)

/** The transitions job is run by the tests themselves, at the times they choose (its own timer would race them). */
const withoutTimer = features.map((f) => (f.key === 'alerts' ? { ...f, jobs: undefined } : f));

async function setup(db: TestDb) {
  // A long page lifetime: only a purge can change a cached page within these tests.
  const app = await buildTestApp(db, { now: () => clock.now, cacheSeconds: 3600, features: withoutTimer });
  await makeUser(db.db, 'quantri', [{ siteId: 1, role: 'site_admin' }]);
  await makeUser(db.db, 'hethong', [], true);
  // Signed in at the clock's time of each test (the clock jumps days, past a session's end).
  return { app, admin: () => AdminClient.login(app, NAM_HONG_LINH, 'quantri'), system: () => AdminClient.login(app, NAM_HONG_LINH, 'hethong') };
}

const alertCount = async (db: TestDb) => Number((await db.db.selectFrom('alerts').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

describeEachDb('emergency notices: future start and end, several sites at once, archived sites', setup, (ctx) => {
  test('a notice with a future start appears on cached pages once the job has run after its start, and goes after its end', async () => {
    const { app, db } = ctx();
    clock.now = new Date('2027-01-06T01:00:00Z');
    let admin = await ctx().admin();
    assert.equal((await admin.post(`${ADMIN}/moi`, { ...valid, title: 'Cắt điện diện rộng' })).statusCode, 303);
    assert.equal(alertsOf((await publicPage(app, '/gioi-thieu')).body), '', 'not before its start (and this page is now cached)');
    assert.match((await admin.get(ADMIN)).body, /Chờ hiển thị/);
    assert.deepEqual(await purgePassedTransitions(db.db, app.cong.pageCache, clock.now), [], 'nothing has passed yet');

    clock.now = new Date('2027-01-06T02:00:30Z'); // 09:00:30
    assert.equal(alertsOf((await publicPage(app, '/gioi-thieu')).body), '', 'the cached copy still has no notice: the purge is what brings it');
    const id = (await db.db.selectFrom('alerts').select('id').where('title', '=', 'Cắt điện diện rộng').executeTakeFirstOrThrow()).id;
    assert.deepEqual(await purgePassedTransitions(db.db, app.cong.pageCache, clock.now), [id]);
    assert.match(alertsOf((await publicPage(app, '/gioi-thieu')).body), /Cắt điện diện rộng/);
    assert.deepEqual(await purgePassedTransitions(db.db, app.cong.pageCache, clock.now), [], 'each transition is purged once');

    clock.now = new Date('2027-01-08T11:00:03Z'); // just past the end, within the clock margin
    assert.deepEqual(await purgePassedTransitions(db.db, app.cong.pageCache, clock.now), [], 'not within the clock margin');
    clock.now = new Date('2027-01-08T11:00:06Z');
    assert.match(alertsOf((await publicPage(app, '/gioi-thieu')).body), /Cắt điện diện rộng/, 'cached until the job purges');
    assert.deepEqual(await purgePassedTransitions(db.db, app.cong.pageCache, clock.now), [id]);
    assert.equal(alertsOf((await publicPage(app, '/gioi-thieu')).body), '');
    // Two instances running the job at once purge each transition once between them.
    clock.now = new Date('2027-01-08T12:00:00Z');
    admin = await ctx().admin();
    assert.equal((await admin.post(`${ADMIN}/moi`, { ...valid, starts: '2027-01-08T19:30', ends: '2027-01-09T08:00', title: 'Mưa lớn đêm nay' })).statusCode, 303);
    clock.now = new Date('2027-01-08T12:31:00Z');
    const both = await Promise.all([purgePassedTransitions(db.db, app.cong.pageCache, clock.now), purgePassedTransitions(db.db, app.cong.pageCache, clock.now)]);
    assert.equal(both.flat().length, 1);
  });

  test('a system admin sends one notice to the chosen sites: one row and one audit row per site, each shown only on its sites', async () => {
    const { app, db } = ctx();
    clock.now = new Date('2027-01-06T03:00:00Z');
    const system = await ctx().system();
    for (const host of [NAM_HONG_LINH, BAC_HONG_LINH]) assert.doesNotMatch((await publicPage(app, '/', host)).body, /Bão số 13 đổ bộ/);
    const form = await system.get(`${ADMIN}/gui-nhieu-trang`);
    assert.equal(form.statusCode, 200);
    assert.match(form.body, /Tất cả các trang đang hoạt động/);
    const auditsBefore = (await auditRows(db, 'alert.create')).length;
    const res = await system.post(`${ADMIN}/gui-nhieu-trang`, { ...valid, title: 'Bão số 13 đổ bộ', sites: ['1', '2'] });
    assert.equal(res.statusCode, 303);
    const rows = await db.db.selectFrom('alerts').selectAll().where('title', '=', 'Bão số 13 đổ bộ').orderBy('site_id').execute();
    assert.deepEqual(rows.map((r) => r.site_id), [1, 2]);
    assert.ok(rows[0]!.batch && rows[0]!.batch === rows[1]!.batch, 'one batch');
    const audits = (await auditRows(db, 'alert.create')).slice(auditsBefore);
    assert.deepEqual(audits.map((a) => [a.site_id, Number(a.entity_id)]), rows.map((r) => [r.site_id, r.id]));
    for (const host of [NAM_HONG_LINH, BAC_HONG_LINH]) assert.match(alertsOf((await publicPage(app, '/', host)).body), /Bão số 13 đổ bộ/, host);

    // Sent to site 2 only: never on site 1.
    assert.equal((await system.post(`${ADMIN}/gui-nhieu-trang`, { ...valid, title: 'Chỉ phường thứ hai', sites: '2' })).statusCode, 303);
    assert.match(alertsOf((await publicPage(app, '/', BAC_HONG_LINH)).body), /Chỉ phường thứ hai/);
    assert.doesNotMatch((await publicPage(app, '/')).body, /Chỉ phường thứ hai/);
  });

  test('bad input on the multi-site form: no site chosen, bad times; typed text and ticks come back, nothing written', async () => {
    const { db } = ctx();
    const system = await ctx().system();
    const before = await alertCount(db);
    const none = await system.post(`${ADMIN}/gui-nhieu-trang`, { ...valid, title: 'Không chọn trang' });
    assert.equal(none.statusCode, 422);
    assert.equal(fieldError(none.body, 'sites'), 'Vui lòng chọn ít nhất một trang, hoặc chọn “Tất cả các trang đang hoạt động”.');
    assert.match(none.body, /value="Không chọn trang"/);
    const bad = await system.post(`${ADMIN}/gui-nhieu-trang`, { ...valid, title: '', ends: '2027-01-05T10:00', sites: '2' });
    assert.equal(bad.statusCode, 422);
    assert.equal(fieldError(bad.body, 'title'), 'Vui lòng nhập tiêu đề thông báo.');
    assert.equal(fieldError(bad.body, 'ends'), 'Thời điểm kết thúc phải sau thời điểm bắt đầu.');
    assert.match(bad.body, /<input type="checkbox" id="f-site-2" name="sites" value="2" checked/);
    assert.equal(await alertCount(db), before);
  });

  test('archived sites: "all" skips them, choosing one is refused with its name (and nothing is written), and they show no notice', async () => {
    const { app, db } = ctx();
    clock.now = new Date('2027-01-06T03:00:00Z');
    const system = await ctx().system();
    await markArchived(db.db, 2, [1], clock.now);
    await app.cong.sites.reload();
    app.cong.pageCache.purgeSite(2);
    try {
      assert.equal(alertsOf((await publicPage(app, '/', BAC_HONG_LINH)).body), '', 'an archived site shows none of its notices');
      const name = (await db.db.selectFrom('sites').select('name').where('id', '=', 2).executeTakeFirstOrThrow()).name;
      const form = await system.get(`${ADMIN}/gui-nhieu-trang`);
      assert.match(form.body, /<input type="checkbox" id="f-site-2" name="sites" value="2" disabled/);
      const before = await alertCount(db);
      const refused = await system.post(`${ADMIN}/gui-nhieu-trang`, { ...valid, title: 'Gửi nhầm trang lưu trữ', sites: ['1', '2'] });
      assert.equal(refused.statusCode, 422);
      assert.equal(fieldError(refused.body, 'sites'), `Trang lưu trữ không nhận thông báo mới: ${name}. Hãy bỏ chọn trang này.`);
      assert.equal(await alertCount(db), before, 'not even site 1 got it: one transaction');
      const all = await system.post(`${ADMIN}/gui-nhieu-trang`, { ...valid, title: 'Gửi tất cả', all: '1' });
      assert.equal(all.statusCode, 303);
      const sent = await db.db.selectFrom('alerts').select('site_id').where('title', '=', 'Gửi tất cả').execute();
      assert.deepEqual(sent.map((r) => r.site_id), [1]);
      // The archived site's own back office takes no new notice either.
      await makeUser(db.db, 'quantri2', [{ siteId: 2, role: 'site_admin' }]);
      const own = await AdminClient.login(app, BAC_HONG_LINH, 'quantri2');
      assert.equal((await own.post(`${ADMIN}/moi`, valid)).statusCode, 409);
      assert.equal(await alertCount(db), before + 1);
    } finally {
      await db.db.updateTable('sites').set({ archived_at: null, successors: '[]' }).where('id', '=', 2).execute();
      await app.cong.sites.reload();
    }
  });
});

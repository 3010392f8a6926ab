import assert from 'node:assert/strict';
import { test } from 'node:test';
import { AdminClient, makeUser } from '../helpers/admin.js';
import { buildTestApp, NAM_HONG_LINH, BAC_HONG_LINH } from '../helpers/app.js';
import { describeEachDb, type TestDb } from '../helpers/db.js';
import { fieldError, lastAudit } from '../site-admin/helpers.js';
import { addEntry, daySection } from './helpers.js';

const ADMIN = '/quan-tri/lich-cong-tac';
const clock = { now: new Date('2027-01-06T03:00:00Z') }; // Wednesday of 2027-W01

async function setup(db: TestDb) {
  const app = await buildTestApp(db, { now: () => clock.now });
  await makeUser(db.db, 'bientap', [{ siteId: 1, role: 'editor' }]);
  await makeUser(db.db, 'duyet', [{ siteId: 1, role: 'approver' }]);
  await makeUser(db.db, 'congtacvien', [{ siteId: 1, role: 'contributor' }]);
  await makeUser(db.db, 'kiemduyet', [{ siteId: 1, role: 'moderator' }]);
  await makeUser(db.db, 'quantri2', [{ siteId: 2, role: 'site_admin' }]);
  const other = await AdminClient.login(app, BAC_HONG_LINH, 'quantri2');
  return {
    app,
    editor: await AdminClient.login(app, NAM_HONG_LINH, 'bientap'),
    approver: await AdminClient.login(app, NAM_HONG_LINH, 'duyet'),
    contributor: await AdminClient.login(app, NAM_HONG_LINH, 'congtacvien'),
    moderator: await AdminClient.login(app, NAM_HONG_LINH, 'kiemduyet'),
    other,
    otherSiteEntry: await addEntry(db.db, { site_id: 2, day: '2027-01-05', content: 'Lịch của phường Nam Hồng Lĩnh' }),
  };
}

const valid = { day: '2027-01-07', start: '14:00', end: '16:30', content: 'Kiểm tra công trình kè sông', participants: 'Phòng Kinh tế\nBan Quản lý dự án', place: 'Kè sông Minh Thử', leader: 'Phó Chủ tịch UBND', note: '' };

describeEachDb('back office: work schedule', setup, (ctx) => {
  test('bad input: Vietnamese messages next to the fields, typed text kept, nothing stored', async () => {
    const { editor, db } = ctx();
    const count = async () => (await db.db.selectFrom('schedule_entries').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n;
    const before = Number(await count());
    const cases: [Record<string, string>, string, string][] = [
      [{ ...valid, start: '' }, 'start', 'Vui lòng nhập giờ bắt đầu.'],
      [{ ...valid, start: '25:00' }, 'start', 'Giờ bắt đầu không hợp lệ, ví dụ 07:30.'],
      [{ ...valid, content: '   ' }, 'content', 'Vui lòng nhập nội dung công việc.'],
      [{ ...valid, day: '' }, 'day', 'Vui lòng nhập ngày.'],
      [{ ...valid, day: '31/02/2027' }, 'day', 'Ngày không hợp lệ, ví dụ 23/11/2026.'],
      [{ ...valid, day: '2027-13-01' }, 'day', 'Ngày không hợp lệ, ví dụ 23/11/2026.'],
      [{ ...valid, end: '13:00' }, 'end', 'Giờ kết thúc phải sau giờ bắt đầu.'],
      [{ ...valid, end: '14:00' }, 'end', 'Giờ kết thúc phải sau giờ bắt đầu.'],
      [{ ...valid, place: 'x'.repeat(301) }, 'place', 'Địa điểm dài tối đa 300 ký tự (hiện có 301).'],
    ];
    for (const [form, field, message] of cases) {
      const res = await editor.post(`${ADMIN}/moi`, form);
      assert.equal(res.statusCode, 422, JSON.stringify(form));
      assert.equal(fieldError(res.body, field), message);
      assert.match(res.body, /Kiểm tra công trình kè sông|value="Kè sông Minh Thử"/);
      assert.match(res.body, /Phòng Kinh tế\nBan Quản lý dự án/);
    }
    assert.equal(Number(await count()), before);
  });

  test('create as draft, publish the week, edit, copy, delete: audit rows and the public pages follow at once', async () => {
    const { editor, approver, app, db } = ctx();
    const pub = (url: string) => app.inject({ url, headers: { host: NAM_HONG_LINH } });
    assert.match((await pub('/lich-cong-tac')).body, /tuần 1 /); // cached now
    const created = await editor.post(`${ADMIN}/moi`, { ...valid, day: '07/01/2027', start: '14h', content: '<script>alert(1)</script> Kiểm tra công trình kè sông' });
    assert.equal(created.statusCode, 303);
    assert.equal(created.headers.location, `${ADMIN}?tuan=2027-W01&tb=da-them`);
    const row = await db.db.selectFrom('schedule_entries').selectAll().where('site_id', '=', 1).where('place', '=', 'Kè sông Minh Thử').executeTakeFirstOrThrow();
    assert.deepEqual([row.day, row.start_time, row.end_time, row.published], ['2027-01-07', '14:00', '16:30', 0]);
    const audit = await lastAudit(db, 'schedule.create');
    assert.equal(audit.siteId, 1);
    assert.equal(audit.after.content, '<script>alert(1)</script> Kiểm tra công trình kè sông');
    // A draft is not public; the week screen shows it, escaped.
    assert.doesNotMatch((await pub('/lich-cong-tac')).body, /Kiểm tra công trình kè sông/);
    const week = await editor.get(`${ADMIN}?tuan=2027-W01`);
    assert.match(week.body, /Nháp/);
    assert.doesNotMatch(week.body, /<script>alert/);

    assert.equal((await approver.post(`${ADMIN}/cong-bo`, { tuan: '2027-W01' })).statusCode, 303);
    const published = (await pub('/lich-cong-tac')).body;
    assert.match(daySection(published, '2027-01-07'), /Kiểm tra công trình kè sông/);
    assert.doesNotMatch(published, /<script>alert/);
    assert.match((await pub('/lich-cong-tac?tuan=2027-W01')).body, /Kiểm tra công trình kè sông/);
    assert.deepEqual((await lastAudit(db, 'schedule.publish_week')).after, { ids: [row.id] });
    assert.match((await pub('/lich-cong-tac.ics')).body, /Kiểm tra công trình kè sông/);

    // Edit: moved to next week; both weeks' pages are purged.
    const edit = await editor.get(`${ADMIN}/${row.id}`);
    assert.match(edit.body, /value="2027-01-07"/);
    assert.equal((await pub('/lich-cong-tac?tuan=2027-W02')).statusCode, 200); // cached
    assert.equal((await editor.post(`${ADMIN}/${row.id}`, { ...valid, day: '2027-01-12', content: 'Kiểm tra kè sông (dời lịch)', published: '1' })).statusCode, 303);
    assert.doesNotMatch((await pub('/lich-cong-tac')).body, /Kiểm tra kè sông/);
    assert.match(daySection((await pub('/lich-cong-tac?tuan=2027-W02')).body, '2027-01-12'), /Kiểm tra kè sông \(dời lịch\)/);
    const upd = await lastAudit(db, 'schedule.update');
    assert.equal(upd.before.day, '2027-01-07');
    assert.equal(upd.after.day, '2027-01-12');

    // Copy: the same entry a week later, as a draft form to confirm.
    const copy = await editor.get(`${ADMIN}/moi?tu=${row.id}`);
    assert.equal(copy.statusCode, 200);
    assert.match(copy.body, /value="2027-01-19"/);
    assert.match(copy.body, /Kiểm tra kè sông \(dời lịch\)/);

    assert.equal((await editor.post(`${ADMIN}/${row.id}/xoa`)).statusCode, 303);
    assert.doesNotMatch((await pub('/lich-cong-tac?tuan=2027-W02')).body, /Kiểm tra kè sông/);
    assert.equal((await lastAudit(db, 'schedule.delete')).before.id, row.id);
  });

  test('permissions: contributors, moderators and other sites\' admins get 403; other sites\' ids 404', async () => {
    const { contributor, moderator, other, editor, app, otherSiteEntry, db } = ctx();
    for (const c of [contributor, moderator]) {
      assert.equal((await c.get(ADMIN)).statusCode, 403);
      assert.equal((await c.post(`${ADMIN}/moi`, valid)).statusCode, 403);
      assert.equal((await c.post(`${ADMIN}/cong-bo`, { tuan: '2027-W01' })).statusCode, 403);
    }
    const aimed = Object.assign(new AdminClient(app, NAM_HONG_LINH), { cookie: other.cookie, csrf: other.csrf });
    assert.equal((await aimed.post(`${ADMIN}/moi`, valid)).statusCode, 403);
    assert.equal((await editor.get(`${ADMIN}/${otherSiteEntry}`)).statusCode, 404);
    assert.equal((await editor.post(`${ADMIN}/${otherSiteEntry}`, valid)).statusCode, 404);
    assert.equal((await editor.post(`${ADMIN}/${otherSiteEntry}/xoa`)).statusCode, 404);
    assert.equal((await editor.get(`${ADMIN}/moi?tu=${otherSiteEntry}`)).statusCode, 404);
    assert.equal((await editor.post(`${ADMIN}/moi`, valid, { csrf: null })).statusCode, 403);
    const still = await db.db.selectFrom('schedule_entries').select('content').where('id', '=', otherSiteEntry).executeTakeFirstOrThrow();
    assert.equal(still.content, 'Lịch của phường Nam Hồng Lĩnh');
  });

  test('"this week" turns over at Monday 00:00 Vietnam time even with the page in the cache', async (t) => {
    const { app } = ctx();
    clock.now = new Date('2027-01-10T16:59:00Z'); // Sunday 23:59 in Vietnam
    t.after(() => {
      clock.now = new Date('2027-01-06T03:00:00Z');
    });
    const sunday = await app.inject({ url: '/lich-cong-tac', headers: { host: NAM_HONG_LINH } });
    assert.match(sunday.body, /tuần 1 \(từ 04\/01\/2027/);
    assert.match(String(sunday.headers['cache-control']), /max-age=60, s-maxage=60/);
    clock.now = new Date('2027-01-10T17:00:00Z'); // Monday 00:00
    assert.match((await app.inject({ url: '/lich-cong-tac', headers: { host: NAM_HONG_LINH } })).body, /tuần 2 \(từ 11\/01\/2027/);
  });
});

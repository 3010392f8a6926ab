import assert from 'node:assert/strict';
import { test } from 'node:test';
import { AdminClient, makeUser } from '../helpers/admin.js';
import { buildTestApp, NAM_HONG_LINH, BAC_HONG_LINH } from '../helpers/app.js';
import { describeEachDb, type TestDb } from '../helpers/db.js';
import { auditRows, fieldError, lastAudit } from '../site-admin/helpers.js';
import { ADMIN, alertsOf, publicPage, valid } from './helpers.js';

const clock = { now: new Date('2027-01-06T03:00:00Z') }; // 10:00 in Vietnam, inside `valid`

async function setup(db: TestDb) {
  const app = await buildTestApp(db, { now: () => clock.now });
  await makeUser(db.db, 'quantri', [{ siteId: 1, role: 'site_admin' }]);
  await makeUser(db.db, 'duyet', [{ siteId: 1, role: 'approver' }]);
  await makeUser(db.db, 'bientap', [{ siteId: 1, role: 'editor' }]);
  await makeUser(db.db, 'quantri2', [{ siteId: 2, role: 'site_admin' }]);
  return {
    app,
    admin: await AdminClient.login(app, NAM_HONG_LINH, 'quantri'),
    approver: await AdminClient.login(app, NAM_HONG_LINH, 'duyet'),
    editor: await AdminClient.login(app, NAM_HONG_LINH, 'bientap'),
    other: await AdminClient.login(app, BAC_HONG_LINH, 'quantri2'),
  };
}

const countAlerts = async (db: TestDb) => Number((await db.db.selectFrom('alerts').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

describeEachDb('back office: emergency notices of one site', setup, (ctx) => {
  test('bad input: Vietnamese messages next to the fields, typed text kept, nothing stored', async () => {
    const { admin, db } = ctx();
    const before = await countAlerts(db);
    const cases: [Record<string, string>, string, string][] = [
      [{ ...valid, title: '   ' }, 'title', 'Vui lòng nhập tiêu đề thông báo.'],
      [{ ...valid, title: 'Bão '.repeat(40) }, 'title', 'Tiêu đề dài tối đa 150 ký tự (hiện có 159).'],
      [{ ...valid, body: '' }, 'body', 'Vui lòng nhập nội dung thông báo.'],
      [{ ...valid, body: 'x'.repeat(1001) }, 'body', 'Nội dung dài tối đa 1000 ký tự (hiện có 1001).'],
      [{ ...valid, severity: 'bao-dong' }, 'severity', 'Vui lòng chọn mức độ: Khẩn cấp hoặc Lưu ý.'],
      [{ ...valid, link: 'javascript:alert(1)' }, 'link', 'Liên kết phải là địa chỉ bắt đầu bằng https:// hoặc http://, hoặc đường dẫn trong cổng bắt đầu bằng /, ví dụ /bai-viet/….'],
      [{ ...valid, link: '//evil.example/x' }, 'link', 'Liên kết phải là địa chỉ bắt đầu bằng https:// hoặc http://, hoặc đường dẫn trong cổng bắt đầu bằng /, ví dụ /bai-viet/….'],
      [{ ...valid, starts: '31/02/2027 08:00' }, 'starts', 'Thời điểm bắt đầu không hợp lệ, ví dụ 03/12/2026 14:00.'],
      [{ ...valid, ends: '' }, 'ends', 'Vui lòng nhập thời điểm kết thúc.'],
      [{ ...valid, ends: 'ngày mai' }, 'ends', 'Thời điểm kết thúc không hợp lệ, ví dụ 05/12/2026 18:00.'],
      [{ ...valid, ends: '2027-01-06T08:00' }, 'ends', 'Thời điểm kết thúc phải sau thời điểm bắt đầu.'],
      [{ ...valid, ends: '06/01/2027 09:00' }, 'ends', 'Thời điểm kết thúc phải sau thời điểm bắt đầu.'],
      [{ ...valid, starts: '2027-01-05T08:00', ends: '2027-01-06T09:30' }, 'ends', 'Thời điểm kết thúc đã qua: thông báo sẽ không hiển thị. Hãy chọn một thời điểm sau bây giờ.'],
    ];
    for (const [form, field, message] of cases) {
      const res = await admin.post(`${ADMIN}/moi`, form);
      assert.equal(res.statusCode, 422, JSON.stringify(form));
      assert.equal(fieldError(res.body, field), message, field);
      assert.ok(res.body.includes(`rows="4">${form.body}</textarea>`), 'the typed text comes back');
      if (form.title.trim() && form.title.length < 100) assert.match(res.body, new RegExp(`value="${form.title}"`));
      assert.equal(/<input id="f-ends"[^>]*value="([^"]*)"/.exec(res.body)?.[1] ?? '', form.ends, 'the typed end comes back');
    }
    assert.equal(await countAlerts(db), before);
  });

  test('a notice saved now is at the top of every page of its site, escaped, with its links; never on the other site', async () => {
    const { admin, app, db } = ctx();
    const pages = ['/', '/tim-kiem?q=bao', '/lich-cong-tac', '/gioi-thieu'];
    for (const p of pages) assert.equal(alertsOf((await publicPage(app, p)).body), '', `no notice on ${p} yet (and now cached)`);
    assert.equal(alertsOf((await publicPage(app, '/', BAC_HONG_LINH)).body), '');
    const res = await admin.post(`${ADMIN}/moi`, { ...valid, title: 'Sơ tán <script>x</script> trước bão' });
    assert.equal(res.statusCode, 303);
    assert.equal(res.headers.location, `${ADMIN}?tb=da-them`);
    for (const p of pages) {
      const html = (await publicPage(app, p)).body;
      const region = alertsOf(html);
      assert.ok(region, `the notice is on ${p} at once`);
      assert.ok(html.indexOf('class="site-alerts"') < html.indexOf('class="site-header"'), 'above the header');
    }
    const region = alertsOf((await publicPage(app, '/')).body);
    assert.match(region, /<section class="site-alert site-alert-urgent" aria-labelledby="thong-bao-khan-(\d+)">/);
    assert.doesNotMatch(region, /role="alert"/);
    const id = /thong-bao-khan-(\d+)/.exec(region)![1];
    assert.match(region, new RegExp(`<h2 id="thong-bao-khan-${id}"><span class="site-alert-level">Thông báo khẩn – Khẩn cấp:</span> Sơ tán &lt;script>x&lt;/script> trước bão</h2>`));
    assert.match(region, /di chuyển đến nhà văn hoá trước 17 giờ\.<br\/?>Xem bản đồ tại <a href="https:\/\/bando\.example\.vn\/so-tan">https:\/\/bando\.example\.vn\/so-tan<\/a>\./);
    assert.match(region, /Có hiệu lực đến Thứ Sáu, 08\/01\/2027 18:00\./);
    assert.match(region, /<a href="\/bai-viet\/so-tan-123">Xem chi tiết<span class="visually-hidden">: Sơ tán &lt;script>x&lt;\/script> trước bão<\/span><\/a>/);
    assert.equal(alertsOf((await publicPage(app, '/', BAC_HONG_LINH)).body), '', 'site B never shows site A\'s notice');
    const audit = await lastAudit(db, 'alert.create');
    assert.equal(audit.siteId, 1);
    assert.equal(audit.after.title, 'Sơ tán <script>x</script> trước bão');
    assert.equal(audit.after.starts_at, '2027-01-06T02:00:00.000Z');
    assert.equal(audit.after.ends_at, '2027-01-08T11:00:00.000Z');
  });

  test('edit and end now: audited, and every cached page follows at once', async () => {
    const { approver, app, db } = ctx();
    const row = await db.db.selectFrom('alerts').selectAll().where('site_id', '=', 1).where('title', 'like', 'Sơ tán%').executeTakeFirstOrThrow();
    const form = await approver.get(`${ADMIN}/${row.id}`);
    assert.match(form.body, /value="2027-01-06T09:00"/);
    assert.match(form.body, /value="2027-01-08T18:00"/);
    await publicPage(app, '/gioi-thieu');
    const saved = await approver.post(`${ADMIN}/${row.id}`, { ...valid, title: 'Bão số 12 đã suy yếu', severity: 'advisory' });
    assert.equal(saved.statusCode, 303);
    const region = alertsOf((await publicPage(app, '/gioi-thieu')).body);
    assert.match(region, /site-alert-advisory/);
    assert.match(region, /Thông báo khẩn – Lưu ý:<\/span> Bão số 12 đã suy yếu/);
    const update = await lastAudit(db, 'alert.update');
    assert.deepEqual([update.before.title, update.after.title, update.after.severity], ['Sơ tán <script>x</script> trước bão', 'Bão số 12 đã suy yếu', 'advisory']);

    const list = await approver.get(ADMIN);
    assert.match(list.body, /Đang hiển thị/);
    assert.equal((await approver.post(`${ADMIN}/${row.id}/ket-thuc`, {})).statusCode, 303);
    assert.equal(alertsOf((await publicPage(app, '/gioi-thieu')).body), '');
    const end = await lastAudit(db, 'alert.end');
    assert.deepEqual([end.siteId, end.before.ends_at, end.after.ends_at], [1, '2027-01-08T11:00:00.000Z', clock.now.toISOString()]);
    assert.match((await approver.get(ADMIN)).body, /Đã kết thúc/);
    // Ending it again writes nothing.
    await approver.post(`${ADMIN}/${row.id}/ket-thuc`, {});
    assert.equal((await auditRows(db, 'alert.end')).length, 1);
  });

  test('who may: site admins and approvers of the site; not editors, not another site\'s admin', async () => {
    const { editor, other, db } = ctx();
    const before = await countAlerts(db);
    assert.equal((await editor.get(ADMIN)).statusCode, 403);
    assert.equal((await editor.post(`${ADMIN}/moi`, valid)).statusCode, 403);
    assert.equal((await editor.get(`${ADMIN}/gui-nhieu-trang`)).statusCode, 403);
    const mine = await db.db.selectFrom('alerts').select('id').where('site_id', '=', 1).executeTakeFirstOrThrow();
    // Site 2's admin, on site 2's back office, cannot reach site 1's notice by its id.
    assert.equal((await other.get(`${ADMIN}/${mine.id}`)).statusCode, 404);
    assert.equal((await other.post(`${ADMIN}/${mine.id}/ket-thuc`, {})).statusCode, 404);
    assert.equal((await other.post(`${ADMIN}/${mine.id}`, valid)).statusCode, 404);
    // …and its own list does not show it.
    assert.doesNotMatch((await other.get(ADMIN)).body, /Bão số 12 đã suy yếu/);
    assert.equal((await other.get(`${ADMIN}/gui-nhieu-trang`)).statusCode, 403, 'sending to many sites is for system admins');
    assert.equal(await countAlerts(db), before);
  });

  test('two "end now" clicks at once: ended once, one audit row', async () => {
    const { admin, db } = ctx();
    assert.equal((await admin.post(`${ADMIN}/moi`, { ...valid, title: 'Kết thúc hai lần' })).statusCode, 303);
    const { id } = await db.db.selectFrom('alerts').select('id').where('site_id', '=', 1).where('title', '=', 'Kết thúc hai lần').executeTakeFirstOrThrow();
    const before = (await auditRows(db, 'alert.end')).length;
    const answers = await Promise.all([1, 2, 3].map(() => admin.post(`${ADMIN}/${id}/ket-thuc`, {})));
    assert.deepEqual(answers.map((r) => r.statusCode), [303, 303, 303]);
    assert.equal((await auditRows(db, 'alert.end')).length, before + 1);
  });
});

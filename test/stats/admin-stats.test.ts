import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { AdminClient, makeUser } from '../helpers/admin.js';
import { NAM_HONG_LINH } from '../helpers/app.js';
import { describeEachDb } from '../helpers/db.js';
import { beacon, DESKTOP, statsApp } from './helpers.js';

const clock = Date.parse('2026-11-26T03:00:00.000Z');

describeEachDb('the statistics screen of the back office', async (db) => {
  const app = await statsApp(db, { now: () => new Date(clock) });
  const editorId = await makeUser(db.db, 'bientap', [{ siteId: 1, role: 'editor' }]);
  await makeUser(db.db, 'quantri', [{ siteId: 1, role: 'site_admin' }]);
  await makeUser(db.db, 'phongvien', [{ siteId: 1, role: 'contributor' }]);
  // Three articles published this month by the editor, one last month; one with a formula-like title.
  const ids = (await db.db.selectFrom('articles').select('id').where('site_id', '=', 1).where('status', '=', 'published').orderBy('id').limit(4).execute()).map((r) => r.id);
  const when = ['2026-11-02T02:00:00.000Z', '2026-11-10T02:00:00.000Z', '2026-11-25T16:30:00.000Z', '2026-10-31T16:59:00.000Z'];
  for (const [i, id] of ids.entries()) await db.db.updateTable('articles').set({ created_by: editorId, published_at: when[i]! }).where('id', '=', id).execute();
  await db.db.updateTable('articles').set({ title: '=HYPERLINK("http://x")' }).where('id', '=', ids[0]!).execute();
  for (let i = 0; i < 6; i++) await beacon(app, { ip: `203.113.5.${i}`, ua: i % 2 ? DESKTOP : undefined, article: ids[i % 2], referrer: 'https://www.facebook.com/' });
  await app.stats.flush();
  return {
    app,
    ids,
    editor: await AdminClient.login(app, NAM_HONG_LINH, 'bientap'),
    admin: await AdminClient.login(app, NAM_HONG_LINH, 'quantri'),
    contributor: await AdminClient.login(app, NAM_HONG_LINH, 'phongvien'),
  };
}, (get) => {
  test('the editorial board sees online now, today, week, month, totals, the chart with its table, top articles, referrers, devices', async () => {
    const { editor } = get();
    const res = await editor.get('/quan-tri/thong-ke');
    assert.equal(res.statusCode, 200);
    assert.equal(res.headers['cache-control'], 'no-store');
    const b = res.body;
    assert.match(b, /<h1>Thống kê truy cập<\/h1>/);
    for (const t of ['Đang trực tuyến', 'Hôm nay', 'Tuần này', 'Tháng này', 'Từ khi bắt đầu đếm', 'Bài viết được xem nhiều nhất', 'Trang web dẫn đến', 'Thiết bị', 'nhuận bút']) assert.ok(b.includes(t), t);
    assert.match(b, /<span class="n">6<\/span> khách trong 5 phút qua/);
    assert.match(b, /<span class="n">6<\/span> lượt xem trang/);
    assert.match(b, /Thống kê: 184\.256/);
    const series = JSON.parse(/data-series="([^"]+)"/.exec(b)![1]!.replace(/&quot;/g, '"'));
    assert.equal(series.days.length, 30);
    assert.equal(series.days.at(-1), '2026-11-26');
    assert.equal(series.pageViews.at(-1), 6);
    assert.equal(series.visitors.at(-1), 6);
    assert.match(b, /<th scope="row">26\/11\/2026<\/th><td>6<\/td><td>6<\/td><td>6<\/td>/, 'the same numbers as a table');
    assert.match(b, /<td>facebook\.com<\/td><td>6<\/td>/);
    assert.match(b, /<th scope="row">Điện thoại<\/th><td>3<\/td><td>50%<\/td>/);
    assert.match(b, /=HYPERLINK\(&quot;http:\/\/x&quot;\)<\/a><\/td><td>3<\/td>/);
    assert.match(b, /src="\/assets\/stats-chart\.[0-9a-f]+\.js"/);
    assert.ok(!b.includes('Cài đặt bộ đếm'), 'editors do not change the counter');
  });

  test('the per-editor table counts published articles by Vietnamese calendar month', async () => {
    const b = (await get().editor.get('/quan-tri/thong-ke')).body;
    const row = /<tr><th scope="row">Người dùng bientap<\/th>(.*?)<\/tr>/.exec(b);
    assert.ok(row, 'a row for the editor');
    const cells = [...row[1]!.matchAll(/<td>(?:<strong>)?(\d+)/g)].map((m) => Number(m[1]));
    assert.equal(cells.length, 13, '12 months and the total');
    assert.deepEqual(cells.slice(-3), [1, 3, 4], 'October (16:59 UTC on the 31st is still October in Vietnam), November, total');
  });

  test('periods of 90 and 365 days; anything else is 30', async () => {
    const { editor } = get();
    const days = async (q: string) => JSON.parse(/data-series="([^"]+)"/.exec((await editor.get(`/quan-tri/thong-ke${q}`)).body)![1]!.replace(/&quot;/g, '"')).days.length;
    assert.equal(await days('?ky=90'), 90);
    assert.equal(await days('?ky=365'), 365);
    assert.equal(await days('?ky=7'), 30);
  });

  test('CSV exports open in a spreadsheet in Vietnamese, formulas defused', async () => {
    const { editor } = get();
    const daily = await editor.get('/quan-tri/thong-ke/tai-ve.csv?bang=ngay&ky=30');
    assert.equal(daily.statusCode, 200);
    assert.equal(daily.headers['content-type'], 'text/csv; charset=utf-8');
    assert.match(daily.headers['content-disposition'] as string, /^attachment; filename="thong-ke-namhonglinh-ngay-2026-11-26\.csv"$/);
    assert.ok(daily.body.startsWith('\uFEFFNgày,Lượt xem trang,Lượt truy cập,Khách\r\n'));
    const lines = daily.body.trim().split('\r\n');
    assert.equal(lines.length, 31);
    assert.equal(lines.at(-1), '2026-11-26,6,6,6');
    const articles = (await editor.get('/quan-tri/thong-ke/tai-ve.csv?bang=bai-viet')).body;
    assert.ok(articles.includes(`${get().ids[0]},"'=HYPERLINK(""http://x"")",3`), articles);
    const royalties = (await editor.get('/quan-tri/thong-ke/tai-ve.csv?bang=nhuan-but')).body;
    assert.match(royalties, /^\uFEFFNgười viết,12\/2025,.*,11\/2026,Tổng\r\n/);
    assert.match(royalties, /\r\nNgười dùng bientap,(0,){10}1,3,4\r\n/);
    assert.match(royalties, /\r\n\(không rõ người viết\),/, 'imported articles without an author account');
    for (const t of ['nguon', 'thiet-bi']) assert.equal((await editor.get(`/quan-tri/thong-ke/tai-ve.csv?bang=${t}`)).statusCode, 200);
    assert.equal((await editor.get('/quan-tri/thong-ke/tai-ve.csv?bang=khac')).statusCode, 404);
  });

  test('contributors cannot see the statistics', async () => {
    const { contributor } = get();
    assert.equal((await contributor.get('/quan-tri/thong-ke')).statusCode, 403);
    assert.equal((await contributor.get('/quan-tri/thong-ke/tai-ve.csv?bang=ngay')).statusCode, 403);
  });

  test('site admins set how the counter counts and shows, with an audit row; others cannot', async () => {
    const { admin, editor, app } = get();
    const page = (await admin.get('/quan-tri/thong-ke')).body;
    assert.match(page, /Cài đặt bộ đếm trên trang công khai/);
    assert.match(page, /href="\/quan-tri\/trang-web\/cai-dat#f-counter_base"/, 'the counter base is edited with the site settings');
    assert.equal((await editor.post('/quan-tri/thong-ke/cai-dat', { count_mode: 'visits', widget: 'detailed' })).statusCode, 403);
    const bad = await admin.post('/quan-tri/thong-ke/cai-dat', { count_mode: 'hits', widget: 'detailed' });
    assert.equal(bad.statusCode, 422);
    assert.match(bad.body, /Vui lòng chọn bộ đếm tính lượt xem trang hay lượt truy cập\./);
    assert.equal((await admin.post('/quan-tri/thong-ke/cai-dat', { count_mode: 'page_views', widget: 'detailed', show_article_views: '1' }, { csrf: null })).statusCode, 403, 'CSRF');
    const ok = await admin.post('/quan-tri/thong-ke/cai-dat', { count_mode: 'visits', widget: 'detailed', show_article_views: '1' });
    assert.equal(ok.statusCode, 303);
    assert.equal(ok.headers.location, '/quan-tri/thong-ke?tb=da-luu');
    assert.match((await admin.get('/quan-tri/thong-ke?tb=da-luu')).body, /Đã lưu cài đặt bộ đếm\./);
    const audit = await get().db.db.selectFrom('audit_log').selectAll().where('action', '=', 'stats.settings').executeTakeFirstOrThrow();
    assert.deepEqual(JSON.parse(audit.before_json!), { count_mode: 'page_views', widget: 'simple', show_article_views: 0 });
    assert.deepEqual(JSON.parse(audit.after_json!), { count_mode: 'visits', widget: 'detailed', show_article_views: 1 });
    const home = (await app.inject({ url: '/', headers: { host: NAM_HONG_LINH } })).body;
    assert.match(home, /<dt>Hôm nay:<\/dt> <dd data-stat="today">6<\/dd>/, 'the cached public pages were purged');
    assert.match(home, /<dt>Tổng:<\/dt> <dd data-stat="total">184\.256<\/dd>/, '6 visits');
  });
}, async ({ app }: { app: FastifyInstance }) => {
  await app.close();
});

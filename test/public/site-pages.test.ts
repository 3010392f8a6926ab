import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { buildTestApp, NAM_HONG_LINH, BAC_HONG_LINH } from '../helpers/app.js';
import { describeEachDb } from '../helpers/db.js';

describeEachDb('home, category and static pages', async (db) => ({ app: await buildTestApp(db) }), (get) => {
  const html = async (url: string, host = NAM_HONG_LINH) => {
    const res = await get().app.inject({ url, headers: { host } });
    assert.equal(res.statusCode, 200, `${url}: ${res.statusCode}`);
    return res.body;
  };

  test('home shows the featured article, the latest, per-category blocks and the page frame', async () => {
    const body = await html('/');
    assert.match(body, /<title>Cổng thông tin điện tử phường Nam Hồng Lĩnh<\/title>/);
    assert.match(body, /Tin nổi bật/);
    assert.match(body, /Tin mới nhất/);
    for (const c of ['Tin tức – Sự kiện', 'Xây dựng Đảng', 'Chính quyền', 'Kinh tế', 'Văn hóa – Xã hội', 'Thông báo']) {
      assert.ok(body.includes(c), c);
    }
    assert.match(body, /Liên kết website/);
    assert.match(body, /Bản đồ phường Nam Hồng Lĩnh/);
    assert.match(body, /Các ca khúc hay về Nam Hồng Lĩnh/);
    assert.match(body, /<dt>Thống kê:<\/dt> <dd data-stat="total">184\.250<\/dd>/);
    assert.match(body, /<dt>Online:<\/dt> <dd data-stat="online">0<\/dd>/);
    assert.match(body, /Cơ quan chủ quản:/);
    assert.match(body, /Chịu trách nhiệm chính:/);
    assert.match(body, /Giấy phép/);
  });

  test('the counters come from stored data, not from the template', async () => {
    const { app, db } = get();
    await db.db.updateTable('site_stats').set({ page_views: 1234 }).execute();
    await db.db.insertInto('online_visitors').values([
      { site_id: 1, visitor: 'a', last_seen_at: new Date().toISOString() },
      { site_id: 1, visitor: 'b', last_seen_at: new Date().toISOString() },
      { site_id: 1, visitor: 'old', last_seen_at: new Date(Date.now() - 6 * 60_000).toISOString() },
    ]).execute();
    app.cong.pageCache.purgeSite(1);
    const body = await html('/trang/gioi-thieu');
    assert.match(body, /data-stat="total">185\.484</);
    assert.match(body, /data-stat="online">2</);
  });

  test('category lists paginate 8 per page with numbered links', async () => {
    const first = await html('/chuyen-muc/tin-tuc-su-kien');
    assert.match(first, /<h1 class="page-title">Tin tức – Sự kiện<\/h1>/);
    assert.equal((first.match(/<article class="item( has-thumb)?">/g) ?? []).length, 8);
    assert.match(first, /<nav class="pagination" aria-label="Phân trang">/);
    assert.match(first, /<span aria-current="page" class="current"><span class="visually-hidden">Trang <\/span>1<\/span>/);
    assert.match(first, /href="\/chuyen-muc\/tin-tuc-su-kien\/trang-2"/);
    const second = await html('/chuyen-muc/tin-tuc-su-kien/trang-2');
    assert.match(second, /rel="prev"/);
    assert.match(second, /<link rel="canonical" href="http:\/\/namhonglinh\.localhost\/chuyen-muc\/tin-tuc-su-kien\/trang-2"\/>/);
    const titles = (s: string) => [...s.matchAll(/<h2 class="item-title"><a href="([^"]+)"/g)].map((m) => m[1]);
    assert.equal(titles(first).filter((t) => titles(second).includes(t)).length, 0, 'pages do not overlap');
  });

  test('page 1 redirects to the bare category URL; out-of-range pages and unknown categories are 404', async () => {
    const { app } = get();
    const r1 = await app.inject({ url: '/chuyen-muc/tin-tuc-su-kien/trang-1', headers: { host: NAM_HONG_LINH } });
    assert.equal(r1.statusCode, 301);
    assert.equal(r1.headers.location, '/chuyen-muc/tin-tuc-su-kien');
    for (const url of ['/chuyen-muc/tin-tuc-su-kien/trang-999', '/chuyen-muc/tin-tuc-su-kien/trang-0', '/chuyen-muc/tin-tuc-su-kien/abc', '/chuyen-muc/khong-co']) {
      const r = await app.inject({ url, headers: { host: NAM_HONG_LINH } });
      assert.equal(r.statusCode, 404, url);
      assert.match(r.body, /Không tìm thấy trang bạn yêu cầu/);
    }
  });

  test('static pages render; unknown ones are 404 in Vietnamese', async () => {
    const body = await html('/trang/gioi-thieu');
    assert.match(body, /<h1 class="article-title">Giới thiệu<\/h1>/);
    const res = await get().app.inject({ url: '/trang/khong-co', headers: { host: NAM_HONG_LINH } });
    assert.equal(res.statusCode, 404);
    assert.match(res.body, /lang="vi"/);
  });

  test('a second site answers on its own hostname with its own content; a host of no site gets 421, localhost the default site', async () => {
    const ward = await html('/', BAC_HONG_LINH);
    assert.match(ward, /<title>Cổng thông tin điện tử phường Bắc Hồng Lĩnh<\/title>/);
    assert.match(ward, /Bản đồ phường Bắc Hồng Lĩnh/);
    assert.doesNotMatch(ward, /184\.250/);
    const other = await get().app.inject({ url: '/', headers: { host: 'unknown.example.org' } });
    assert.equal(other.statusCode, 421);
    assert.doesNotMatch(other.body, /unknown\.example\.org|Hồng Lĩnh/);
    const loopback = await html('/', 'localhost:3000');
    assert.match(loopback, /<title>Cổng thông tin điện tử phường Nam Hồng Lĩnh<\/title>/);
    const withPort = await html('/', 'bachonglinh.localhost:3000');
    assert.match(withPort, /phường Bắc Hồng Lĩnh/);
  });

  test("one site's article is not reachable through another site's host", async () => {
    const { app } = get();
    const legacy = await app.inject({ url: '/portal/pages/2021-10-15/x-614123.aspx', headers: { host: NAM_HONG_LINH } });
    const path = legacy.headers.location as string;
    const res = await app.inject({ url: path, headers: { host: BAC_HONG_LINH } });
    assert.equal(res.statusCode, 404);
    const legacyOther = await app.inject({ url: '/portal/pages/2021-10-15/x-614123.aspx', headers: { host: BAC_HONG_LINH } });
    assert.equal(legacyOther.statusCode, 404);
  });
}, async ({ app }: { app: FastifyInstance }) => {
  await app.close();
});

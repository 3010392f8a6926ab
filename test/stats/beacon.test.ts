import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { NAM_HONG_LINH, BAC_HONG_LINH } from '../helpers/app.js';
import { describeEachDb, type TestDb } from '../helpers/db.js';
import { beacon, DESKTOP, PHONE, statsApp, type HitOptions } from './helpers.js';

const BASE = 184_250;
const DAY = '2026-11-26';
let clock = Date.parse('2026-11-26T03:00:00.000Z');

async function one<T>(db: TestDb, q: string, siteId = 1): Promise<T> {
  return (await db.db.selectFrom(q as 'stats_daily').selectAll().where('site_id', '=', siteId).execute()) as T;
}

describeEachDb('the visit beacon', async (db) => ({ app: await statsApp(db, { now: () => new Date(clock) }) }), (get) => {
  const flush = () => get().app.stats.flush();
  const publicArticle = async (siteId = 1) =>
    get().db.db.selectFrom('articles').select(['id', 'slug']).where('site_id', '=', siteId).where('status', '=', 'published').orderBy('id').executeTakeFirstOrThrow();

  test('a page view is counted and answered with the live numbers, never cached', async () => {
    const { app, db } = get();
    const article = await publicArticle();
    const r1 = await beacon(app, { ip: '203.113.0.1', article: article.id, referrer: 'https://www.google.com.vn/search?q=hong+linh' });
    assert.equal(r1.statusCode, 200);
    assert.equal(r1.headers['cache-control'], 'no-store');
    assert.deepEqual(r1.json(), { total: BASE + 1, online: 1, today: 1, yesterday: 0, month: 1 });
    const r2 = await beacon(app, { ip: '203.113.0.1', article: article.id });
    assert.deepEqual(r2.json(), { total: BASE + 2, online: 1, today: 2, yesterday: 0, month: 2 }, 'same visitor: one more view, still one online');
    const r3 = await beacon(app, { ip: '203.113.0.2', ua: DESKTOP });
    assert.equal(r3.json().online, 2);
    await flush();
    const stats = await db.db.selectFrom('site_stats').select('page_views').where('site_id', '=', 1).executeTakeFirstOrThrow();
    assert.equal(Number(stats.page_views), 3);
    assert.deepEqual((await one<object[]>(db, 'stats_daily')).map((r) => ({ ...r, page_views: Number((r as { page_views: number }).page_views) })), [
      { site_id: 1, day: DAY, page_views: 3, visits: 2, visitors: 2 },
    ]);
    const devices = await db.db.selectFrom('stats_devices').select(['device', 'hits']).where('site_id', '=', 1).orderBy('device').execute();
    assert.deepEqual(devices.map((d) => [d.device, Number(d.hits)]), [['desktop', 1], ['mobile', 2]]);
    const refs = await db.db.selectFrom('stats_referrers').select(['domain', 'hits']).where('site_id', '=', 1).execute();
    assert.deepEqual(refs.map((d) => [d.domain, Number(d.hits)]), [['google.com.vn', 1]]);
    const views = await db.db.selectFrom('stats_article_totals').select(['article_id', 'views']).where('site_id', '=', 1).execute();
    assert.deepEqual(views.map((v) => [v.article_id, Number(v.views)]), [[article.id, 2]]);
  });

  test('bots, prefetches, other sites and requests without a browser are answered but not counted', async () => {
    const { app } = get();
    const before = (await app.inject({ url: '/thong-ke/so-lieu', headers: { host: NAM_HONG_LINH } })).json();
    const cases: HitOptions[] = [
      { ua: 'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)' },
      { ua: 'Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)' },
      { ua: 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/124.0 Safari/537.36' },
      { ua: 'python-requests/2.31' },
      { ua: '' },
      { headers: { 'sec-purpose': 'prefetch' } },
      { headers: { purpose: 'prefetch' } },
      { headers: { 'sec-fetch-site': 'cross-site' } },
    ];
    for (const c of cases) {
      const r = await beacon(app, { ip: '198.51.100.7', ...c });
      assert.equal(r.statusCode, 200, JSON.stringify(c));
      assert.deepEqual(r.json(), before, `not counted: ${JSON.stringify(c)}`);
    }
    const pixel = await app.inject({ url: '/thong-ke/ghi.gif', headers: { host: NAM_HONG_LINH, 'user-agent': 'Googlebot/2.1' } });
    assert.equal(pixel.headers['content-type'], 'image/gif');
    await get().app.stats.flush();
    assert.deepEqual((await app.inject({ url: '/thong-ke/so-lieu', headers: { host: NAM_HONG_LINH } })).json(), before);
  });

  test('the <noscript> pixel counts people without JavaScript, with the article from the page address', async () => {
    const { app, db } = get();
    const article = await publicArticle();
    const page = await app.inject({ url: `/bai-viet/${article.slug}-${article.id}`, headers: { host: NAM_HONG_LINH } });
    assert.ok(page.body.includes('<noscript><img src="/thong-ke/ghi.gif" alt width="1" height="1" class="stats-pixel"/></noscript>'), 'the no-JS pixel');
    const before = Number((await db.db.selectFrom('stats_article_totals').select('views').where('article_id', '=', article.id).executeTakeFirst())?.views ?? 0);
    const r = await app.inject({
      url: '/thong-ke/ghi.gif',
      remoteAddress: '203.113.9.9',
      headers: { host: NAM_HONG_LINH, 'user-agent': PHONE, referer: `http://${NAM_HONG_LINH}/bai-viet/${article.slug}-${article.id}` },
    });
    assert.equal(r.statusCode, 200);
    assert.equal(r.headers['content-type'], 'image/gif');
    assert.equal(r.headers['cache-control'], 'no-store');
    assert.equal(r.rawPayload.subarray(0, 6).toString(), 'GIF89a');
    await app.stats.flush();
    const after = await db.db.selectFrom('stats_article_totals').select('views').where('article_id', '=', article.id).executeTakeFirstOrThrow();
    assert.equal(Number(after.views), before + 1);
  });

  test('article ids from the beacon are checked: another site\'s or unknown articles get no views', async () => {
    const { app, db } = get();
    const theirs = await publicArticle(2);
    for (const a of [theirs.id, 99_999_999, 'abc', -3, '1e3']) await beacon(app, { ip: '203.113.7.7', article: a });
    await app.stats.flush();
    const rows = await db.db.selectFrom('stats_article_totals').select('article_id').where('article_id', 'in', [theirs.id, 99_999_999]).execute();
    assert.deepEqual(rows, []);
    const site2 = await db.db.selectFrom('stats_daily').select('page_views').where('site_id', '=', 2).execute();
    assert.deepEqual(site2, [], 'hits on site 1 are not counted for site 2');
  });

  test('each site counts its own visits', async () => {
    const { app } = get();
    // Two people on this site (the first test's two; made here as well, so that this test runs alone).
    await beacon(app, { ip: '203.113.0.1' });
    await beacon(app, { ip: '203.113.0.2', ua: DESKTOP });
    const r = await beacon(app, { host: BAC_HONG_LINH, ip: '203.113.0.1' });
    const mine = (await app.inject({ url: '/thong-ke/so-lieu', headers: { host: NAM_HONG_LINH } })).json();
    assert.equal(r.json().online, 1, 'the other site has its own online count');
    assert.ok(mine.online >= 2);
  });

  test('pages show the stored numbers (for people without JavaScript); the detailed widget and article views follow the settings', async () => {
    const { app, db } = get();
    // A visit under way (the page view below belongs to it), stored.
    await beacon(app, { ip: '203.113.0.1' });
    await app.stats.flush();
    app.cong.pageCache.purgeSite(1);
    const live = (await app.inject({ url: '/thong-ke/so-lieu', headers: { host: NAM_HONG_LINH } })).json();
    const home = (await app.inject({ url: '/', headers: { host: NAM_HONG_LINH } })).body;
    assert.match(home, new RegExp(`<dt>Thống kê:</dt> <dd data-stat="total">${new Intl.NumberFormat('vi-VN').format(live.total).replace(/\./g, '\\.')}</dd>`));
    assert.match(home, new RegExp(`data-stat="online">${live.online}<`));
    assert.match(home, /<a href="\/thong-ke">Cách đếm lượt truy cập<\/a>/);
    await db.db.insertInto('stats_settings').values({ site_id: 1, count_mode: 'visits', widget: 'detailed', show_article_views: 1, updated_at: new Date(clock).toISOString() }).execute();
    app.stats.settingsChanged(1);
    app.cong.pageCache.purgeSite(1);
    const visits = Number((await db.db.selectFrom('stats_totals').select('visits').where('site_id', '=', 1).executeTakeFirstOrThrow()).visits);
    const article = await publicArticle();
    const page = (await app.inject({ url: `/bai-viet/${article.slug}-${article.id}`, headers: { host: NAM_HONG_LINH } })).body;
    for (const label of ['Hôm nay:', 'Hôm qua:', 'Tháng này:', 'Tổng:', 'Online:']) assert.ok(page.includes(`<dt>${label}</dt>`), label);
    assert.match(page, new RegExp(`data-stat="total">${new Intl.NumberFormat('vi-VN').format(BASE + visits).replace(/\./g, '\\.')}<`));
    assert.ok(page.includes('<span class="article-views" data-article-views="true" hidden>Lượt xem: <span data-stat="views"></span></span>'), 'the article views, filled in by the beacon');
    const r = (await beacon(app, { ip: '203.113.0.1', article: article.id })).json();
    assert.equal(r.total, BASE + visits, 'a page view within the visit does not add a visit');
    assert.equal(typeof r.views, 'number');
    assert.equal(r.yesterday, 0);
    await db.db.deleteFrom('stats_settings').execute();
    app.stats.settingsChanged(1);
    app.cong.pageCache.purgeSite(1);
  });

  test('the note on how visits are counted is a cached public page', async () => {
    const r = await get().app.inject({ url: '/thong-ke', headers: { host: NAM_HONG_LINH } });
    assert.equal(r.statusCode, 200);
    assert.match(r.headers['cache-control'] as string, /^public/);
    assert.match(r.body, /không lưu địa chỉ IP/);
    assert.match(r.body, /48 giờ/);
  });
}, async ({ app }: { app: FastifyInstance }) => {
  await app.close();
});

describeEachDb('beacon rate limit', async (db) => ({ app: await statsApp(db, { rateLimit: 5 }) }), (get) => {
  test('one address sending too many beacons is refused beyond the limit, and those are not counted', async () => {
    const { app } = get();
    const codes: number[] = [];
    for (let i = 0; i < 7; i++) codes.push((await beacon(app, { ip: '192.0.2.1', ua: `${PHONE} ${i}` })).statusCode);
    assert.deepEqual(codes, [200, 200, 200, 200, 200, 429, 429]);
    await app.stats.flush();
    const row = await get().db.db.selectFrom('site_stats').select('page_views').where('site_id', '=', 1).executeTakeFirstOrThrow();
    assert.equal(Number(row.page_views), 5);
  });
}, async ({ app }: { app: FastifyInstance }) => {
  await app.close();
});

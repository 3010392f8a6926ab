import assert from 'node:assert/strict';
import { test } from 'node:test';
import { describeEachDb } from '../helpers/db.js';
import { BAC_HONG_LINH } from '../helpers/app.js';
import { freshIp, get, otherArticle, post, setup, text } from './helpers.js';

const GOOGLEBOT = 'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)';

function jsonLd(html: string) {
  return [...html.matchAll(/<script type="application\/ld\+json">(.*?)<\/script>/g)].map((m) => JSON.parse(m[1]!));
}

function cookieOf(res: { headers: Record<string, unknown> }): string {
  const c = ([] as string[]).concat((res.headers['set-cookie'] as string | string[]) ?? []).find((x) => x.startsWith('cong_bd='));
  assert.ok(c, 'a voter cookie is set');
  assert.match(c, /HttpOnly/i);
  assert.match(c, /SameSite=Lax/i);
  return c.split(';')[0]!;
}

describeEachDb('article ratings', setup, (get_) => {
  test('an unrated article shows "Chưa có đánh giá", an accessible radio group and no AggregateRating', async () => {
    const { app, path, articleId } = get_();
    const html = (await get(app, path)).body;
    assert.match(html, /data-rating-summary[^>]*>Chưa có đánh giá</);
    assert.match(html, new RegExp(`<form method="post" action="/danh-gia/${articleId}"`));
    assert.match(html, /<fieldset class="stars"><legend>Bạn chấm bài viết này mấy sao\?<\/legend>/);
    assert.equal(html.match(/type="radio" name="sao"/g)?.length, 5);
    for (let n = 1; n <= 5; n++) assert.match(html, new RegExp(`<label for="sao-${n}"[^>]*>.*?${n} sao – `));
    assert.ok(!jsonLd(html).some((d) => d.aggregateRating), 'no AggregateRating without votes');
    assert.doesNotMatch(text(html), /lượt đánh giá: ,/);
  });

  test('a plain form post (no JS) records the vote, sets the voter cookie and redirects to the fresh page after a vote', async () => {
    const { app, db, articleId } = get_();
    const res = await post(app, `/danh-gia/${articleId}`, { sao: '4' }, { ip: freshIp() });
    assert.equal(res.statusCode, 303);
    assert.equal(res.headers.location, `/danh-gia/${articleId}/da-gui#danh-gia`);
    assert.equal(res.headers['cache-control'], 'no-store');
    const cookie = cookieOf(res);
    const live = (await get(app, `/danh-gia/${articleId}`, { headers: { cookie } })).json();
    assert.deepEqual(live, { count: 1, average: 4, text: '1 lượt đánh giá · trung bình 4,0/5', mine: 4 });
    const row = await db.db.selectFrom('rating_votes').selectAll().where('article_id', '=', articleId).executeTakeFirstOrThrow();
    assert.doesNotMatch(JSON.stringify(row), /198\.51|203\.0/, 'no IP address stored');
    assert.notEqual(row.voter, cookie.split('=')[1], 'only a hash of the cookie is stored');
  });

  test('one vote per visitor: voting again with the cookie, or without it from the same browser today, changes the vote', async () => {
    const { app, db } = get_();
    const a = await otherArticle(get_(), db, 1);
    const ip = freshIp();
    const first = await post(app, `/danh-gia/${a.id}`, { sao: '2' }, { ip, json: true });
    assert.equal(first.statusCode, 200);
    const cookie = cookieOf(first);
    assert.equal(first.json().count, 1);
    // Same cookie from another network: still the same voter.
    const again = await post(app, `/danh-gia/${a.id}`, { sao: '5' }, { ip: freshIp(), json: true, headers: { cookie } });
    assert.deepEqual(again.json(), { count: 1, average: 5, text: '1 lượt đánh giá · trung bình 5,0/5', mine: 5 });
    // Cookie cleared, same IP address and browser, same day: recognised by the salted hash.
    const noCookie = await post(app, `/danh-gia/${a.id}`, { sao: '3' }, { ip, json: true });
    assert.equal(noCookie.json().count, 1);
    assert.equal(noCookie.json().average, 3);
    // Someone else in the same office (another browser) is another voter.
    const colleague = await post(app, `/danh-gia/${a.id}`, { sao: '5' }, { ip, json: true, ua: 'Mozilla/5.0 (Windows NT 10.0) Firefox/128.0' });
    assert.equal(colleague.json().count, 2);
    const stored = await db.db.selectFrom('articles').select(['rating_count', 'rating_sum']).where('id', '=', a.id).executeTakeFirstOrThrow();
    assert.deepEqual({ ...stored }, { rating_count: 2, rating_sum: 8 }, 'the counters on the article follow the vote log');
    const rows = await db.db.selectFrom('rating_votes').select('stars').where('article_id', '=', a.id).execute();
    assert.equal(rows.length, 2);
  });

  test('the page shows "N lượt đánh giá · trung bình X,Y/5" with vi-VN decimals and an AggregateRating', async () => {
    const { app, db } = get_();
    const a = await otherArticle(get_(), db, 2);
    for (const s of ['4', '4', '5']) assert.equal((await post(app, `/danh-gia/${a.id}`, { sao: s }, { ip: freshIp(), json: true })).statusCode, 200);
    const html = (await get(app, a.path)).body;
    assert.match(html, /data-rating-summary[^>]*>3 lượt đánh giá · trung bình 4,3\/5</);
    const article = jsonLd(html).find((d) => d['@type'] === 'NewsArticle');
    assert.deepEqual(article.aggregateRating, { '@type': 'AggregateRating', ratingValue: 4.3, ratingCount: 3, bestRating: 5, worstRating: 1 });
  });

  test('known robots and clients without a user agent are answered but not counted', async () => {
    const { app, db } = get_();
    const a = await otherArticle(get_(), db, 3);
    const bot = await post(app, `/danh-gia/${a.id}`, { sao: '1' }, { ip: freshIp(), json: true, ua: GOOGLEBOT });
    assert.equal(bot.statusCode, 200);
    assert.equal(bot.json().count, 0);
    assert.equal(bot.headers['set-cookie'], undefined);
    const script = await post(app, `/danh-gia/${a.id}`, { sao: '1' }, { ip: freshIp(), ua: '' });
    assert.equal(script.statusCode, 303);
    assert.equal(script.headers.location, `${a.path}#danh-gia`, 'an uncounted vote goes back to the article itself');
    assert.equal((await db.db.selectFrom('rating_votes').select('voter').where('article_id', '=', a.id).execute()).length, 0);
  });

  test('bad input: no stars, 0, 6, words, several values → a Vietnamese message and nothing stored', async () => {
    const { app, db } = get_();
    const a = await otherArticle(get_(), db, 4);
    for (const sao of [undefined, '', '0', '6', 'năm', '4.5', '<script>']) {
      const res = await post(app, `/danh-gia/${a.id}`, sao === undefined ? {} : { sao }, { ip: freshIp(), json: true });
      assert.equal(res.statusCode, 400, `sao=${sao}`);
      assert.equal(res.json().error.message, 'Vui lòng chọn số sao (từ 1 đến 5) rồi gửi đánh giá.');
    }
    const html = await post(app, `/danh-gia/${a.id}`, { sao: '9' }, { ip: freshIp() });
    assert.equal(html.statusCode, 400);
    assert.match(html.body, /Vui lòng chọn số sao \(từ 1 đến 5\) rồi gửi đánh giá\./);
    assert.equal((await db.db.selectFrom('rating_votes').select('voter').where('article_id', '=', a.id).execute()).length, 0);
  });

  test('unknown articles, other sites\' articles and cross-site posts are refused', async () => {
    const { app, articleId } = get_();
    assert.equal((await post(app, '/danh-gia/999999', { sao: '3' }, { json: true })).statusCode, 404);
    assert.equal((await post(app, '/danh-gia/abc', { sao: '3' }, { json: true })).statusCode, 404);
    assert.equal((await post(app, `/danh-gia/${articleId}`, { sao: '3' }, { json: true, host: BAC_HONG_LINH })).statusCode, 404);
    assert.equal((await get(app, `/danh-gia/${articleId}`, { host: BAC_HONG_LINH })).statusCode, 404);
    const evil = await post(app, `/danh-gia/${articleId}`, { sao: '1' }, { json: true, headers: { origin: 'https://evil.example' } });
    assert.equal(evil.statusCode, 403);
    const fetchSite = await post(app, `/danh-gia/${articleId}`, { sao: '1' }, { json: true, headers: { 'sec-fetch-site': 'cross-site' } });
    assert.equal(fetchSite.statusCode, 403);
    // Issue 16: "null" (a sandboxed frame, a data: URL) is refused, whatever else the request claims;
    // our pages' Referrer-Policy (same-origin) makes the browser name the real origin instead.
    const nullOrigin = await post(app, `/danh-gia/${articleId}`, { sao: '5' }, { ip: freshIp(), json: true, headers: { origin: 'null', 'sec-fetch-site': 'same-origin' } });
    assert.equal(nullOrigin.statusCode, 403, 'the Origin "null" is refused');
    const sameSite = await post(app, `/danh-gia/${articleId}`, { sao: '5' }, { ip: freshIp(), json: true, headers: { 'sec-fetch-site': 'same-origin' } });
    assert.equal(sameSite.statusCode, 200, 'the page\'s own Origin is accepted');
  });

  test('votes are rate-limited per IP address', async () => {
    const { app, db } = get_();
    const a = await otherArticle(get_(), db, 5);
    const ip = freshIp();
    const codes: number[] = [];
    for (let i = 0; i < 22; i++) codes.push((await post(app, `/danh-gia/${a.id}`, { sao: String((i % 5) + 1) }, { ip, json: true })).statusCode);
    assert.deepEqual(codes.slice(0, 20), Array(20).fill(200));
    assert.equal(codes[21], 429);
    const limited = await post(app, `/danh-gia/${a.id}`, { sao: '1' }, { ip, json: true });
    assert.equal(limited.json().error.code, 'rate_limited');
  });

  test('500 simultaneous votes from 500 visitors give exactly 500 votes and the exact sum', async () => {
    const { app, db } = get_();
    const a = await otherArticle(get_(), db, 6);
    const stars = Array.from({ length: 500 }, (_, i) => (i % 5) + 1);
    const results = await Promise.all(
      stars.map((s, i) => post(app, `/danh-gia/${a.id}`, { sao: String(s) }, { ip: `10.${Math.floor(i / 250)}.${i % 250}.7`, json: true })),
    );
    assert.deepEqual([...new Set(results.map((r) => r.statusCode))], [200]);
    const row = await db.db.selectFrom('articles').select(['rating_count', 'rating_sum']).where('id', '=', a.id).executeTakeFirstOrThrow();
    assert.equal(Number(row.rating_count), 500);
    assert.equal(Number(row.rating_sum), stars.reduce((x, y) => x + y, 0));
    const log = await db.db.selectFrom('rating_votes').select((eb) => eb.fn.countAll<number>().as('n')).where('article_id', '=', a.id).executeTakeFirstOrThrow();
    assert.equal(Number(log.n), 500);
    assert.equal((await get(app, `/danh-gia/${a.id}`)).json().text, '500 lượt đánh giá · trung bình 3,0/5');
  });
}, async ({ app }) => app.close());

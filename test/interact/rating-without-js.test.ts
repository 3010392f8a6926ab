import assert from 'node:assert/strict';
import { test } from 'node:test';
import { BAC_HONG_LINH } from '../helpers/app.js';
import { describeEachDb } from '../helpers/db.js';
import { AFTER_VOTE_PER_MINUTE } from '../../src/features/ratings/routes.js';
import { freshIp, get, otherArticle, post, setup } from './helpers.js';

/**
 * A reader without JavaScript votes with the plain form and is redirected to /danh-gia/<id>/da-gui:
 * the article rendered afresh for them, with the new numbers and their own stars, while the
 * article's cached page keeps serving everyone else (the page cache is on in these tests).
 */
const FIREFOX = 'Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0';

function voterCookie(res: { headers: Record<string, unknown> }): string | undefined {
  return ([] as string[]).concat((res.headers['set-cookie'] as string | string[]) ?? []).find((x) => x.startsWith('cong_bd='))?.split(';')[0];
}
const summaryOf = (html: string) => /<p class="rating-summary" data-rating-summary="true">([^<]*)<\/p>/.exec(html)?.[1];
const statusOf = (html: string) => /<p class="rating-status" role="status" data-rating-status="true">([^<]*)<\/p>/.exec(html)?.[1];
/** The values of the chosen star radios (a radio group has at most one). */
const checkedStars = (html: string) => [...html.matchAll(/<input type="radio" name="sao" value="(\d)" id="sao-\d"(?: required)?( checked)?\/>/g)].filter((m) => m[2]).map((m) => Number(m[1]));

describeEachDb('rating without JavaScript: the page after a vote', (db) => setup(db, { cacheSeconds: 60 }), (get_) => {
  /** A vote with the plain form, then the redirect followed as a browser does (cookie kept). */
  async function voteAndFollow(articleId: number, stars: string, o: { ip: string; ua?: string; cookie?: string; keepCookie?: boolean }) {
    const { app } = get_();
    const res = await post(app, `/danh-gia/${articleId}`, { sao: stars }, { ip: o.ip, ua: o.ua, headers: o.cookie ? { cookie: o.cookie } : {} });
    assert.equal(res.statusCode, 303);
    const location = res.headers.location as string;
    assert.equal(location, `/danh-gia/${articleId}/da-gui#danh-gia`);
    const cookie = o.cookie ?? (o.keepCookie === false ? undefined : voterCookie(res));
    const page = await get(app, location.split('#')[0]!, { ip: o.ip, ua: o.ua, headers: cookie ? { cookie } : {} });
    return { page, cookie };
  }

  test('the reader lands on the article with the new count, their stars chosen and a thanks; the cached page stays as it was for others', async () => {
    const { app, db } = get_();
    const a = await otherArticle(get_(), db, 1);
    const title = (await db.db.selectFrom('articles').select('title').where('id', '=', a.id).executeTakeFirstOrThrow()).title;
    const cachedBefore = (await get(app, a.path)).body;
    assert.equal(summaryOf(cachedBefore), 'Chưa có đánh giá');
    const renders = app.cong.pageCache.counters.renders;

    const ip = freshIp();
    const { page, cookie } = await voteAndFollow(a.id, '4', { ip });
    assert.ok(cookie);
    assert.equal(page.statusCode, 200);
    assert.equal(page.headers['cache-control'], 'no-store');
    assert.equal(page.headers['x-robots-tag'], 'noindex');
    assert.equal(page.headers['content-type'], 'text/html; charset=utf-8');
    assert.ok(page.body.includes(`<h1 class="article-title">${title}</h1>`), 'the article itself');
    assert.match(page.body, new RegExp(`<link rel="canonical" href="http://namhonglinh\\.localhost${a.path}"/>`));
    assert.equal(summaryOf(page.body), '1 lượt đánh giá · trung bình 4,0/5');
    assert.deepEqual(checkedStars(page.body), [4]);
    assert.equal(statusOf(page.body), 'Cảm ơn bạn đã đánh giá. Bạn đã chấm 4 sao.');
    assert.match(page.body, /<section class="rating" id="danh-gia"/, 'the fragment has its target');

    // Nobody else's page changed: the article is still answered from its cached entry.
    const cachedAfter = await get(app, a.path, { ip: freshIp() });
    assert.equal(cachedAfter.body, cachedBefore);
    assert.equal(app.cong.pageCache.counters.renders, renders, 'no render through the page cache, no purge');
    assert.equal(statusOf(cachedAfter.body), '', 'the cached page carries nobody\'s vote');

    // Changing the vote: the same reader, still one vote, the new stars.
    const again = await voteAndFollow(a.id, '2', { ip: freshIp(), cookie });
    assert.equal(summaryOf(again.page.body), '1 lượt đánh giá · trung bình 2,0/5');
    assert.deepEqual(checkedStars(again.page.body), [2]);
    assert.equal(statusOf(again.page.body), 'Cảm ơn bạn đã đánh giá. Bạn đã chấm 2 sao.');
  });

  test('a browser that refuses cookies is recognised by today\'s visitor hash, as its vote was', async () => {
    const { db } = get_();
    const a = await otherArticle(get_(), db, 2);
    const ip = freshIp();
    const { page } = await voteAndFollow(a.id, '5', { ip, ua: FIREFOX, keepCookie: false });
    assert.equal(page.statusCode, 200);
    assert.deepEqual(checkedStars(page.body), [5]);
    assert.equal(summaryOf(page.body), '1 lượt đánh giá · trung bình 5,0/5');
  });

  test('anyone without a vote on the article is sent to the cached article; nothing of it is stored, whatever the query', async () => {
    const { app, db } = get_();
    const a = await otherArticle(get_(), db, 3);
    const voter = await voteAndFollow(a.id, '3', { ip: freshIp() });
    assert.equal(voter.page.statusCode, 200);
    assert.equal((await get(app, a.path)).statusCode, 200, 'the article itself is cached once');
    const entries = app.cong.pageCache.size;
    for (let i = 0; i < 12; i++) {
      // Another browser (other address and user agent, no cookie), with invented queries.
      const res = await get(app, `/danh-gia/${a.id}/da-gui?da-danh-gia=${i}&x=${i}`, { ip: freshIp(), ua: `${FIREFOX} ${i}` });
      assert.equal(res.statusCode, 303);
      assert.equal(res.headers.location, `${a.path}#danh-gia`);
      assert.equal(res.headers['cache-control'], 'no-store');
      // A cookie from nowhere is not a vote either.
      const forged = await get(app, `/danh-gia/${a.id}/da-gui`, { ip: freshIp(), headers: { cookie: `cong_bd=${'A'.repeat(24)}${i}` } });
      assert.equal(forged.statusCode, 303);
      // The voter reloading their page: fresh each time, never kept.
      assert.equal((await get(app, `/danh-gia/${a.id}/da-gui?lan=${i}`, { ip: freshIp(), headers: { cookie: voter.cookie! } })).statusCode, 200);
      assert.equal((await get(app, `${a.path}?da-danh-gia=${i}`)).statusCode, 200);
    }
    assert.equal(app.cong.pageCache.size, entries, 'no entry added by any of these addresses');
  });

  test('unknown, malformed and other sites\' articles are 404; robots are sent to the article', async () => {
    const { app, articleId, path } = get_();
    for (const url of ['/danh-gia/999999/da-gui', '/danh-gia/abc/da-gui', '/danh-gia/-1/da-gui']) {
      assert.equal((await get(app, url, { ip: freshIp() })).statusCode, 404, url);
    }
    assert.equal((await get(app, `/danh-gia/${articleId}/da-gui`, { ip: freshIp(), host: BAC_HONG_LINH })).statusCode, 404);
    const bot = await post(get_().app, `/danh-gia/${articleId}`, { sao: '5' }, { ip: freshIp(), ua: 'Googlebot/2.1 (+http://www.google.com/bot.html)' });
    assert.equal(bot.headers.location, `${path}#danh-gia`);
  });

  test(`the page after a vote is rate-limited (${AFTER_VOTE_PER_MINUTE} a minute per address)`, async () => {
    const { app, db } = get_();
    const a = await otherArticle(get_(), db, 4);
    const ip = freshIp();
    const { cookie } = await voteAndFollow(a.id, '4', { ip });
    const codes: number[] = [];
    for (let i = 0; i < AFTER_VOTE_PER_MINUTE; i++) codes.push((await get(app, `/danh-gia/${a.id}/da-gui`, { ip, headers: { cookie: cookie! } })).statusCode);
    assert.deepEqual(codes.slice(0, AFTER_VOTE_PER_MINUTE - 1), Array(AFTER_VOTE_PER_MINUTE - 1).fill(200));
    assert.equal(codes.at(-1), 429, 'the first render (after the vote) counts too');
  });

  test('40 readers voting at once each see their own stars and a count that includes their vote', async () => {
    const { app, db } = get_();
    const a = await otherArticle(get_(), db, 5);
    const readers = Array.from({ length: 40 }, (_, i) => ({ ip: `10.9.${i}.1`, stars: String((i % 5) + 1) }));
    const pages = await Promise.all(readers.map((r) => voteAndFollow(a.id, r.stars, { ip: r.ip })));
    for (const [i, { page }] of pages.entries()) {
      assert.equal(page.statusCode, 200);
      assert.deepEqual(checkedStars(page.body), [Number(readers[i]!.stars)], `reader ${i}`);
      const n = Number(/^(\d+) lượt/.exec(summaryOf(page.body) ?? '')?.[1]);
      assert.ok(n >= 1 && n <= 40, `reader ${i} sees ${n}`);
    }
    const row = await db.db.selectFrom('articles').select(['rating_count', 'rating_sum']).where('id', '=', a.id).executeTakeFirstOrThrow();
    assert.equal(Number(row.rating_count), 40);
    assert.equal(Number(row.rating_sum), readers.reduce((s, r) => s + Number(r.stars), 0));
    assert.equal(summaryOf((await get(app, `/danh-gia/${a.id}/da-gui`, { ip: readers[0]!.ip, headers: { cookie: pages[0]!.cookie! } })).body), '40 lượt đánh giá · trung bình 3,0/5');
  });
}, async ({ app }) => app.close());

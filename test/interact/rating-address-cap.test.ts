import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { buildTestApp, NAM_HONG_LINH } from '../helpers/app.js';
import { describeEachDb, type TestDb } from '../helpers/db.js';
import { freshIp, post } from './helpers.js';

/**
 * Vote stuffing (issue 16): five cookie-less ratings from one address with five user agents used
 * to count 1, 2, 3, 4, 5. Now one address gives at most three cookie-less votes per article and
 * day; votes with a cookie stay one per cookie.
 */
const CAPPED = 'Hôm nay đã có nhiều lượt đánh giá bài viết này từ cùng mạng với bạn nên lượt này không được tính. Vui lòng thử lại vào ngày mai.';
const browser = (i: number) => `Mozilla/5.0 (Linux; Android 1${i}) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/12${i}.0 Mobile Safari/537.36 tai-thu/${i}`;

interface Env {
  app: FastifyInstance;
  db: TestDb;
  siteId: number;
  clock: { ms: number };
}

async function setup(db: TestDb): Promise<Env> {
  const clock = { ms: Date.parse('2026-12-03T03:00:00.000Z') };
  const app = await buildTestApp(db, { cacheSeconds: 0, now: () => new Date(clock.ms) });
  const site = await db.db.selectFrom('site_hosts').select('site_id').where('host', '=', NAM_HONG_LINH).executeTakeFirstOrThrow();
  return { app, db, siteId: site.site_id, clock };
}

let next = 0;
/** A published article of the site no other test here votes on. */
async function anArticle(env: Env): Promise<number> {
  const rows = await env.db.db.selectFrom('articles').select('id').where('site_id', '=', env.siteId).where('status', '=', 'published').orderBy('id').execute();
  return rows[next++]!.id;
}

async function stored(env: Env, articleId: number) {
  const a = await env.db.db.selectFrom('articles').select(['rating_count', 'rating_sum']).where('id', '=', articleId).executeTakeFirstOrThrow();
  const log = await env.db.db.selectFrom('rating_votes').select((eb) => eb.fn.countAll<number>().as('n')).where('article_id', '=', articleId).executeTakeFirstOrThrow();
  return { count: Number(a.rating_count), sum: Number(a.rating_sum), log: Number(log.n) };
}

const cookieOf = (res: { headers: Record<string, unknown> }) =>
  ([] as string[]).concat((res.headers['set-cookie'] as string | string[]) ?? []).find((c) => c.startsWith('cong_bd='))?.split(';')[0];

describeEachDb('rating votes without a cookie, per address', setup, (env) => {
  test('five browsers on one address: three votes count, the fourth and fifth are refused in Vietnamese and get no cookie', async () => {
    const e = env();
    const id = await anArticle(e);
    const ip = freshIp();
    const counts: (number | string)[] = [];
    const cookies: (string | undefined)[] = [];
    for (let i = 1; i <= 5; i++) {
      const res = await post(e.app, `/danh-gia/${id}`, { sao: '5' }, { ip, ua: browser(i), json: true });
      counts.push(res.statusCode === 200 ? res.json().count : `${res.statusCode} ${res.json().error.message}`);
      cookies.push(cookieOf(res));
    }
    assert.deepEqual(counts, [1, 2, 3, `429 ${CAPPED}`, `429 ${CAPPED}`]);
    assert.equal(cookies.filter(Boolean).length, 3, 'only counted votes give a voter cookie');
    assert.equal(cookies[3], undefined);
    assert.deepEqual(await stored(e, id), { count: 3, sum: 15, log: 3 });

    // The same browsers again, without their cookies: their own votes change, nothing is added.
    const again = await post(e.app, `/danh-gia/${id}`, { sao: '1' }, { ip, ua: browser(2), json: true });
    assert.equal(again.statusCode, 200);
    assert.deepEqual(await stored(e, id), { count: 3, sum: 11, log: 3 });
    // With its cookie a voter changes its vote from anywhere.
    const moved = await post(e.app, `/danh-gia/${id}`, { sao: '3' }, { ip: freshIp(), ua: browser(1), json: true, headers: { cookie: cookies[0]! } });
    assert.equal(moved.json().count, 3);
    // Another address is not affected; the same address may still rate another article.
    assert.equal((await post(e.app, `/danh-gia/${id}`, { sao: '4' }, { ip: freshIp(), ua: browser(6), json: true })).json().count, 4);
    assert.equal((await post(e.app, `/danh-gia/${await anArticle(e)}`, { sao: '4' }, { ip, ua: browser(7), json: true })).statusCode, 200);
  });

  test('without JavaScript the refusal is a page with the message; an IPv6 /64 is one address', async () => {
    const e = env();
    const id = await anArticle(e);
    for (let i = 1; i <= 3; i++) assert.equal((await post(e.app, `/danh-gia/${id}`, { sao: '4' }, { ip: `2001:db8:7:1::${i}`, ua: browser(i) })).statusCode, 303);
    const page = await post(e.app, `/danh-gia/${id}`, { sao: '4' }, { ip: '2001:db8:7:1:ffff::9', ua: browser(4) });
    assert.equal(page.statusCode, 429);
    assert.match(page.headers['content-type'] as string, /text\/html/);
    assert.ok(page.body.includes(CAPPED), 'the Vietnamese reason is on the page');
    assert.equal(cookieOf(page), undefined);
    assert.deepEqual(await stored(e, id), { count: 3, sum: 12, log: 3 });
  });

  test('twenty simultaneous cookie-less votes from one address with twenty browsers: exactly three count', async () => {
    const e = env();
    const id = await anArticle(e);
    const ip = freshIp();
    const res = await Promise.all(Array.from({ length: 20 }, (_, i) => post(e.app, `/danh-gia/${id}`, { sao: String((i % 5) + 1) }, { ip, ua: browser(i), json: true })));
    const codes = res.map((r) => r.statusCode).sort();
    assert.deepEqual(codes, [...Array(3).fill(200), ...Array(17).fill(429)]);
    const counted = await stored(e, id);
    assert.equal(counted.count, 3);
    assert.equal(counted.log, 3);
    assert.equal(res.filter((r) => cookieOf(r)).length, 3);
    const row = await e.db.db.selectFrom('vote_caps').selectAll().where('item', '=', `a:${id}`).execute();
    assert.deepEqual(row.map((r) => r.votes), [3], 'one row for the address, at the cap');
    assert.doesNotMatch(JSON.stringify(row), /198\.51\.|Android/, 'neither the address nor the browser is stored');
  });

  test('the next day the address has three new votes; yesterday\'s counts are forgotten by the housekeeping', async () => {
    const e = env();
    const id = await anArticle(e);
    const ip = freshIp();
    for (let i = 1; i <= 4; i++) await post(e.app, `/danh-gia/${id}`, { sao: '2' }, { ip, ua: browser(i), json: true });
    assert.equal((await stored(e, id)).count, 3);
    e.clock.ms += 86_400_000;
    const tomorrow = await post(e.app, `/danh-gia/${id}`, { sao: '2' }, { ip, ua: browser(5), json: true });
    assert.equal(tomorrow.statusCode, 200);
    assert.equal(tomorrow.json().count, 4);
    e.clock.ms += 86_400_000;
    const { houseKeep } = await import('../../src/features/stats/housekeeping.js');
    await houseKeep(e.db.db, new Date(e.clock.ms));
    const days = await e.db.db.selectFrom('vote_caps').select('day').where('item', '=', `a:${id}`).execute();
    assert.deepEqual(days.map((d) => d.day), ['2026-12-04'], 'only yesterday\'s row is left');
  });
}, async ({ app }) => app.close());

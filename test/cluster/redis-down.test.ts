import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { seedDemoIfEmpty } from '../../src/demo.js';
import { UNAVAILABLE_FORM } from '../../src/kernel/http/outage.js';
import { NAM_HONG_LINH, ROOT } from '../helpers/app.js';
import { describeEachDb, type TestDb } from '../helpers/db.js';
import { OwnRedis, redisServerMissing } from '../helpers/redis-server.js';
import { AdminClient, makeUser } from '../helpers/admin.js';
import { freshIp, get, post, questionOf } from '../interact/helpers.js';
import { FEEDBACK } from '../consultation/helpers.js';
import { makePoll } from '../polls/helpers.js';
import { validQuestion } from '../questions/helpers.js';

/**
 * Two instances (two applications, as two processes would be) on one database and one Redis of
 * the test's own. They share one rate limit; when Redis is SIGKILLed, pages keep coming, forms
 * answer 503 with the typed text, the back-office login a 503, page views are counted as lost,
 * and nothing waits long; when Redis is back, everything works again by itself.
 */
const PREFIX = 'congtest:down:';
/** What a request may take while Redis is down (the client's command timeout is 1 s). */
const FAST_MS = 1500;

async function instance(db: TestDb, redis: OwnRedis): Promise<FastifyInstance> {
  const config = { ...loadConfig({ CONG_DATA_DIR: db.dataDir, CONG_STATS_RATE_LIMIT: '0' }, ROOT), databaseUrl: null, redisUrl: redis.url, redisPrefix: PREFIX };
  const app = await buildApp({ config, database: db, logger: false });
  await app.ready();
  return app;
}

async function timed<T>(work: Promise<T>): Promise<T> {
  const t0 = Date.now();
  const r = await work;
  assert.ok(Date.now() - t0 < FAST_MS, `answered in ${Date.now() - t0} ms`);
  return r;
}

const skip = redisServerMissing();
if (skip) console.log(`# skipping "Redis down": ${skip}`);

describeEachDb('several instances on one Redis, and Redis down', async (db) => {
  if (skip) return { skip } as never;
  await seedDemoIfEmpty(db, db.media);
  const redis = await OwnRedis.start();
  const a = await instance(db, redis);
  const b = await instance(db, redis);
  const site = await db.db.selectFrom('site_hosts').select('site_id').where('host', '=', NAM_HONG_LINH).executeTakeFirstOrThrow();
  const articles = await db.db.selectFrom('articles').select(['id', 'slug']).where('site_id', '=', site.site_id).where('status', '=', 'published').orderBy('id').limit(3).execute();
  const draft = await db.db.selectFrom('documents').select('id').where('title', 'like', 'Dự thảo Kế hoạch chỉnh trang đô thị%').executeTakeFirstOrThrow();
  await makeUser(db.db, 'bientap', [{ siteId: site.site_id, role: 'editor' }]);
  return { skip: null as string | null, redis, a, b, siteId: site.site_id, articles, draftId: draft.id };
}, (env) => {
  const path = (n: number) => `/bai-viet/${env().articles[n]!.slug}-${env().articles[n]!.id}`;

  test('two instances on one Redis count one rate limit (30 challenges a minute per address)', async (t) => {
    if (env().skip) return t.skip(env().skip!);
    const { a, b } = env();
    const ip = freshIp();
    const codes: number[] = [];
    for (let i = 0; i < 20; i++) codes.push((await get(a, '/binh-luan/thu-thach', { ip })).statusCode, (await get(b, '/binh-luan/thu-thach', { ip })).statusCode);
    assert.equal(codes.filter((c) => c === 200).length, 30, 'one limit of 30 across both, not 30 each');
    assert.equal(codes.filter((c) => c === 429).length, 10);
  });

  test('Redis SIGKILLed: pages, forms, login and statistics answer quickly and clearly', async (t) => {
    if (env().skip) return t.skip(env().skip!);
    const { a, b, db, redis, articles, siteId, draftId } = env();
    assert.equal((await get(a, path(0))).statusCode, 200, 'warm: this page is in the cache');
    const beacon = () => b.inject({ method: 'POST', url: '/thong-ke/ghi', remoteAddress: freshIp(), headers: { host: NAM_HONG_LINH, 'content-type': 'application/json', 'user-agent': 'Mozilla/5.0 (X11; Linux x86_64) Chrome/124.0' }, payload: '{}' });
    assert.equal((await beacon()).statusCode, 200);
    const poll = await makePoll(db.db, siteId);
    await redis.kill();

    // Pages: cached and not yet cached.
    assert.equal((await timed(get(a, path(0)))).statusCode, 200);
    assert.equal((await timed(get(b, path(1)))).statusCode, 200, 'a page rendered now');
    assert.equal((await timed(get(a, '/'))).statusCode, 200);

    // A comment without JavaScript: 503, the message, the typed text back in the form.
    const q = questionOf((await timed(get(a, `/binh-luan/${articles[0]!.id}/viet`))).body);
    const typed = { ho_ten: 'Trần Văn Bình', email: 'binh@example.vn', noi_dung: 'Xin hỏi lịch tiếp dân tháng 12 của phường?', tra_loi: '' };
    const noJs = await timed(post(a, `/binh-luan/${articles[0]!.id}`, { ...typed, ma_cau_hoi: q.token, dap_an: q.answer }, { ip: freshIp() }));
    assert.equal(noJs.statusCode, 503);
    assert.ok(noJs.body.includes(UNAVAILABLE_FORM));
    assert.match(noJs.body, /value="Trần Văn Bình"/);
    assert.ok(noJs.body.includes('Xin hỏi lịch tiếp dân tháng 12 của phường?</textarea>'));
    // With JavaScript (interact.js keeps the text and shows errors._form).
    const js = await timed(post(b, `/binh-luan/${articles[0]!.id}`, { ...typed, ma_cau_hoi: q.token, dap_an: q.answer }, { ip: freshIp(), json: true }));
    assert.equal(js.statusCode, 503);
    assert.deepEqual(js.json(), { ok: false, errors: { _form: UNAVAILABLE_FORM }, verificationUsed: false });

    // A question to the board (Hỏi đáp) and feedback on a draft: the same.
    const topic = await db.db.selectFrom('question_topics').select('id').where('site_id', '=', siteId).executeTakeFirstOrThrow();
    const askQ = questionOf((await timed(get(a, '/hoi-dap/gui-cau-hoi'))).body);
    const question = validQuestion(topic.id);
    const asked = await timed(post(a, '/hoi-dap/gui-cau-hoi', { ...question, ma_cau_hoi: askQ.token, dap_an: askQ.answer }, { ip: freshIp() }));
    assert.equal(asked.statusCode, 503);
    assert.ok(asked.body.includes(UNAVAILABLE_FORM));
    assert.ok(asked.body.includes(question.noi_dung!), 'the question typed is in the form');
    const fq = questionOf((await timed(get(b, `/gop-y-du-thao/${draftId}`))).body);
    const fed = await timed(post(b, `/gop-y-du-thao/${draftId}`, { ...FEEDBACK, ma_cau_hoi: fq.token, dap_an: fq.answer }, { ip: freshIp() }));
    assert.equal(fed.statusCode, 503);
    assert.ok(fed.body.includes(UNAVAILABLE_FORM) && fed.body.includes(FEEDBACK.noi_dung));
    assert.equal(await count(db, 'comments', 'content', typed.noi_dung), 0, 'nothing half-stored');

    // Ratings and poll votes need no Redis (their limit is skipped meanwhile): they are recorded.
    const rated = await timed(post(a, `/danh-gia/${articles[2]!.id}`, { sao: '5' }, { ip: freshIp() }));
    assert.equal(rated.statusCode, 303);
    const voted = await timed(a.inject({ method: 'POST', url: `/tham-do-y-kien/${poll.id}`, remoteAddress: freshIp(), headers: { host: NAM_HONG_LINH, origin: `http://${NAM_HONG_LINH}`, 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' }, payload: `phuong_an=${poll.options[0]}` }));
    assert.equal(voted.statusCode, 303);

    // The back office keeps its sessions in Redis: signing in is a clear 503, not a 500.
    const login = await timed(new AdminClient(a, NAM_HONG_LINH).loginAttempt('bientap', 'mat-khau-thu-nghiem-2026'));
    assert.equal(login.statusCode, 503);
    assert.match(login.body, /Hệ thống đang tạm gián đoạn/);

    // Statistics: the beacon answers the last written numbers; the page view is counted as lost.
    const lostBefore = b.stats.lostHits;
    const during = await timed(beacon());
    assert.equal(during.statusCode, 200);
    assert.equal(typeof during.json().total, 'number');
    assert.equal(b.stats.lostHits, lostBefore + 1);
    assert.match(await b.cong.metrics.scrape(), new RegExp(`^cong_stats_page_views_lost_total ${lostBefore + 1}$`, 'm'), 'the loss is a metric');

    // Redis back: both instances recover by themselves (ioredis reconnects within a second).
    await redis.start();
    const deadline = Date.now() + 10_000;
    let again = await post(a, `/binh-luan/${articles[0]!.id}`, { ...typed, ma_cau_hoi: q.token, dap_an: q.answer }, { ip: freshIp() });
    while (again.statusCode === 503 && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 200));
      again = await post(a, `/binh-luan/${articles[0]!.id}`, { ...typed, ma_cau_hoi: q.token, dap_an: q.answer }, { ip: freshIp() });
    }
    assert.equal(again.statusCode, 303, 'the same comment, sent again, is accepted');
    assert.equal(await count(db, 'comments', 'content', typed.noi_dung), 1);
    const lost = b.stats.lostHits;
    assert.equal((await beacon()).statusCode, 200);
    assert.equal(b.stats.lostHits, lost, 'counted again, nothing more lost');
    const signedIn = await AdminClient.login(b, NAM_HONG_LINH, 'bientap');
    assert.equal((await signedIn.get('/quan-tri')).statusCode, 200);
  });
}, async ({ a, b, redis }) => {
  await a?.close();
  await b?.close();
  await redis?.kill();
});

async function count(db: TestDb, table: 'comments', column: 'content', value: string): Promise<number> {
  const r = await db.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).where(column, '=', value).executeTakeFirstOrThrow();
  return Number(r.n);
}

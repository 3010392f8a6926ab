import assert from 'node:assert/strict';
import { test } from 'node:test';
import { describeEachDb } from '../helpers/db.js';
import { freshIp, text } from '../interact/helpers.js';
import { ANDROID, CONFIRM, counters, makePoll, postVote, setup, voterCookie } from './helpers.js';

/**
 * Vote stuffing (issue 16): cookie-less poll votes from one address with five user agents used to
 * count 1, 2, 3, 4, 5. A poll vote now needs the voter cookie from an earlier answer: a first
 * post without one is not counted but gives the cookie (to at most three browsers per address,
 * poll and day) and asks to confirm.
 */
const CAPPED = 'Hôm nay đã có nhiều lượt bình chọn cho cuộc thăm dò này từ cùng mạng với bạn nên lượt này không được tính. Vui lòng thử lại vào ngày mai.';
const browser = (i: number) => `${ANDROID} tai-thu/${i}`;

describeEachDb('poll votes need the voter cookie', setup, (env) => {
  test('a first vote without the cookie is not counted: the form comes back ticked, with the cookie and a request to confirm', async () => {
    const { app, db, siteId } = env();
    const p = await makePoll(db.db, siteId);
    const first = await postVote(app, p.id, [p.options[2]!]);
    assert.equal(first.statusCode, 200);
    assert.equal(first.headers['cache-control'], 'no-store');
    assert.match(first.body, /<meta name="robots" content="noindex"\/>/);
    assert.ok(text(first.body).includes(CONFIRM), 'the page says to send again');
    assert.match(first.body, new RegExp(`value="${p.options[2]}" id="bc-${p.options[2]}" checked`), 'the choice is ticked');
    assert.deepEqual(await counters(db.db, p.id), { total: 0, options: [0, 0, 0], log: 0 });
    const cookie = voterCookie(first);
    assert.ok(cookie, 'the voter cookie is given');
    const confirmed = await postVote(app, p.id, [p.options[2]!], { headers: { cookie } });
    assert.equal(confirmed.statusCode, 303);
    assert.equal(confirmed.headers.location, `/tham-do-y-kien/${p.id}/ket-qua`);
    assert.deepEqual(await counters(db.db, p.id), { total: 1, options: [0, 0, 1], log: 1 });

    const json = await postVote(app, p.id, [p.options[0]!], { json: true });
    assert.equal(json.statusCode, 200);
    assert.deepEqual(json.json(), { ok: false, confirm: true, error: { message: CONFIRM } });
  });

  test('five browsers on one address without cookies: none is counted; three get a cookie, two are refused in Vietnamese', async () => {
    const { app, db, siteId } = env();
    const p = await makePoll(db.db, siteId);
    const ip = freshIp();
    const answers = [];
    for (let i = 1; i <= 5; i++) {
      const res = await postVote(app, p.id, [p.options[0]!], { ip, ua: browser(i) });
      answers.push(res);
      assert.equal((await counters(db.db, p.id)).total, 0, `post ${i} is not counted`);
    }
    assert.deepEqual(answers.map((r) => r.statusCode), [200, 200, 200, 429, 429]);
    assert.deepEqual(answers.map((r) => !!voterCookie(r)), [true, true, true, false, false]);
    assert.ok(text(answers[3]!.body).includes(CAPPED));
    assert.match(answers[3]!.body, /<p class="field-error"[^>]*role="alert">/);
    // The three browsers with their cookies vote once each, however often they send.
    for (const r of answers.slice(0, 3)) {
      for (let k = 0; k < 2; k++) assert.equal((await postVote(app, p.id, [p.options[1]!], { ip, headers: { cookie: voterCookie(r)! } })).statusCode, 303);
    }
    assert.deepEqual(await counters(db.db, p.id), { total: 3, options: [0, 3, 0], log: 3 });
  });

  test('twenty simultaneous cookie-less posts from one address with twenty browsers: exactly three cookies, then exactly three votes', async () => {
    const { app, db, siteId } = env();
    const p = await makePoll(db.db, siteId);
    const ip = freshIp();
    const res = await Promise.all(Array.from({ length: 20 }, (_, i) => postVote(app, p.id, [p.options[i % 3]!], { ip, ua: browser(i), json: true })));
    assert.deepEqual(res.map((r) => r.statusCode).sort(), [...Array(3).fill(200), ...Array(17).fill(429)]);
    const cookies = res.map(voterCookie).filter((c): c is string => !!c);
    assert.equal(cookies.length, 3);
    assert.deepEqual(await counters(db.db, p.id), { total: 0, options: [0, 0, 0], log: 0 });
    // Each cookie sent twice at once (from other addresses: this one is at its rate limit): one vote per cookie.
    const votes = await Promise.all([...cookies, ...cookies].map((cookie) => postVote(app, p.id, [p.options[0]!], { ip: freshIp(), headers: { cookie } })));
    assert.deepEqual([...new Set(votes.map((r) => r.statusCode))], [303]);
    assert.deepEqual(await counters(db.db, p.id), { total: 3, options: [3, 0, 0], log: 3 });
  });
}, async ({ app }) => app.close());

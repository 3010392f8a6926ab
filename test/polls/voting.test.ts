import assert from 'node:assert/strict';
import { test } from 'node:test';
import { BAC_HONG_LINH } from '../helpers/app.js';
import { describeEachDb } from '../helpers/db.js';
import { freshIp, get, text } from '../interact/helpers.js';
import { counters, makePoll, postVote, setup, vote, voterCookie } from './helpers.js';

const GOOGLEBOT = 'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)';
describeEachDb('poll voting', setup, (env) => {
  test('a plain form post (no JS), confirmed with the voter cookie, counts the vote and redirects to the results (PRG)', async () => {
    const { app, db, siteId } = env();
    const p = await makePoll(db.db, siteId);
    const page = await get(app, `/tham-do-y-kien/${p.id}`);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, new RegExp(`<form method="post" action="/tham-do-y-kien/${p.id}"`));
    assert.match(page.body, /<fieldset class="poll-choices"><legend>Chọn một phương án:<\/legend>/);
    assert.equal(page.body.match(/type="radio" name="phuong_an"/g)?.length, 3);
    const res = await vote(app, p.id, [p.options[1]!]);
    assert.equal(res.statusCode, 303);
    assert.equal(res.headers.location, `/tham-do-y-kien/${p.id}/ket-qua`);
    assert.equal(res.headers['cache-control'], 'no-store');
    const cookie = voterCookie(res);
    assert.ok(cookie);
    assert.deepEqual(await counters(db.db, p.id), { total: 1, options: [0, 1, 0], log: 1 });
    const results = await get(app, `/tham-do-y-kien/${p.id}/ket-qua`, { headers: { cookie } });
    assert.equal(results.statusCode, 200);
    assert.equal(results.headers['cache-control'], 'no-store');
    const t = text(results.body);
    assert.match(t, /Phương án B \(bạn đã chọn\) 100,0% 100,0% \(1 lượt\)/);
    assert.match(t, /Tổng số: 1 lượt bình chọn/);
    assert.match(results.body, /<meter min="0" max="100" value="100" aria-labelledby="pa-\d+"/);
    const row = await db.db.selectFrom('poll_votes').selectAll().where('poll_id', '=', p.id).executeTakeFirstOrThrow();
    assert.doesNotMatch(JSON.stringify(row), /198\.51|203\.0|Android/, 'no IP address or user agent stored');
    // The cached poll page was purged: it shows the new total.
    assert.match(text((await get(app, `/tham-do-y-kien/${p.id}`)).body), /Tổng số: 1 lượt bình chọn/);
  });

  test('one vote per visitor: voting again changes the vote (by cookie, or by the daily hash without it)', async () => {
    const { app, db, siteId } = env();
    const p = await makePoll(db.db, siteId);
    const ip = freshIp();
    const first = await vote(app, p.id, [p.options[0]!], { ip });
    const cookie = voterCookie(first)!;
    await vote(app, p.id, [p.options[2]!], { ip: freshIp(), headers: { cookie } });
    assert.deepEqual(await counters(db.db, p.id), { total: 1, options: [0, 0, 1], log: 1 });
    await vote(app, p.id, [p.options[1]!], { ip });
    assert.deepEqual(await counters(db.db, p.id), { total: 1, options: [0, 1, 0], log: 1 }, 'same browser and address today, no cookie: the same voter');
    await vote(app, p.id, [p.options[1]!], { ip, ua: 'Mozilla/5.0 (Windows NT 10.0) Firefox/128.0' });
    assert.deepEqual(await counters(db.db, p.id), { total: 2, options: [0, 2, 0], log: 2 }, 'another browser in the same office is another voter');
  });

  test('multiple choice: up to the limit, changing the choice moves every counter', async () => {
    const { app, db, siteId } = env();
    const p = await makePoll(db.db, siteId, { multiple: true, maxChoices: 2, options: ['Đường', 'Điện', 'Trường', 'Rác'] });
    const page = (await get(app, `/tham-do-y-kien/${p.id}`)).body;
    assert.match(page, /<legend>Chọn tối đa 2 phương án:<\/legend>/);
    assert.equal(page.match(/type="checkbox" name="phuong_an"/g)?.length, 4);
    const tooMany = await vote(app, p.id, p.options.slice(0, 3));
    assert.equal(tooMany.statusCode, 400);
    assert.match(tooMany.body, /Chỉ được chọn tối đa 2 phương án\./);
    assert.match(tooMany.body, new RegExp(`value="${p.options[2]}" id="bc-${p.options[2]}" checked`), 'the ticks come back');
    assert.deepEqual(await counters(db.db, p.id), { total: 0, options: [0, 0, 0, 0], log: 0 });
    const ok = await vote(app, p.id, [p.options[3]!, p.options[0]!, p.options[0]!]);
    assert.equal(ok.statusCode, 303);
    assert.deepEqual(await counters(db.db, p.id), { total: 1, options: [1, 0, 0, 1], log: 1 });
    await vote(app, p.id, [p.options[1]!, p.options[3]!], { headers: { cookie: voterCookie(ok)! } });
    assert.deepEqual(await counters(db.db, p.id), { total: 1, options: [0, 1, 0, 1], log: 1 });
    const single = await makePoll(db.db, siteId);
    const two = await vote(app, single.id, single.options.slice(0, 2));
    assert.equal(two.statusCode, 400);
    assert.match(two.body, /Vui lòng chọn một phương án rồi bấm Bình chọn\./);
  });

  test('closed and not-yet-open polls say so and refuse votes in Vietnamese; nothing is stored', async () => {
    const { app, db, siteId } = env();
    const closed = await makePoll(db.db, siteId, { opensIn: -10, closesIn: -1 });
    const upcoming = await makePoll(db.db, siteId, { opensIn: 2, closesIn: 9 });
    const closedPage = await get(app, `/tham-do-y-kien/${closed.id}`);
    assert.match(text(closedPage.body), /Cuộc thăm dò ý kiến này đã kết thúc lúc .*; không nhận thêm bình chọn\./);
    assert.doesNotMatch(closedPage.body, /name="phuong_an"/);
    const upPage = await get(app, `/tham-do-y-kien/${upcoming.id}`);
    assert.match(text(upPage.body), /chưa bắt đầu; bạn có thể bình chọn từ/);
    assert.doesNotMatch(upPage.body, /name="phuong_an"/);
    const r1 = await vote(app, closed.id, [closed.options[0]!]);
    assert.equal(r1.statusCode, 409);
    assert.match(r1.body, /Cuộc thăm dò ý kiến này đã kết thúc, không nhận thêm bình chọn\./);
    const r2 = await vote(app, upcoming.id, [upcoming.options[0]!], { json: true });
    assert.equal(r2.statusCode, 409);
    assert.equal(r2.json().error.message, 'Cuộc thăm dò ý kiến này chưa bắt đầu, chưa thể bình chọn.');
    assert.deepEqual((await counters(db.db, closed.id)).log + (await counters(db.db, upcoming.id)).log, 0);
  });

  test('bad option ids, unknown, unpublished and other sites\' polls', async () => {
    const { app, db, siteId, otherSiteId } = env();
    const p = await makePoll(db.db, siteId);
    const other = await makePoll(db.db, siteId);
    const draft = await makePoll(db.db, siteId, { published: false });
    const theirs = await makePoll(db.db, otherSiteId);
    for (const bad of [[], [''], ['abc'], [String(other.options[0])], ['999999999'], ['<script>'], ['1.5']]) {
      const res = await vote(app, p.id, bad);
      assert.equal(res.statusCode, 400, `choices ${JSON.stringify(bad)}`);
      assert.match(res.body, /Phương án bạn chọn không có trong cuộc thăm dò này\.|Vui lòng chọn một phương án/);
    }
    assert.equal((await counters(db.db, p.id)).log, 0);
    assert.equal((await vote(app, 999999, ['1'])).statusCode, 404);
    assert.equal((await vote(app, draft.id, [String(draft.options[0])])).statusCode, 404);
    assert.equal((await get(app, `/tham-do-y-kien/${draft.id}`)).statusCode, 404);
    assert.equal((await get(app, '/tham-do-y-kien/abc')).statusCode, 404);
    assert.equal((await get(app, `/tham-do-y-kien/${theirs.id}`)).statusCode, 404, 'another site\'s poll is not found here');
    assert.equal((await vote(app, theirs.id, [String(theirs.options[0])])).statusCode, 404);
    assert.equal((await get(app, `/tham-do-y-kien/${theirs.id}`, { host: BAC_HONG_LINH })).statusCode, 200);
    assert.equal((await get(app, `/tham-do-y-kien/${p.id}/ket-qua`, { host: BAC_HONG_LINH })).statusCode, 404);
    const evil = await vote(app, p.id, [p.options[0]!], { headers: { origin: 'https://evil.example' } });
    assert.equal(evil.statusCode, 403);
  });

  test('known robots and clients without a user agent are answered but not counted', async () => {
    const { app, db, siteId } = env();
    const p = await makePoll(db.db, siteId);
    const bot = await vote(app, p.id, [p.options[0]!], { ua: GOOGLEBOT });
    assert.equal(bot.statusCode, 303);
    assert.equal(bot.headers['set-cookie'], undefined);
    assert.equal((await vote(app, p.id, [p.options[0]!], { ua: '' })).statusCode, 303);
    assert.deepEqual(await counters(db.db, p.id), { total: 0, options: [0, 0, 0], log: 0 });
  });

  test('"after voting" results: hidden from the page and from non-voters until they vote or the poll closes', async () => {
    const { app, db, siteId } = env();
    const p = await makePoll(db.db, siteId, { results: 'after_vote' });
    await vote(app, p.id, [p.options[0]!]);
    const page = text((await get(app, `/tham-do-y-kien/${p.id}`)).body);
    assert.doesNotMatch(page, /Tổng số:/);
    assert.match(page, /Kết quả được công bố cho người đã bình chọn/);
    const stranger = text((await get(app, `/tham-do-y-kien/${p.id}/ket-qua`, { ip: freshIp() })).body);
    assert.doesNotMatch(stranger, /Tổng số:/);
    assert.match(stranger, /Kết quả sẽ được công bố sau khi bạn bình chọn hoặc khi cuộc thăm dò kết thúc\./);
    const mine = await vote(app, p.id, [p.options[1]!]);
    const after = text((await get(app, `/tham-do-y-kien/${p.id}/ket-qua`, { headers: { cookie: voterCookie(mine)! } })).body);
    assert.match(after, /Tổng số: 2 lượt bình chọn/);
    await db.db.updateTable('polls').set({ closes_at: new Date(Date.now() - 1000).toISOString() }).where('id', '=', p.id).execute();
    app.cong.pageCache.purgeSite(siteId);
    assert.match(text((await get(app, `/tham-do-y-kien/${p.id}`)).body), /Tổng số: 2 lượt bình chọn/, 'everyone sees them once closed');
  });

  test('votes are rate-limited per IP address', async () => {
    const { app, db, siteId } = env();
    const p = await makePoll(db.db, siteId);
    const ip = freshIp();
    // The first post gets the voter cookie (and counts against the limit too).
    const first = await postVote(app, p.id, [p.options[0]!], { ip });
    const codes: number[] = [first.statusCode];
    const cookie = voterCookie(first)!;
    for (let i = 1; i < 21; i++) codes.push((await postVote(app, p.id, [p.options[i % 3]!], { ip, headers: { cookie } })).statusCode);
    assert.deepEqual(codes.slice(0, 20), [200, ...Array(19).fill(303)]);
    assert.equal(codes[20], 429);
  });

  test('200 simultaneous votes from 200 visitors give exactly 200 on the log, the options and the total', async () => {
    const { app, db, siteId } = env();
    const p = await makePoll(db.db, siteId, { multiple: true, options: ['Một', 'Hai', 'Ba', 'Bốn'] });
    const picks = Array.from({ length: 200 }, (_, i) => (i % 3 === 0 ? [p.options[0]!, p.options[3]!] : [p.options[i % 4]!]));
    const res = await Promise.all(picks.map((c, i) => vote(app, p.id, c, { ip: `10.20.${Math.floor(i / 200)}.${(i % 200) + 1}` })));
    assert.deepEqual([...new Set(res.map((r) => r.statusCode))], [303]);
    const expected = [0, 0, 0, 0];
    for (const c of picks) for (const id of c) expected[p.options.indexOf(id)]! += 1;
    assert.deepEqual(await counters(db.db, p.id), { total: 200, options: expected, log: 200 });
  });
}, async ({ app }) => app.close());

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { NAM_HONG_LINH, BAC_HONG_LINH } from '../helpers/app.js';
import { describeEachDb } from '../helpers/db.js';
import { ask, freshIp, get, LOOKUP, post, setup, text } from './helpers.js';

const NOT_FOUND = 'Không tìm thấy câu hỏi với mã này.';

describeEachDb('Hỏi đáp: looking a question up by its code', setup, (env) => {
  const lookup = (code: string, o: { host?: string; ip?: string } = {}) => post(env().app, LOOKUP, { ma: code }, { ip: o.ip ?? freshIp(), host: o.host });

  test('the lookup page has the form; the right code shows "Đã tiếp nhận", uncached', async () => {
    const { app, db, siteId } = env();
    const page = await get(app, LOOKUP);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /<form method="post" action="\/hoi-dap\/tra-cuu"/);
    const { code, fields } = await ask(app, db, siteId, { ip: freshIp() });
    const res = await lookup(code);
    assert.equal(res.statusCode, 200);
    assert.equal(res.headers['cache-control'], 'no-store');
    const t = text(res.body);
    assert.ok(t.includes(fields.tieu_de!));
    assert.match(t, /Tình trạng: Đã tiếp nhận/);
    assert.ok(!t.includes(fields.email!) && !t.includes('0912'), 'no contact data on the result');
  });

  test('case-insensitive, with or without "HD-", dashes or spaces', async () => {
    const { app, db, siteId } = env();
    const { code } = await ask(app, db, siteId, { ip: freshIp() });
    const bare = code.slice(3).replace('-', '');
    for (const typed of [code.toLowerCase(), bare, bare.toLowerCase(), ` hd ${bare.slice(0, 4)} ${bare.slice(4)} `]) {
      const res = await lookup(typed);
      assert.equal(res.statusCode, 200, typed);
      assert.match(text(res.body), /Tình trạng: Đã tiếp nhận/);
    }
  });

  test('a wrong code, a malformed one, and another site\'s code: the same "not found", no hint', async () => {
    const { app, db, otherSiteId } = env();
    const other = await ask(app, db, otherSiteId, { host: BAC_HONG_LINH, ip: freshIp() });
    assert.equal((await lookup(other.code, { host: BAC_HONG_LINH })).statusCode, 200, 'found on its own site');
    for (const typed of ['HD-2222-2222', 'xyz', other.code]) {
      const res = await lookup(typed, { host: NAM_HONG_LINH });
      assert.equal(res.statusCode, 404, typed);
      assert.ok(text(res.body).includes(NOT_FOUND));
      assert.ok(!text(res.body).includes(other.fields.tieu_de!));
      assert.match(res.body, /aria-invalid="true"/);
    }
    const empty = await lookup('  ');
    assert.equal(empty.statusCode, 422);
    assert.match(text(empty.body), /Vui lòng nhập mã tra cứu\./);
  });

  test('guessing is rate-limited per address: the 21st lookup within 15 minutes is refused, even with a right code', async () => {
    const { app, db, siteId } = env();
    const { code } = await ask(app, db, siteId, { ip: freshIp() });
    const ip = freshIp();
    for (let i = 0; i < 20; i++) assert.equal((await lookup(`HD-2222-${String(2222 + i).slice(-4).replace(/[01]/g, '2')}`, { ip })).statusCode, 404);
    const res = await lookup(code, { ip });
    assert.equal(res.statusCode, 429);
    assert.match(text(res.body), /Bạn đã tra cứu quá nhiều lần/);
    assert.equal((await lookup(code)).statusCode, 200, 'another address still can');
  });
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { createFirstAdminIfNone } from '../../src/features/back-office/first-admin.js';
import { findUserByLogin } from '../../src/kernel/access/users-repo.js';
import { buildTestApp, NAM_HONG_LINH, BAC_HONG_LINH } from '../helpers/app.js';
import { AdminClient, cookiePair, csrfFrom, makeUser, PASSWORD } from '../helpers/admin.js';
import { describeEachDb } from '../helpers/db.js';
import { codeAt } from '../helpers/totp.js';

let clock = Date.parse('2026-11-26T03:00:00.000Z');

describeEachDb('back-office sign-in, sessions and two-factor', async (db) => {
  const app = await buildTestApp(db, { now: () => new Date(clock) });
  const first = await createFirstAdminIfNone(db.db, new Date(), db.dataDir);
  await makeUser(db.db, 'bientap', [{ siteId: 1, role: 'editor' }]);
  await makeUser(db.db, 'quantrihl', [{ siteId: 1, role: 'site_admin' }]);
  // A contributor is not required to have a second factor (two-factor.test.ts): signs in with the password alone.
  await makeUser(db.db, 'congtacvien', [{ siteId: 1, role: 'contributor' }]);
  return { app, first };
}, (get) => {
  test('the first admin gets a generated password (written to a file: first-admin.test.ts); there is no default password', async () => {
    const { db, first } = get();
    assert.ok(first);
    assert.equal(first.username, 'quantri');
    assert.match(first.password, /^[A-Za-z0-9]{20}$/);
    assert.equal(await createFirstAdminIfNone(db.db, new Date(), db.dataDir), null, 'only on first run');
    const stored = await findUserByLogin(db.db, 'quantri');
    assert.match(stored!.password_hash, /^\$argon2id\$/);
    await AdminClient.login(get().app, NAM_HONG_LINH, 'quantri', first.password);
  });

  test('admin pages need a session; the session cookie is HttpOnly, SameSite and scoped to /quan-tri', async () => {
    const { app } = get();
    const anon = await app.inject({ url: '/quan-tri/bai-viet', headers: { host: NAM_HONG_LINH } });
    assert.equal(anon.statusCode, 303);
    assert.equal(anon.headers.location, '/quan-tri/dang-nhap?tiep=%2Fquan-tri%2Fbai-viet');
    const c = new AdminClient(app, NAM_HONG_LINH);
    const res = await c.loginAttempt('CongTacVien@HongLinh.gov.vn', PASSWORD, { tiep: '/quan-tri/bai-viet' });
    assert.equal(res.statusCode, 303);
    assert.equal(res.headers.location, '/quan-tri/bai-viet');
    const cookie = ([] as string[]).concat(res.headers['set-cookie'] ?? []).find((x) => x.startsWith('cong_sid='))!;
    assert.match(cookie, /HttpOnly/);
    assert.match(cookie, /SameSite=Lax/);
    assert.match(cookie, /Path=\/quan-tri/);
    assert.equal(res.headers['cache-control'], 'no-store');
  });

  test('wrong password and unknown account get the same Vietnamese message, with the typed login kept', async () => {
    const c = new AdminClient(get().app, NAM_HONG_LINH, '10.0.0.2');
    const wrong = await c.loginAttempt('bientap', 'sai-mat-khau');
    const unknown = await c.loginAttempt('khong-co-ai', 'sai-mat-khau');
    for (const r of [wrong, unknown]) {
      assert.equal(r.statusCode, 401);
      assert.match(r.body, /Tên đăng nhập hoặc mật khẩu không đúng\./);
    }
    assert.match(wrong.body, /name="login"[^>]*value="bientap"|value="bientap"[^>]*name="login"/);
    const empty = await c.loginAttempt('', '');
    assert.equal(empty.statusCode, 400);
    assert.match(empty.body, /Vui lòng nhập email hoặc tên đăng nhập và mật khẩu/);
  });

  test('after five failures the account is throttled with a growing delay, known or not', async () => {
    const { app } = get();
    for (const login of ['bientap', 'ai-do-khong-ton-tai']) {
      const c = new AdminClient(app, NAM_HONG_LINH, `10.0.1.${login.length}`);
      for (let i = 0; i < 5; i++) await c.loginAttempt(login, 'sai');
      const locked = await c.loginAttempt(login, PASSWORD);
      assert.equal(locked.statusCode, 429, login);
      assert.match(locked.body, /Bạn đã nhập sai quá nhiều lần\. Vui lòng thử lại sau \d+ giây\./);
    }
    // The real owner, from another address, is throttled on the account too; time lifts it.
    const other = new AdminClient(app, NAM_HONG_LINH, '10.0.9.9');
    assert.equal((await other.loginAttempt('bientap', PASSWORD)).statusCode, 429);
    clock += 5_000;
    assert.equal((await other.loginAttempt('bientap', PASSWORD)).statusCode, 303);
  });

  test('a form without the CSRF token is refused and changes nothing', async () => {
    const c = await AdminClient.login(get().app, NAM_HONG_LINH, 'quantrihl');
    const res = await c.post('/quan-tri/tai-khoan/dang-xuat-tat-ca', {}, { csrf: null });
    assert.equal(res.statusCode, 403);
    assert.match(res.body, /biểu mẫu không hợp lệ/);
    const forged = await c.post('/quan-tri/tai-khoan/dang-xuat-tat-ca', {}, { csrf: 'x'.repeat(32) });
    assert.equal(forged.statusCode, 403);
    assert.equal((await c.get('/quan-tri')).statusCode, 200, 'still signed in');
  });

  test('idle sessions end after an hour; log out ends the session; log out everywhere ends all', async () => {
    const { app } = get();
    const a = await AdminClient.login(app, NAM_HONG_LINH, 'quantrihl');
    const b = await AdminClient.login(app, NAM_HONG_LINH, 'quantrihl');
    clock += 61 * 60_000;
    assert.equal((await a.get('/quan-tri')).statusCode, 303, 'idle too long');
    const c = await AdminClient.login(app, NAM_HONG_LINH, 'quantrihl');
    const d = await AdminClient.login(app, NAM_HONG_LINH, 'quantrihl');
    const out = await c.post('/quan-tri/dang-xuat');
    assert.equal(out.headers.location, '/quan-tri/dang-nhap?ra=1');
    assert.equal((await c.get('/quan-tri')).statusCode, 303);
    assert.equal((await d.get('/quan-tri')).statusCode, 200);
    const e = await AdminClient.login(app, NAM_HONG_LINH, 'quantrihl');
    await e.post('/quan-tri/tai-khoan/dang-xuat-tat-ca');
    assert.equal((await d.get('/quan-tri')).statusCode, 303);
    assert.equal((await b.get('/quan-tri')).statusCode, 303);
  });

  test('people without a role on a site cannot enter its back office', async () => {
    const c = await AdminClient.login(get().app, NAM_HONG_LINH, 'bientap');
    const other = await get().app.inject({ url: '/quan-tri', headers: { host: BAC_HONG_LINH, cookie: c.cookie } });
    // The cookie is per host in a browser; even when replayed to another site it grants nothing there.
    assert.equal(other.statusCode, 403);
    assert.match(other.body, /Bạn không có quyền/);
  });

  test('TOTP: enrol with a QR code, then sign-in asks for the code; recovery codes work once', async () => {
    const { app, db } = get();
    const c = await AdminClient.login(app, NAM_HONG_LINH, 'congtacvien');
    const setup = await c.get('/quan-tri/tai-khoan/hai-lop');
    assert.equal(setup.statusCode, 200);
    assert.match(setup.body, /<svg/);
    const secret = /<code>([A-Z2-7]+)<\/code>/.exec(setup.body)![1]!;
    const bad = await c.post('/quan-tri/tai-khoan/hai-lop', { code: '000000' });
    assert.equal(bad.statusCode, 422);
    assert.match(bad.body, /Mã xác thực không đúng/);
    const ok = await c.post('/quan-tri/tai-khoan/hai-lop', { code: await codeAt(secret, new Date(clock)) });
    assert.equal(ok.statusCode, 200);
    const codes = [...ok.body.matchAll(/<li>([a-z0-9]{10})<\/li>/g)].map((m) => m[1]!);
    assert.equal(codes.length, 10);

    const fresh = new AdminClient(app, NAM_HONG_LINH, '10.0.3.1');
    const step1 = await fresh.loginAttempt('congtacvien', PASSWORD);
    assert.match(step1.headers.location as string, /^\/quan-tri\/dang-nhap\/xac-thuc/);
    const sid = ([] as string[]).concat(step1.headers['set-cookie'] ?? []).find((x) => x.startsWith('cong_sid='))!.split(';')[0]!;
    fresh.cookie = sid;
    assert.equal((await fresh.get('/quan-tri')).headers.location, '/quan-tri/dang-nhap/xac-thuc', 'nothing else before the code');
    const form = await fresh.get('/quan-tri/dang-nhap/xac-thuc');
    fresh.csrf = csrfFrom(form.body);
    const wrong = await fresh.post('/quan-tri/dang-nhap/xac-thuc', { code: '123456' });
    assert.equal(wrong.statusCode, 401);
    assert.match(wrong.body, /Mã xác thực không đúng\./);
    const rec = await fresh.post('/quan-tri/dang-nhap/xac-thuc', { code: codes[0]! });
    assert.equal(rec.statusCode, 303);
    // The session token is replaced after the second step (two-factor.test.ts).
    fresh.cookie = cookiePair(rec.headers['set-cookie'], 'cong_sid')!;
    assert.equal((await fresh.get('/quan-tri')).statusCode, 200);
    const user = await findUserByLogin(db.db, 'congtacvien');
    assert.equal(JSON.parse(user!.recovery_codes).length, 9, 'the used code is gone');
  });
}, async ({ app }: { app: FastifyInstance }) => {
  await app.close();
});

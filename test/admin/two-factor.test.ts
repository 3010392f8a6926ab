import assert from 'node:assert/strict';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { createFirstAdminIfNone } from '../../src/features/back-office/first-admin.js';
import { findUserByLogin } from '../../src/kernel/access/users-repo.js';
import { acceptTotp, consumeRecoveryCode } from '../../src/features/back-office/auth/second-factor.js';
import { SecretBox } from '../../src/kernel/lib/secret-box.js';
import { SECRET_KEY_FILE } from '../../src/kernel/lib/secret-key.js';
import { buildTestApp, NAM_HONG_LINH } from '../helpers/app.js';
import { AdminClient, cookiePair, csrfFrom, makeUser, PASSWORD } from '../helpers/admin.js';
import { describeEachDb } from '../helpers/db.js';
import { codeAt } from '../helpers/totp.js';

/**
 * Two-factor sign-in (issue 16, item 2): required of system administrators and of the roles that
 * publish or administer, set up at first sign-in; each TOTP step and each recovery code accepted
 * once, even in parallel; a new session token after the second step; secrets sealed at rest;
 * turning it off needs a current code.
 */
let clock = Date.parse('2026-11-26T03:00:00.000Z');
const now = () => new Date(clock);
const SETUP = '/quan-tri/tai-khoan/hai-lop?batbuoc=1';

describeEachDb('two-factor sign-in', async (db) => {
  const app = await buildTestApp(db, { now });
  const first = await createFirstAdminIfNone(db.db, new Date(), db.dataDir);
  await makeUser(db.db, 'hethong', [], true);
  await makeUser(db.db, 'duyetbai', [{ siteId: 1, role: 'approver' }]);
  await makeUser(db.db, 'kiemduyet', [{ siteId: 1, role: 'moderator' }]);
  await makeUser(db.db, 'quantrit', [{ siteId: 1, role: 'site_admin' }]);
  await makeUser(db.db, 'phongvien', [{ siteId: 1, role: 'contributor' }]);
  for (const name of ['haiyeuto', 'songsong', 'phatlai', 'phien', 'khoiphuc', 'tatma', 'bimat']) await makeUser(db.db, name, [{ siteId: 1, role: 'editor' }]);
  return { app, first };
}, (get) => {
  /** The password step from a fresh client; the client keeps the session cookie it was given. */
  async function passwordStep(login: string, password = PASSWORD, ip = '10.25.0.1') {
    const c = new AdminClient(get().app, NAM_HONG_LINH, ip);
    const res = await c.loginAttempt(login, password);
    assert.equal(res.statusCode, 303, `the password of ${login} is right`);
    c.cookie = cookiePair(res.headers['set-cookie'], 'cong_sid')!;
    return { c, location: String(res.headers.location) };
  }

  /** Signs in and enrols (forced); returns the client, the secret and the recovery codes. */
  async function enrolled(login: string) {
    const { c } = await passwordStep(login);
    const setup = await c.get(SETUP);
    const secret = /<code>([A-Z2-7]+)<\/code>/.exec(setup.body)![1]!;
    c.csrf = csrfFrom(setup.body);
    const done = await c.post(SETUP, { code: await codeAt(secret, now()) });
    assert.equal(done.statusCode, 200);
    const codes = [...done.body.matchAll(/<li>([a-z0-9]{10})<\/li>/g)].map((m) => m[1]!);
    // The next sign-in is in a later 30-second step than the enrolment's.
    clock += 60_000;
    return { c, secret, codes };
  }

  /** A session waiting for its second step, with the form's CSRF token. */
  async function pending(login: string, ip: string) {
    const { c, location } = await passwordStep(login, PASSWORD, ip);
    assert.match(location, /^\/quan-tri\/dang-nhap\/xac-thuc/);
    c.csrf = csrfFrom((await c.get('/quan-tri/dang-nhap/xac-thuc')).body);
    return c;
  }

  test('system administrators, site admins, approvers and moderators go from the password to the set-up screen; contributors do not', async () => {
    for (const login of ['hethong', 'quantrit', 'duyetbai', 'kiemduyet']) {
      assert.equal((await passwordStep(login)).location, SETUP, login);
    }
    assert.equal((await passwordStep('phongvien')).location, '/quan-tri', 'a contributor is not forced by default');
  });

  test('until set-up is done every back-office route leads to the set-up screen, and nothing is changed', async () => {
    const { c } = await passwordStep('hethong');
    for (const path of ['/quan-tri', '/quan-tri/bai-viet', '/quan-tri/nguoi-dung', '/quan-tri/tai-khoan', '/quan-tri/nhat-ky']) {
      const res = await c.get(path);
      assert.equal(res.statusCode, 303, path);
      assert.equal(res.headers.location, SETUP, path);
    }
    const setup = await c.get(SETUP);
    assert.equal(setup.statusCode, 200);
    assert.match(setup.body, /Tài khoản của bạn phải đăng nhập hai lớp\. Vui lòng bật xác thực hai lớp để tiếp tục\./);
    c.csrf = csrfFrom(setup.body);
    const before = (await findUserByLogin(get().db.db, 'hethong'))!.password_hash;
    const change = await c.post('/quan-tri/tai-khoan/mat-khau', { current: PASSWORD, next: 'mot-mat-khau-moi-dai', confirm: 'mot-mat-khau-moi-dai' });
    assert.equal(change.headers.location, SETUP);
    assert.equal((await findUserByLogin(get().db.db, 'hethong'))!.password_hash, before, 'the password is unchanged');
    // A wrong code keeps the person on the screen with a Vietnamese message; the right one lets them in.
    const wrong = await c.post(SETUP, { code: '000000' });
    assert.equal(wrong.statusCode, 422);
    assert.match(wrong.body, /Mã xác thực không đúng\. Hãy nhập mã đang hiện trong ứng dụng\./);
    const secret = /<code>([A-Z2-7]+)<\/code>/.exec(wrong.body)![1]!;
    assert.equal((await c.post(SETUP, { code: await codeAt(secret, now()) })).statusCode, 200);
    assert.equal((await c.get('/quan-tri/nguoi-dung')).statusCode, 200);
  });

  test('the first-run administrator sets a new password, then is kept on the set-up screen', async () => {
    const { first } = get();
    const { c } = await passwordStep('quantri', first!.password);
    assert.equal((await c.get('/quan-tri')).headers.location, '/quan-tri/tai-khoan?doi-mat-khau=1');
    c.csrf = csrfFrom((await c.get('/quan-tri/tai-khoan')).body);
    assert.equal((await c.post('/quan-tri/tai-khoan/mat-khau', { current: first!.password, next: 'mat-khau-moi-cua-toi', confirm: 'mat-khau-moi-cua-toi' })).statusCode, 303);
    assert.equal((await c.get('/quan-tri')).headers.location, SETUP);
  });

  test('a TOTP code is accepted once: of two parallel submissions one signs in; a replay and an older step are refused', async () => {
    const { secret } = await enrolled('phatlai');
    const clients = await Promise.all([1, 2, 3, 4].map((i) => pending('phatlai', `10.25.1.${i}`)));
    const code = await codeAt(secret, now());
    const answers = await Promise.all(clients.map((c) => c.post('/quan-tri/dang-nhap/xac-thuc', { code })));
    assert.deepEqual(answers.map((r) => r.statusCode).sort(), [303, 401, 401, 401]);
    const later = await pending('phatlai', '10.25.1.9');
    assert.equal((await later.post('/quan-tri/dang-nhap/xac-thuc', { code })).statusCode, 401, 'the same code again');
    assert.equal((await later.post('/quan-tri/dang-nhap/xac-thuc', { code: await codeAt(secret, new Date(clock - 30_000)) })).statusCode, 401, 'the step before');
    clock += 60_000;
    const next = await pending('phatlai', '10.25.1.10');
    assert.equal((await next.post('/quan-tri/dang-nhap/xac-thuc', { code: await codeAt(secret, now()) })).statusCode, 303, 'a later step');
  });

  test('without the throttle in front, parallel checks of one TOTP code or one recovery code still accept exactly one', async () => {
    // The throttle staggers parallel requests of one person; the compare-and-set must hold on its own.
    const { app, db } = get();
    const { secret, codes } = await enrolled('songsong');
    const user = async () => (await findUserByLogin(db.db, 'songsong'))!;
    const u = await user();
    const code = await codeAt(secret, now());
    const totp = await Promise.all(Array.from({ length: 6 }, () => acceptTotp(db.db, app.cong.secrets, u, code, now())));
    assert.equal(totp.filter(Boolean).length, 1);
    const recovery = await Promise.all(Array.from({ length: 6 }, () => consumeRecoveryCode(db.db, u.id, codes[1]!)));
    assert.equal(recovery.filter(Boolean).length, 1);
    assert.equal(JSON.parse((await user()).recovery_codes).length, 9);
  });

  test('the session token is replaced after the second step; the one from before it is worth nothing', async () => {
    const { secret } = await enrolled('phien');
    const c = await pending('phien', '10.25.2.1');
    const before = c.cookie;
    const res = await c.post('/quan-tri/dang-nhap/xac-thuc', { code: await codeAt(secret, now()) });
    assert.equal(res.statusCode, 303);
    const after = cookiePair(res.headers['set-cookie'], 'cong_sid');
    assert.ok(after, 'a new cookie is set');
    assert.notEqual(after, before);
    const old = await get().app.inject({ url: '/quan-tri', headers: { host: NAM_HONG_LINH, cookie: before } });
    assert.equal(old.statusCode, 303);
    assert.match(String(old.headers.location), /^\/quan-tri\/dang-nhap/);
    assert.equal((await get().app.inject({ url: '/quan-tri', headers: { host: NAM_HONG_LINH, cookie: after } })).statusCode, 200);
    const audit = await get().db.db.selectFrom('audit_log').select('action').where('action', '=', 'user.login_second_step').execute();
    assert.ok(audit.length >= 1, 'the completed second step is in the audit log');
  });

  test('a recovery code used in parallel signs in once', async () => {
    const { codes } = await enrolled('khoiphuc');
    const clients = await Promise.all([1, 2, 3, 4].map((i) => pending('khoiphuc', `10.25.3.${i}`)));
    const answers = await Promise.all(clients.map((c) => c.post('/quan-tri/dang-nhap/xac-thuc', { code: codes[0]! })));
    assert.deepEqual(answers.map((r) => r.statusCode).sort(), [303, 401, 401, 401]);
    const user = (await findUserByLogin(get().db.db, 'khoiphuc'))!;
    assert.equal(JSON.parse(user.recovery_codes).length, 9);
  });

  test('a code and a recovery code sent in parallel on one pending session open one session, not two', async () => {
    const { secret, codes } = await enrolled('haiyeuto');
    const c = await pending('haiyeuto', '10.25.5.1');
    const answers = await Promise.all([await codeAt(secret, now()), codes[2]!].map((code) => c.post('/quan-tri/dang-nhap/xac-thuc', { code })));
    const opened = answers.filter((r) => r.statusCode === 303 && r.headers.location === '/quan-tri');
    assert.equal(opened.length, 1, answers.map((r) => `${r.statusCode} ${r.headers.location}`).join(', '));
    const other = answers.find((r) => r !== opened[0])!;
    assert.equal(other.headers.location, '/quan-tri/dang-nhap?ra=het-han');
  });

  test('the TOTP secret is stored sealed (AES-256-GCM) under a key file of mode 0600; a plain secret from before is sealed on first use', async () => {
    const { app, db } = get();
    const { secret } = await enrolled('bimat');
    const stored = (await findUserByLogin(db.db, 'bimat'))!.totp_secret!;
    assert.notEqual(stored, secret);
    assert.doesNotMatch(stored, /^[A-Z2-7]+=*$/, 'not the base32 secret');
    assert.ok(!stored.includes(secret));
    assert.match(stored, /^v1:/);
    assert.equal(app.cong.secrets.open(stored), secret);
    assert.equal(statSync(join(db.dataDir, SECRET_KEY_FILE)).mode & 0o777, 0o600);
    // A secret stored in clear by an older version still works, and is sealed once used.
    await db.db.updateTable('users').set({ totp_secret: secret, totp_last_step: null }).where('username', '=', 'bimat').execute();
    const c = await pending('bimat', '10.25.4.1');
    assert.equal((await c.post('/quan-tri/dang-nhap/xac-thuc', { code: await codeAt(secret, now()) })).statusCode, 303);
    const resealed = (await findUserByLogin(db.db, 'bimat'))!.totp_secret!;
    assert.match(resealed, /^v1:/);
    assert.equal(app.cong.secrets.open(resealed), secret);
  });

  test('turning two-factor off needs the password and a current code, under the throttle', async () => {
    const { db } = get();
    const { c, secret } = await enrolled('tatma');
    c.csrf = csrfFrom((await c.get('/quan-tri/tai-khoan')).body);
    const enabled = async () => (await findUserByLogin(db.db, 'tatma'))!.totp_enabled;
    const noCode = await c.post('/quan-tri/tai-khoan/hai-lop/tat', { password: PASSWORD });
    assert.equal(noCode.statusCode, 422);
    assert.match(noCode.body, /Mã xác thực không đúng\./);
    assert.match(noCode.body, /name="code"/);
    const badPassword = await c.post('/quan-tri/tai-khoan/hai-lop/tat', { password: 'sai', code: await codeAt(secret, now()) });
    assert.equal(badPassword.statusCode, 422);
    assert.match(badPassword.body, /Mật khẩu không đúng\./);
    assert.equal(await enabled(), 1);
    // Wrong codes count on the second-step throttle: after five, even the right code waits.
    const failedBefore = (await db.db.selectFrom('audit_log').select('id').where('action', '=', 'user.totp_failed').execute()).length;
    for (let i = 0; i < 4; i++) assert.equal((await c.post('/quan-tri/tai-khoan/hai-lop/tat', { password: PASSWORD, code: '000000' })).statusCode, 422);
    const failedAfter = (await db.db.selectFrom('audit_log').select('id').where('action', '=', 'user.totp_failed').execute()).length;
    assert.equal(failedAfter - failedBefore, 4, 'each wrong code is in the audit log (five with the missing one)');
    const throttled = await c.post('/quan-tri/tai-khoan/hai-lop/tat', { password: PASSWORD, code: await codeAt(secret, now()) });
    assert.equal(throttled.statusCode, 429);
    assert.match(throttled.body, /Bạn đã nhập sai quá nhiều lần/);
    assert.equal(await enabled(), 1);
    clock += 5 * 60_000;
    const off = await c.post('/quan-tri/tai-khoan/hai-lop/tat', { password: PASSWORD, code: await codeAt(secret, now()) });
    assert.equal(off.statusCode, 303);
    assert.equal(await enabled(), 0);
    // An editor must have it: the next page is the set-up screen again.
    assert.equal((await c.get('/quan-tri')).headers.location, SETUP);
  });
}, async ({ app }: { app: FastifyInstance }) => {
  await app.close();
});

describeEachDb('the key of stored secrets from CONG_SECRET_KEY', async (db) => {
  const key = Buffer.alloc(32, 7);
  const app = await buildTestApp(db, { now, env: { CONG_SECRET_KEY: key.toString('base64') } });
  await makeUser(db.db, 'khoamoitruong', [{ siteId: 1, role: 'editor' }]);
  return { app, key };
}, (get) => {
  test('secrets are sealed with the configured key, and no key file is written', async () => {
    const { app, db, key } = get();
    await AdminClient.login(app, NAM_HONG_LINH, 'khoamoitruong');
    const stored = (await findUserByLogin(db.db, 'khoamoitruong'))!.totp_secret!;
    assert.match(new SecretBox(key).open(stored), /^[A-Z2-7]{16,}$/);
    assert.throws(() => statSync(join(db.dataDir, SECRET_KEY_FILE)));
  });
}, async ({ app }: { app: FastifyInstance }) => {
  await app.close();
});

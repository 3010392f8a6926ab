import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { backOffice } from '../../src/features/back-office/feature.js';
import { HOUSEKEEPING_LEASE } from '../../src/features/back-office/housekeeping.js';
import { loginDigest } from '../../src/features/back-office/auth/throttle.js';
import { IDLE_MS } from '../../src/kernel/access/sessions.js';
import { buildTestApp, NAM_HONG_LINH } from '../helpers/app.js';
import { AdminClient, csrfFrom, makeUser, PASSWORD } from '../helpers/admin.js';
import { describeEachDb } from '../helpers/db.js';

/** Failed checks in the audit log, and the housekeeping of sessions and throttle rows (issue 16, item 3). */
let clock = Date.parse('2026-11-26T03:00:00.000Z');

describeEachDb('audit of failed sign-ins and housekeeping of sessions and throttle rows', async (db) => {
  const app = await buildTestApp(db, { now: () => new Date(clock) });
  await makeUser(db.db, 'kiemtoan', [{ siteId: 1, role: 'site_admin' }]);
  await makeUser(db.db, 'haibuoc', [{ siteId: 1, role: 'editor' }]);
  return { app };
}, (get) => {
  const rows = (action: string) => get().db.db.selectFrom('audit_log').selectAll().where('action', '=', action).orderBy('id').execute();

  test('a failed sign-in writes an audit row with the login hashed, never the password; the lock it starts has its own row', async () => {
    const c = new AdminClient(get().app, NAM_HONG_LINH, '10.16.7.1');
    const typed = 'Mat-Khau-Go-Nham-O-Ten';
    for (let i = 0; i < 5; i++) await c.loginAttempt(typed, `mat-khau-sai-${i}`);
    const failed = await rows('user.login_failed');
    assert.equal(failed.length, 5);
    for (const r of failed) {
      assert.equal(r.site_id, 1);
      assert.equal(r.user_id, null, 'whether the account exists is not written');
      assert.equal(r.entity_type, 'login');
      assert.equal(r.entity_id, loginDigest(typed));
    }
    const locked = await rows('user.login_locked');
    assert.equal(locked.length, 1, 'the fifth failure locks the account');
    assert.deepEqual(JSON.parse(locked[0]!.after_json!), { locks: [{ scope: 'account', seconds: 2 }] });
    const all = JSON.stringify(await get().db.db.selectFrom('audit_log').selectAll().execute()) + JSON.stringify(await get().db.db.selectFrom('login_throttle').selectAll().execute());
    assert.doesNotMatch(all, /mat-khau-sai/i, 'no password anywhere');
    assert.doesNotMatch(all, /Mat-Khau-Go-Nham/i, 'no login in clear anywhere');
    // Refused attempts check nothing and write nothing.
    await c.loginAttempt(typed, 'mat-khau-sai-6');
    assert.equal((await rows('user.login_failed')).length, 5);
  });

  test('the site admin reads these rows in Vietnamese in the audit log', async () => {
    const admin = await AdminClient.login(get().app, NAM_HONG_LINH, 'kiemtoan');
    const page = await admin.get('/quan-tri/nhat-ky?hanh_dong=user.login_failed');
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /<td>Đăng nhập sai<\/td>/);
    assert.match((await admin.get('/quan-tri/nhat-ky?hanh_dong=user.login_locked')).body, /<td>Tạm khoá đăng nhập vì sai nhiều lần<\/td>/);
  });

  test('a wrong second-step code writes a row naming the person; the fifth locks the step and says so', async () => {
    const { app } = get();
    // An editor must have a second factor: the first sign-in enrols (test/helpers/admin.ts).
    await AdminClient.login(app, NAM_HONG_LINH, 'haibuoc');
    const fresh = new AdminClient(app, NAM_HONG_LINH, '10.16.7.2');
    const step1 = await fresh.loginAttempt('haibuoc', PASSWORD);
    fresh.cookie = ([] as string[]).concat(step1.headers['set-cookie'] ?? []).find((x) => x.startsWith('cong_sid='))!.split(';')[0]!;
    fresh.csrf = csrfFrom((await fresh.get('/quan-tri/dang-nhap/xac-thuc')).body);
    const answers = await Promise.all(Array.from({ length: 8 }, () => fresh.post('/quan-tri/dang-nhap/xac-thuc', { code: '000000' })));
    assert.deepEqual(answers.map((r) => r.statusCode).sort(), [401, 401, 401, 401, 401, 429, 429, 429]);
    const user = await get().db.db.selectFrom('users').select('id').where('username', '=', 'haibuoc').executeTakeFirstOrThrow();
    const failed = await rows('user.totp_failed');
    assert.equal(failed.length, 5);
    for (const r of failed) assert.deepEqual([r.user_id, r.entity_type, r.entity_id], [user.id, 'user', String(user.id)]);
    assert.equal((await rows('user.totp_locked')).length, 1);
  });

  test('a wrong current password on the account page writes a re-check row', async () => {
    const c = await AdminClient.login(get().app, NAM_HONG_LINH, 'kiemtoan');
    assert.equal((await c.post('/quan-tri/tai-khoan/mat-khau', { current: 'sai', next: 'mot-mat-khau-moi-dai', confirm: 'mot-mat-khau-moi-dai' })).statusCode, 422);
    const r = await rows('user.password_recheck_failed');
    assert.equal(r.length, 1);
    assert.deepEqual(JSON.parse(r[0]!.after_json!), { purpose: 'change_password' });
  });

  test('housekeeping (a leased job of the back office) purges expired sessions and decayed throttle rows, and keeps live ones', async () => {
    const { app, db } = get();
    const job = backOffice.jobs!(app).find((j) => j.name === HOUSEKEEPING_LEASE);
    assert.ok(job && job.leased, 'the back office declares a leased housekeeping job');
    const sessions = () => db.db.selectFrom('sessions').select('id').execute();
    const throttle = () => db.db.selectFrom('login_throttle').select('key').execute();
    assert.ok((await sessions()).length >= 3);
    assert.ok((await throttle()).length >= 2);

    // An hour and a bit later: every session so far is idle too long; the throttle rows are still counting.
    clock += IDLE_MS + 60_000;
    const live = await AdminClient.login(app, NAM_HONG_LINH, 'kiemtoan');
    await job.run(new Date(clock), false);
    assert.equal((await sessions()).length, 1, 'only the new session is left');
    assert.equal((await live.get('/quan-tri')).statusCode, 200);
    assert.ok((await throttle()).length >= 2, 'throttle rows younger than a day stay');

    clock += 25 * 60 * 60_000;
    await job.run(new Date(clock), false);
    assert.equal((await throttle()).length, 0, 'a day later every throttle row has decayed and is gone');
    assert.equal((await sessions()).length, 0);

    // Invitations stay a month past their expiry (answered or not), then go.
    const invitation = (login: string, expiresAgoDays: number) => ({
      site_id: 1, login, user_id: null, roles: '["editor"]', status: 'pending' as const, invited_by: null,
      created_at: new Date(clock - (expiresAgoDays + 7) * 86_400_000).toISOString(),
      expires_at: new Date(clock - expiresAgoDays * 86_400_000).toISOString(), answered_at: null,
    });
    await db.db.insertInto('site_invitations').values([invitation('cu_qua', 31), invitation('moi_het_han', 29), invitation('con_han', -3)]).execute();
    await job.run(new Date(clock), false);
    const left = (await db.db.selectFrom('site_invitations').select('login').orderBy('login').execute()).map((r) => r.login);
    assert.deepEqual(left, ['con_han', 'moi_het_han']);
  });
}, async ({ app }: { app: FastifyInstance }) => {
  await app.close();
});

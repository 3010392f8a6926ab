import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { isCommonPassword } from '../../src/features/back-office/auth/common-passwords.js';
import { generatePassword } from '../../src/features/back-office/auth/passwords.js';
import { createUser } from '../../src/features/back-office/commands/create-user.js';
import { resetPassword } from '../../src/features/back-office/commands/reset-password.js';
import { findUserByLogin } from '../../src/kernel/access/users-repo.js';
import { AdminClient, makeUser, PASSWORD } from '../helpers/admin.js';
import { buildTestApp, NAM_HONG_LINH, ROOT } from '../helpers/app.js';
import { describeEachDb } from '../helpers/db.js';

const MESSAGE = /Mật khẩu này quá phổ biến/;
/** At least 10 characters each, so only the list can refuse them. */
const COMMON = ['matkhau123', 'Mật khẩu 123', 'anhyeuem123', 'Anh yêu em 2026', 'Password2026!', 'qwertyuiop', 'iloveyou123', '1234567890', 'vietnam1975', 'namhonglinh@123'];
const STRONG = ['mat-khau-thu-nghiem-2026', 'Trời hôm nay xanh lắm 7', 'ga trong luoc chan bun', 'dragon84720193745x'];

test('common, breached and Vietnamese-common passwords are recognised, decorated or not; strong ones are not', async () => {
  for (const p of [...COMMON, '123456a@', 'anhyeuem', 'password', 'Matkhau@123', 'dragon', 'hatinh2025']) assert.equal(await isCommonPassword(p), true, p);
  for (const p of [...STRONG, generatePassword()]) assert.equal(await isCommonPassword(p), false, p);
});

test('the list loads on first use and costs a few MB of heap', () => {
  const script = `
    const { commonPasswords } = await import(${JSON.stringify(`${ROOT}/src/features/back-office/auth/common-passwords.ts`)});
    global.gc(); const before = process.memoryUsage().heapUsed;
    const set = await commonPasswords();
    global.gc(); const after = process.memoryUsage().heapUsed;
    console.log(JSON.stringify({ size: set.size, mb: (after - before) / 1048576 }));`;
  const out = execFileSync(process.execPath, ['--expose-gc', '--import', 'tsx', '--input-type=module', '-e', script], { cwd: ROOT, encoding: 'utf8' });
  const { size, mb } = JSON.parse(out.trim().split('\n').pop()!) as { size: number; mb: number };
  assert.ok(size > 45_000, `${size} passwords`);
  assert.ok(mb < 8, `${mb.toFixed(1)} MB of heap`);
});

describeEachDb('new passwords against the common-password list', async (db) => {
  const app = await buildTestApp(db);
  await makeUser(db.db, 'bientap', [{ siteId: 1, role: 'editor' }]);
  await makeUser(db.db, 'moi', [{ siteId: 1, role: 'editor' }]);
  return { app };
}, (get) => {
  test('changing my password to a common one is refused with a Vietnamese message; the old password still works', async () => {
    const { app, db } = get();
    const a = await AdminClient.login(app, NAM_HONG_LINH, 'bientap');
    const before = (await findUserByLogin(db.db, 'bientap'))!.password_hash;
    for (const next of COMMON) {
      const res = await a.post('/quan-tri/tai-khoan/mat-khau', { current: PASSWORD, next, confirm: next });
      assert.equal(res.statusCode, 422, next);
      assert.match(res.body, MESSAGE, next);
    }
    assert.equal((await findUserByLogin(db.db, 'bientap'))!.password_hash, before, 'nothing stored');
    const ok = await a.post('/quan-tri/tai-khoan/mat-khau', { current: PASSWORD, next: STRONG[1]!, confirm: STRONG[1]! });
    assert.equal(ok.statusCode, 303);
    await AdminClient.login(app, NAM_HONG_LINH, 'bientap', STRONG[1]!);
  });

  test('the forced change after a generated password (first run, new account, reset) refuses a common one too', async () => {
    const { app, db } = get();
    await db.db.updateTable('users').set({ must_change_password: 1 }).where('username', '=', 'moi').execute();
    const c = await AdminClient.login(app, NAM_HONG_LINH, 'moi');
    const account = await c.get('/quan-tri/tai-khoan?doi-mat-khau=1');
    c.csrf = /name="_csrf" value="([^"]+)"/.exec(account.body)![1]!;
    const res = await c.post('/quan-tri/tai-khoan/mat-khau', { current: PASSWORD, next: 'matkhau123', confirm: 'matkhau123' });
    assert.equal(res.statusCode, 422);
    assert.match(res.body, MESSAGE);
    assert.equal((await findUserByLogin(db.db, 'moi'))!.must_change_password, 1, 'still held');
    assert.equal((await c.get('/quan-tri')).statusCode, 303);
  });

  test('after a reset the person must choose a new password, and a common one is refused', async () => {
    const { app, db } = get();
    await makeUser(db.db, 'datlai', [{ siteId: 1, role: 'editor' }]);
    const password = (await resetPassword(db.db, app.cong.sessions, 'datlai', null, new Date()))!;
    assert.equal(await isCommonPassword(password), false);
    const c = await AdminClient.login(app, NAM_HONG_LINH, 'datlai', password);
    assert.equal((await c.get('/quan-tri')).headers.location, '/quan-tri/tai-khoan?doi-mat-khau=1');
    c.csrf = /name="_csrf" value="([^"]+)"/.exec((await c.get('/quan-tri/tai-khoan?doi-mat-khau=1')).body)![1]!;
    const common = await c.post('/quan-tri/tai-khoan/mat-khau', { current: password, next: 'anhyeuem123', confirm: 'anhyeuem123' });
    assert.equal(common.statusCode, 422);
    assert.match(common.body, MESSAGE);
    const ok = await c.post('/quan-tri/tai-khoan/mat-khau', { current: password, next: STRONG[2]!, confirm: STRONG[2]! });
    assert.equal(ok.statusCode, 303);
    assert.equal((await findUserByLogin(db.db, 'datlai'))!.must_change_password, 0);
  });

  test('an account is never created with a common password', async () => {
    const { db } = get();
    await assert.rejects(createUser(db.db, { email: 'x@honglinh.gov.vn', username: 'x', displayName: 'X', password: 'matkhau123' }, null, new Date()), /common password/);
    assert.equal(await findUserByLogin(db.db, 'x'), undefined);
  });
}, async ({ app }: { app: FastifyInstance }) => {
  await app.close();
});

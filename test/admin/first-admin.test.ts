import assert from 'node:assert/strict';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { createFirstAdminIfNone, FIRST_ADMIN_FILE } from '../../src/features/back-office/first-admin.js';
import { findUserByLogin } from '../../src/kernel/access/users-repo.js';
import { AdminClient } from '../helpers/admin.js';
import { buildTestApp, NAM_HONG_LINH } from '../helpers/app.js';
import { describeEachDb } from '../helpers/db.js';

const NEW_PASSWORD = 'mat-khau-moi-cua-quan-tri-2026';

describeEachDb('the first administrator', async (db) => {
  // A stale file from an earlier database, readable by everyone: it must be replaced, not reused.
  writeFileSync(join(db.dataDir, FIRST_ADMIN_FILE), 'cũ\n', { mode: 0o644 });
  const first = await createFirstAdminIfNone(db.db, new Date(), db.dataDir);
  return { app: await buildTestApp(db), first };
}, (get) => {
  test('gets a generated password, written once to a file only the owner can read; there is no default password', async () => {
    const { db, first } = get();
    assert.ok(first);
    assert.equal(first.username, 'quantri');
    assert.equal(first.file, join(db.dataDir, FIRST_ADMIN_FILE));
    assert.equal(statSync(first.file).mode & 0o777, 0o600);
    const text = readFileSync(first.file, 'utf8');
    assert.match(text, /^Tên đăng nhập: quantri\nMật khẩu: [A-Za-z0-9]{20}\n/);
    assert.ok(text.includes(first.password));
    assert.equal(await createFirstAdminIfNone(db.db, new Date(), db.dataDir), null, 'only on first run');
    assert.equal(readFileSync(first.file, 'utf8'), text, 'the file is not written again');
    const stored = await findUserByLogin(db.db, 'quantri');
    assert.match(stored!.password_hash, /^\$argon2id\$/);
    assert.equal(stored!.must_change_password, 1);
  });

  test('is sent to change the password until it is changed, then to set up two-factor; then the back office opens', async () => {
    const { app, first } = get();
    const c = await AdminClient.login(app, NAM_HONG_LINH, 'quantri', first!.password);
    for (const path of ['/quan-tri', '/quan-tri/bai-viet', '/quan-tri/trang-web/cac-trang']) {
      const res = await c.get(path);
      assert.equal(res.statusCode, 303, path);
      assert.equal(res.headers.location, '/quan-tri/tai-khoan?doi-mat-khau=1', path);
    }
    const account = await c.get('/quan-tri/tai-khoan?doi-mat-khau=1');
    assert.equal(account.statusCode, 200);
    assert.match(account.body, /Tài khoản đang dùng mật khẩu do hệ thống tạo\. Vui lòng đặt mật khẩu mới trước khi tiếp tục\./);
    c.csrf = /name="_csrf" value="([^"]+)"/.exec(account.body)![1]!;
    const same = await c.post('/quan-tri/tai-khoan/mat-khau', { current: first!.password, next: first!.password, confirm: first!.password });
    assert.equal(same.statusCode, 422);
    assert.match(same.body, /Mật khẩu mới phải khác mật khẩu hiện tại\./);
    assert.equal((await c.get('/quan-tri')).statusCode, 303, 'still held');
    const changed = await c.post('/quan-tri/tai-khoan/mat-khau', { current: first!.password, next: NEW_PASSWORD, confirm: NEW_PASSWORD });
    assert.equal(changed.statusCode, 303);
    // A system administrator must sign in with two factors (two-factor.test.ts).
    assert.equal((await c.get('/quan-tri')).headers.location, '/quan-tri/tai-khoan/hai-lop?batbuoc=1');
    await c.enrolTotp();
    assert.equal((await c.get('/quan-tri')).statusCode, 200);
    assert.equal((await c.get('/quan-tri/trang-web/cac-trang')).statusCode, 200);
    assert.equal((await findUserByLogin(get().db.db, 'quantri'))!.must_change_password, 0);
  });
}, async ({ app }: { app: FastifyInstance }) => {
  await app.close();
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { buildTestApp, NAM_HONG_LINH, BAC_HONG_LINH } from '../helpers/app.js';
import { AdminClient, csrfFrom, makeUser, PASSWORD } from '../helpers/admin.js';
import { describeEachDb } from '../helpers/db.js';

describeEachDb('users, roles, audit log and my account', async (db) => {
  const app = await buildTestApp(db);
  await makeUser(db.db, 'quantrihl', [{ siteId: 1, role: 'site_admin' }]);
  await makeUser(db.db, 'bientap', [{ siteId: 1, role: 'editor' }]);
  await makeUser(db.db, 'quantrinhl', [{ siteId: 2, role: 'site_admin' }]);
  return { app, admin: await AdminClient.login(app, NAM_HONG_LINH, 'quantrihl') };
}, (get) => {
  test('a site admin adds a person: a generated password is shown once and works', async () => {
    const { admin, app } = get();
    const res = await admin.post('/quan-tri/nguoi-dung', { email: 'Lan.Nguyen@honglinh.gov.vn', username: 'lannt', display_name: 'Nguyễn Thị Lan', roles: ['contributor', 'moderator'] });
    assert.equal(res.statusCode, 201);
    const password = /<code>([A-Za-z0-9]{20})<\/code>/.exec(res.body)![1]!;
    assert.match(res.body, /chỉ hiển thị một lần/);
    const lan = await AdminClient.login(app, NAM_HONG_LINH, 'lan.nguyen@honglinh.gov.vn', password);
    // The administrator has seen it: the person chooses their own before anything else opens.
    const blocked = await lan.get('/quan-tri/bai-viet');
    assert.equal(blocked.statusCode, 303);
    assert.equal(blocked.headers.location, '/quan-tri/tai-khoan?doi-mat-khau=1');
    lan.csrf = csrfFrom((await lan.get('/quan-tri/tai-khoan?doi-mat-khau=1')).body);
    const own = 'Cây đa đầu làng Thuận Lộc 1958';
    assert.equal((await lan.post('/quan-tri/tai-khoan/mat-khau', { current: password, next: own, confirm: own })).statusCode, 303);
    await lan.enrolTotp(); // a moderator signs in with two factors
    assert.equal((await lan.get('/quan-tri/bai-viet')).statusCode, 200);
    const again = await admin.get('/quan-tri/nguoi-dung');
    assert.doesNotMatch(again.body, new RegExp(password), 'never shown again');
  });

  test('bad input: Vietnamese messages next to the fields, typed values kept, nothing stored', async () => {
    const { admin, db } = get();
    const before = await db.db.selectFrom('users').select('id').execute();
    const res = await admin.post('/quan-tri/nguoi-dung', { email: 'khong-phai-email', username: 'A B', display_name: '<b>Tên</b>' });
    assert.equal(res.statusCode, 422);
    assert.match(res.body, /Email không hợp lệ\./);
    assert.match(res.body, /Vui lòng chọn ít nhất một vai trò\./);
    assert.match(res.body, /value="khong-phai-email"/);
    assert.match(res.body, /value="&lt;b>Tên&lt;\/b>"/);
    const dup = await admin.post('/quan-tri/nguoi-dung', { email: 'moi@honglinh.gov.vn', username: 'bientap', display_name: 'Trùng tên', roles: 'editor' });
    assert.match(dup.body, /Tên đăng nhập đã có người dùng\./);
    assert.equal((await db.db.selectFrom('users').select('id').execute()).length, before.length);
  });

  test('roles change with an audit row; an existing account from another site gets roles here only by accepting an invitation', async () => {
    const { admin, app, db } = get();
    const other = await db.db.selectFrom('users').select('id').where('username', '=', 'quantrinhl').executeTakeFirstOrThrow();
    const res = await admin.post('/quan-tri/nguoi-dung', { email: 'quantrinhl@honglinh.gov.vn', roles: 'approver' });
    assert.equal(res.statusCode, 422);
    assert.match(res.body, /Không tạo được tài khoản mới với email này/);
    assert.equal((await admin.post('/quan-tri/nguoi-dung/moi', { login: 'quantrinhl@honglinh.gov.vn', invite_roles: 'approver' })).statusCode, 303);
    const invitation = await db.db.selectFrom('site_invitations').select('id').where('user_id', '=', other.id).executeTakeFirstOrThrow();
    const invitee = await AdminClient.login(app, BAC_HONG_LINH, 'quantrinhl');
    assert.equal((await invitee.post(`/quan-tri/loi-moi/${invitation.id}/chap-nhan`)).statusCode, 303);
    const roles = await db.db.selectFrom('user_roles').select(['site_id', 'role']).where('user_id', '=', other.id).orderBy('site_id').execute();
    assert.deepEqual(roles, [{ site_id: 1, role: 'approver' }, { site_id: 2, role: 'site_admin' }]);
    await admin.post(`/quan-tri/nguoi-dung/${other.id}/vai-tro`, { roles: ['editor', 'not-a-role'] });
    const audit = await db.db.selectFrom('audit_log').selectAll().where('action', '=', 'user.roles').orderBy('id', 'desc').executeTakeFirstOrThrow();
    assert.equal(audit.before_json, '["approver"]');
    assert.equal(audit.after_json, '["editor"]');
    const log = await admin.get('/quan-tri/nhat-ky?hanh_dong=user.roles');
    assert.match(log.body, /<td>Đổi vai trò<\/td>/);
  });

  test('only site admins manage people and read the audit log', async () => {
    const { app } = get();
    const editor = await AdminClient.login(app, NAM_HONG_LINH, 'bientap');
    assert.equal((await editor.get('/quan-tri/nguoi-dung')).statusCode, 403);
    assert.equal((await editor.get('/quan-tri/nhat-ky')).statusCode, 403);
    assert.equal((await editor.post('/quan-tri/nguoi-dung', { email: 'x@y.vn', username: 'xyz', display_name: 'X', roles: 'site_admin' })).statusCode, 403);
    const ward = await AdminClient.login(app, BAC_HONG_LINH, 'quantrinhl');
    const foreign = await ward.get('/quan-tri/nhat-ky');
    assert.equal(foreign.statusCode, 200);
    assert.doesNotMatch(foreign.body, /<td>Đổi vai trò<\/td>/, "another site's log is not shown");
  });

  test('changing my password checks the current one and the new one, then ends my other sessions', async () => {
    const { app } = get();
    const a = await AdminClient.login(app, NAM_HONG_LINH, 'bientap');
    const b = await AdminClient.login(app, NAM_HONG_LINH, 'bientap');
    const wrong = await a.post('/quan-tri/tai-khoan/mat-khau', { current: 'sai', next: 'mot-mat-khau-moi-dai', confirm: 'mot-mat-khau-moi-dai' });
    assert.match(wrong.body, /Mật khẩu hiện tại không đúng\./);
    const weak = await a.post('/quan-tri/tai-khoan/mat-khau', { current: PASSWORD, next: 'ngan', confirm: 'ngan' });
    assert.match(weak.body, /ít nhất 10 ký tự/);
    const mismatch = await a.post('/quan-tri/tai-khoan/mat-khau', { current: PASSWORD, next: 'mot-mat-khau-moi-dai', confirm: 'khac-hoan-toan-nhe' });
    assert.match(mismatch.body, /không khớp/);
    const ok = await a.post('/quan-tri/tai-khoan/mat-khau', { current: PASSWORD, next: 'mot-mat-khau-moi-dai', confirm: 'mot-mat-khau-moi-dai' });
    assert.equal(ok.statusCode, 303);
    assert.equal((await a.get('/quan-tri')).statusCode, 200, 'this session stays');
    assert.equal((await b.get('/quan-tri')).statusCode, 303, 'the other one ended');
    await AdminClient.login(app, NAM_HONG_LINH, 'bientap', 'mot-mat-khau-moi-dai');
  });
}, async ({ app }: { app: FastifyInstance }) => {
  await app.close();
});

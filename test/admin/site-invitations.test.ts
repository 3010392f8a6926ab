import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { buildTestApp, BAC_HONG_LINH, NAM_HONG_LINH } from '../helpers/app.js';
import { AdminClient, makeUser } from '../helpers/admin.js';
import { describeEachDb } from '../helpers/db.js';

let clock = Date.parse('2026-11-26T03:00:00.000Z');

/**
 * Issue 16 item 7: a site administrator invites an existing account instead of attaching it;
 * the role exists only once its holder accepts, and the answers never tell whether an account
 * exists elsewhere.
 */
describeEachDb('invitations to a site', async (db) => {
  const app = await buildTestApp(db, { now: () => new Date(clock) });
  await makeUser(db.db, 'quantri_nam', [{ siteId: 1, role: 'site_admin' }]);
  await makeUser(db.db, 'bientap_nam', [{ siteId: 1, role: 'editor' }]);
  await makeUser(db.db, 'quantri_bac', [{ siteId: 2, role: 'site_admin' }]);
  for (const u of ['canbo_bac', 'canbo_bac2', 'canbo_bac3', 'canbo_bac4', 'canbo_bac5', 'canbo_bac6', 'canbo_bac7']) await makeUser(db.db, u, [{ siteId: 2, role: 'editor' }]);
  await makeUser(db.db, 'hethong', [], true);
  const admin = await AdminClient.login(app, NAM_HONG_LINH, 'quantri_nam');
  return { app, admin };
}, (get) => {
  const userId = async (username: string) => Number((await get().db.db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirstOrThrow()).id);
  const rolesOn = async (username: string, siteId: number) =>
    (await get().db.db.selectFrom('user_roles').select('role').where('user_id', '=', await userId(username)).where('site_id', '=', siteId).execute()).map((r) => r.role).sort();
  const invitationOf = async (username: string) =>
    get().db.db.selectFrom('site_invitations').selectAll().where('user_id', '=', await userId(username)).orderBy('id', 'desc').executeTakeFirstOrThrow();
  const invite = (login: string, roles: string | string[] = 'editor') => get().admin.post('/quan-tri/nguoi-dung/moi', { login, invite_roles: roles });
  const withoutCsrf = (html: string) => html.replace(/name="_csrf" value="[^"]+"/g, 'name="_csrf" value=""');

  test('inviting an unknown login and an account of another site get the same answer', async () => {
    const { admin } = get();
    const unknown = await invite('khong_co_ai');
    const known = await invite('canbo_bac');
    const byEmail = await invite('CanBo_Bac2@HongLinh.gov.vn');
    for (const r of [unknown, known, byEmail]) {
      assert.equal(r.statusCode, 303);
      assert.equal(r.headers.location, '/quan-tri/nguoi-dung?tb=da-moi');
      assert.equal(r.body, unknown.body);
    }
    const page = await admin.get('/quan-tri/nguoi-dung?tb=da-moi');
    assert.match(page.body, /Đã ghi lời mời\. Nếu tên đăng nhập hoặc email này thuộc một tài khoản/);
    assert.deepEqual(await rolesOn('canbo_bac', 1), [], 'nothing attached before the person accepts');
    // The site's list of open invitations shows what was typed and nothing about the accounts.
    const list = await admin.get('/quan-tri/nguoi-dung/loi-moi');
    assert.match(list.body, /<th scope="row">khong_co_ai<\/th>/);
    assert.match(list.body, /<th scope="row">canbo_bac<\/th>/);
    assert.doesNotMatch(list.body, /Người dùng canbo_bac/);
    // Bad input gets the same screen whatever the login: messages, typed text back, nothing stored.
    const before = (await get().db.db.selectFrom('site_invitations').select('id').execute()).length;
    const badUnknown = await admin.post('/quan-tri/nguoi-dung/moi', { login: 'khong_co_ai_2' });
    const badKnown = await admin.post('/quan-tri/nguoi-dung/moi', { login: 'canbo_bac3' });
    assert.equal(badUnknown.statusCode, 422);
    assert.match(badUnknown.body, /Vui lòng chọn ít nhất một vai trò\./);
    assert.match(badUnknown.body, /value="khong_co_ai_2"/);
    assert.equal(withoutCsrf(badKnown.body).replace('canbo_bac3', 'khong_co_ai_2'), withoutCsrf(badUnknown.body));
    const empty = await admin.post('/quan-tri/nguoi-dung/moi', { login: '  ', invite_roles: 'editor' });
    assert.match(empty.body, /Vui lòng nhập tên đăng nhập hoặc email của người được mời\./);
    assert.equal((await get().db.db.selectFrom('site_invitations').select('id').execute()).length, before);
    // Creating an account with a taken e-mail no longer attaches it.
    const taken = await admin.post('/quan-tri/nguoi-dung', { email: 'canbo_bac4@honglinh.gov.vn', roles: 'approver' });
    assert.equal(taken.statusCode, 422);
    assert.deepEqual(await rolesOn('canbo_bac4', 1), []);
  });

  test('the person sees the invitation after signing in; the role exists only once they accept, with audit rows', async () => {
    const { app, admin, db } = get();
    assert.equal((await invite('canbo_bac5', ['approver', 'editor'])).statusCode, 303);
    const person = await AdminClient.login(app, BAC_HONG_LINH, 'canbo_bac5');
    const home = await person.get('/quan-tri');
    assert.match(home.body, /Bạn có 1 lời mời tham gia trang khác/);
    const mine = await person.get('/quan-tri/loi-moi');
    assert.match(mine.body, /<strong>Cổng thông tin điện tử phường Nam Hồng Lĩnh<\/strong> mời bạn với vai trò: Trưởng ban biên tập, Biên tập viên/);
    const inv = await invitationOf('canbo_bac5');
    // Somebody else cannot answer it.
    const stranger = await AdminClient.login(app, BAC_HONG_LINH, 'canbo_bac4');
    assert.equal((await stranger.post(`/quan-tri/loi-moi/${inv.id}/chap-nhan`)).statusCode, 404);
    assert.deepEqual(await rolesOn('canbo_bac5', 1), []);
    // Two answers racing: one counts.
    const answers = await Promise.all([person.post(`/quan-tri/loi-moi/${inv.id}/chap-nhan`), person.post(`/quan-tri/loi-moi/${inv.id}/chap-nhan`)]);
    assert.deepEqual(answers.map((r) => r.statusCode === 303).sort(), [false, true]);
    assert.deepEqual(await rolesOn('canbo_bac5', 1), ['approver', 'editor']);
    const actions = (await db.db.selectFrom('audit_log').select(['action', 'site_id']).where('entity_type', '=', 'invitation').where('entity_id', '=', String(inv.id)).orderBy('id').execute());
    assert.deepEqual(actions, [{ action: 'user.invite', site_id: 1 }, { action: 'user.invite_accept', site_id: 1 }]);
    const there = await AdminClient.login(app, NAM_HONG_LINH, 'canbo_bac5');
    assert.equal((await there.get('/quan-tri/bai-viet')).statusCode, 200);
    assert.doesNotMatch((await admin.get('/quan-tri/nguoi-dung/loi-moi')).body, /<th scope="row">canbo_bac5<\/th>/, 'accepted: a member now');
  });

  test('the site administrator cancels an open invitation: the person no longer sees it; a cancel racing an acceptance, one wins', async () => {
    const { app, admin, db } = get();
    assert.equal((await invite('canbo_bac6')).statusCode, 303);
    const inv = await invitationOf('canbo_bac6');
    // Only this site's administrators: another site's administrator and an editor here are refused.
    const otherAdmin = await AdminClient.login(app, BAC_HONG_LINH, 'quantri_bac');
    assert.equal((await otherAdmin.post(`/quan-tri/nguoi-dung/loi-moi/${inv.id}/huy`)).statusCode, 404);
    const editor = await AdminClient.login(app, NAM_HONG_LINH, 'bientap_nam');
    assert.equal((await editor.post(`/quan-tri/nguoi-dung/loi-moi/${inv.id}/huy`)).statusCode, 403);
    assert.equal((await admin.post(`/quan-tri/nguoi-dung/loi-moi/${inv.id}/huy`, {}, { csrf: null })).statusCode, 403, 'CSRF applies');
    const list = await admin.get('/quan-tri/nguoi-dung/loi-moi');
    assert.match(list.body, /aria-label="Hủy lời mời canbo_bac6"/);
    const done = await admin.post(`/quan-tri/nguoi-dung/loi-moi/${inv.id}/huy`);
    assert.equal(done.statusCode, 303);
    assert.equal(done.headers.location, '/quan-tri/nguoi-dung/loi-moi?tb=da-huy');
    assert.match((await admin.get('/quan-tri/nguoi-dung/loi-moi?tb=da-huy')).body, /Đã hủy lời mời\./);
    assert.equal((await admin.post(`/quan-tri/nguoi-dung/loi-moi/${inv.id}/huy`)).statusCode, 404, 'only once');
    const person = await AdminClient.login(app, BAC_HONG_LINH, 'canbo_bac6');
    assert.doesNotMatch((await person.get('/quan-tri/loi-moi')).body, /phường Nam Hồng Lĩnh<\/strong> mời bạn/);
    assert.equal((await person.post(`/quan-tri/loi-moi/${inv.id}/chap-nhan`)).statusCode, 404);
    assert.deepEqual(await rolesOn('canbo_bac6', 1), []);
    const audit = await db.db.selectFrom('audit_log').select(['action', 'site_id']).where('entity_type', '=', 'invitation').where('entity_id', '=', String(inv.id)).orderBy('id').execute();
    assert.deepEqual(audit, [{ action: 'user.invite', site_id: 1 }, { action: 'user.invite_cancel', site_id: 1 }]);

    // A cancel and an acceptance at once: exactly one of them happens.
    assert.equal((await invite('canbo_bac7')).statusCode, 303);
    const raced = await invitationOf('canbo_bac7');
    const other = await AdminClient.login(app, BAC_HONG_LINH, 'canbo_bac7');
    const [cancel, accept] = await Promise.all([admin.post(`/quan-tri/nguoi-dung/loi-moi/${raced.id}/huy`), other.post(`/quan-tri/loi-moi/${raced.id}/chap-nhan`)]);
    assert.deepEqual([cancel.statusCode === 303, accept.statusCode === 303].filter(Boolean).length, 1, `${cancel.statusCode} ${accept.statusCode}`);
    assert.deepEqual(await rolesOn('canbo_bac7', 1), accept.statusCode === 303 ? ['editor'] : []);
  });

  test('declining leaves no role, and the site sees a refusal like an unknown login', async () => {
    const { app, admin } = get();
    await invite('canbo_bac4');
    const person = await AdminClient.login(app, BAC_HONG_LINH, 'canbo_bac4');
    const inv = await invitationOf('canbo_bac4');
    assert.equal((await person.post(`/quan-tri/loi-moi/${inv.id}/tu-choi`)).statusCode, 303);
    assert.deepEqual(await rolesOn('canbo_bac4', 1), []);
    assert.match((await admin.get('/quan-tri/nguoi-dung/loi-moi')).body, /<th scope="row">canbo_bac4<\/th>/);
    assert.equal((await person.post(`/quan-tri/loi-moi/${inv.id}/chap-nhan`)).statusCode, 404, 'answered once');
  });

  test('invitations expire after seven days; an unknown login never becomes anything', async () => {
    const { app, db } = get();
    await invite('canbo_bac3');
    await invite('nguoi_moi_sau_nay');
    const inv = await invitationOf('canbo_bac3');
    clock += 7 * 86_400_000 + 60_000;
    const person = await AdminClient.login(app, BAC_HONG_LINH, 'canbo_bac3');
    assert.doesNotMatch((await person.get('/quan-tri/loi-moi')).body, /mời bạn với vai trò/);
    assert.equal((await person.post(`/quan-tri/loi-moi/${inv.id}/chap-nhan`)).statusCode, 404);
    assert.deepEqual(await rolesOn('canbo_bac3', 1), []);
    clock -= 7 * 86_400_000 + 60_000;
    // An account made later under the invited login does not inherit the invitation.
    await makeUser(db.db, 'nguoi_moi_sau_nay', [{ siteId: 2, role: 'editor' }]);
    const late = await AdminClient.login(app, BAC_HONG_LINH, 'nguoi_moi_sau_nay');
    assert.doesNotMatch((await late.get('/quan-tri/loi-moi')).body, /mời bạn với vai trò/);
  });

  test('only site administrators invite; a person without a role here reaches only their invitations', async () => {
    const { app } = get();
    const editor = await AdminClient.login(app, NAM_HONG_LINH, 'bientap_nam');
    assert.equal((await editor.post('/quan-tri/nguoi-dung/moi', { login: 'canbo_bac2', invite_roles: 'site_admin' })).statusCode, 403);
    assert.equal((await editor.get('/quan-tri/nguoi-dung/loi-moi')).statusCode, 403);
    const outsider = await AdminClient.login(app, NAM_HONG_LINH, 'canbo_bac2');
    assert.equal((await outsider.get('/quan-tri/loi-moi')).statusCode, 200);
    assert.equal((await outsider.get('/quan-tri')).statusCode, 403);
  });

  test('a system administrator keeps the direct path for an existing account (kept from before: guards the change above)', async () => {
    const { app } = get();
    const sys = await AdminClient.login(app, NAM_HONG_LINH, 'hethong');
    const res = await sys.post('/quan-tri/nguoi-dung', { email: 'canbo_bac2@honglinh.gov.vn', roles: 'contributor' });
    assert.equal(res.statusCode, 201);
    assert.deepEqual(await rolesOn('canbo_bac2', 1), ['contributor']);
  });
}, async ({ app }: { app: FastifyInstance }) => {
  await app.close();
});

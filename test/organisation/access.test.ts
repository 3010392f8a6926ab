import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadActor } from '../../src/kernel/access/actor.js';
import { saveUnit, EMPTY_UNIT } from '../../src/features/organisation/commands/save-unit.js';
import { deletePerson } from '../../src/features/organisation/commands/delete-person.js';
import { findUserById } from '../../src/kernel/access/users-repo.js';
import { AppError } from '../../src/kernel/lib/errors.js';
import { describeEachDb } from '../helpers/db.js';
import { ADMIN, agencyForm, countRows, personByName, setupOrg, unitByName } from './helpers.js';

describeEachDb('Giới thiệu: who may change it, and only on their own site', setupOrg, (get) => {
  test('site admins, approvers and editors use the screens; contributors and moderators get 403 and change nothing', async () => {
    const { admin, approver, editor, contributor, moderator, db } = get();
    for (const client of [admin, approver, editor]) {
      for (const path of [ADMIN, `${ADMIN}/co-quan`, `${ADMIN}/don-vi`, `${ADMIN}/can-bo`, `${ADMIN}/ban-tieng-anh`]) {
        assert.equal((await client.get(path)).statusCode, 200, path);
      }
    }
    assert.match((await editor.get('/quan-tri')).body, /href="\/quan-tri\/gioi-thieu"/);
    const unit = await unitByName(db, 1, 'Phòng Nội vụ');
    const person = await personByName(db, 1, 'Võ Minh Tuấn');
    const form = await agencyForm(db, 1);
    const [units, people, audit] = [await countRows(db, 'org_units'), await countRows(db, 'org_people'), await countRows(db, 'audit_log')];
    for (const client of [contributor, moderator]) {
      for (const path of [ADMIN, `${ADMIN}/co-quan`, `${ADMIN}/don-vi`, `${ADMIN}/don-vi/${unit.id}`, `${ADMIN}/can-bo/${person.id}`, `${ADMIN}/ban-tieng-anh`]) {
        assert.equal((await client.get(path)).statusCode, 403, path);
      }
      const posts: [string, Record<string, string>][] = [
        [`${ADMIN}/co-quan`, { ...form, name: 'Đổi tên' }],
        [`${ADMIN}/don-vi`, { ...EMPTY_UNIT, name: 'Đơn vị lạ' }],
        [`${ADMIN}/don-vi/${unit.id}`, { ...EMPTY_UNIT, name: 'Đổi tên' }],
        [`${ADMIN}/don-vi/${unit.id}/xoa`, {}],
        [`${ADMIN}/don-vi/${unit.id}/len`, {}],
        [`${ADMIN}/can-bo`, { full_name: 'Người lạ', post: 'Chức vụ' }],
        [`${ADMIN}/can-bo/${person.id}/xoa`, {}],
        [`${ADMIN}/can-bo/${person.id}/xuong`, {}],
      ];
      for (const [path, fields] of posts) assert.equal((await client.post(path, fields)).statusCode, 403, path);
    }
    assert.deepEqual([await countRows(db, 'org_units'), await countRows(db, 'org_people'), await countRows(db, 'audit_log')], [units, people, audit]);
    assert.equal((await unitByName(db, 1, 'Phòng Nội vụ')).name, 'Phòng Nội vụ');
  });

  test('the form needs the session\'s CSRF token', async () => {
    const { admin, db } = get();
    const form = await agencyForm(db, 1);
    assert.equal((await admin.post(`${ADMIN}/co-quan`, { ...form, name: 'Không có token' }, { csrf: null })).statusCode, 403);
    assert.equal((await admin.post(`${ADMIN}/co-quan`, { ...form, name: 'Token sai' }, { csrf: 'sai-sai-sai-sai' })).statusCode, 403);
    assert.equal((await agencyForm(db, 1)).name, 'Ủy ban nhân dân phường Nam Hồng Lĩnh');
  });

  test('another site\'s admin gets 403 on this site, and this site\'s ids are 404 on their own site', async () => {
    const { otherAdmin, namAdmin, db } = get();
    assert.equal((await otherAdmin.get(ADMIN)).statusCode, 403);
    assert.equal((await otherAdmin.post(`${ADMIN}/don-vi`, { ...EMPTY_UNIT, name: 'Đơn vị lạ' })).statusCode, 403);
    const unit = await unitByName(db, 1, 'Phòng Nội vụ');
    const person = await personByName(db, 1, 'Võ Minh Tuấn');
    const audit = await countRows(db, 'audit_log');
    assert.equal((await namAdmin.get(`${ADMIN}/don-vi/${unit.id}`)).statusCode, 404);
    assert.equal((await namAdmin.get(`${ADMIN}/can-bo/${person.id}`)).statusCode, 404);
    for (const path of [`${ADMIN}/don-vi/${unit.id}`, `${ADMIN}/don-vi/${unit.id}/xoa`, `${ADMIN}/don-vi/${unit.id}/len`, `${ADMIN}/can-bo/${person.id}`, `${ADMIN}/can-bo/${person.id}/xoa`, `${ADMIN}/can-bo/${person.id}/xuong`]) {
      assert.equal((await namAdmin.post(path, { ...EMPTY_UNIT, name: 'Chiếm quyền', full_name: 'Chiếm quyền', post: 'x' })).statusCode, 404, path);
    }
    assert.equal((await namAdmin.get(`${ADMIN}/don-vi/abc`)).statusCode, 404);
    assert.equal(await countRows(db, 'audit_log'), audit);
    assert.equal((await unitByName(db, 1, 'Phòng Nội vụ')).name, 'Phòng Nội vụ');
    assert.equal((await personByName(db, 1, 'Võ Minh Tuấn')).post, 'Trưởng phòng Nội vụ');
    // Their own screens list only their site's records.
    const list = (await namAdmin.get(`${ADMIN}/don-vi`)).body;
    assert.match(list, /Công an phường/);
    assert.doesNotMatch(list, /Phòng Nội vụ/);
  });

  test('the commands refuse by themselves, whatever the route did', async () => {
    const { app, db } = get();
    const contributorId = (await db.db.selectFrom('users').select('id').where('username', '=', 'phongvien').executeTakeFirstOrThrow()).id;
    const actor = await loadActor(db.db, (await findUserById(db.db, contributorId))!);
    const cx = { db: db.db, site: app.cong.sites.byIdOrNull(1)!, actor, now: new Date(), cache: app.cong.pageCache };
    await assert.rejects(saveUnit(cx, null, { ...EMPTY_UNIT, name: 'Đơn vị lạ' }), (e) => e instanceof AppError && e.status === 403);
    const person = await personByName(db, 1, 'Võ Minh Tuấn');
    await assert.rejects(deletePerson(cx, person.id), (e) => e instanceof AppError && e.status === 403);
    assert.ok(await personByName(db, 1, 'Võ Minh Tuấn'));
  });
});

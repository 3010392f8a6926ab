import assert from 'node:assert/strict';
import { test } from 'node:test';
import { AdminClient, makeUser } from '../helpers/admin.js';
import { NAM_HONG_LINH, BAC_HONG_LINH } from '../helpers/app.js';
import { describeEachDb } from '../helpers/db.js';
import { countRows, decode, docId, setupDocuments, typeId, validForm } from './helpers.js';

const rowNumbers = (html: string) => [...html.matchAll(/<th scope="row">[^<]*? ([^ <]+)<\/th>/g)].map((m) => m[1]!);

describeEachDb('documents: back-office screens', setupDocuments, (get) => {
  test('the list filters by number parts, type and status, and includes unpublished documents', async () => {
    const { editor, db } = get();
    const all = await editor.get('/quan-tri/van-ban');
    assert.equal(all.statusCode, 200);
    assert.match(all.body, /<h1>Văn bản<\/h1>/);
    assert.ok(rowNumbers(all.body).includes('22-NQ/TW'));
    assert.ok(!rowNumbers(all.body).includes('01/QĐ-UBND'), 'only this site');
    assert.deepEqual(rowNumbers((await editor.get(`/quan-tri/van-ban?q=${encodeURIComponent('22 nq tw')}`)).body), ['22-NQ/TW']);
    const expired = rowNumbers((await editor.get('/quan-tri/van-ban?tinh_trang=het-hieu-luc')).body);
    assert.deepEqual(expired, ['35/2019/QĐ-UBND', '22-NQ/TW']);
    const ct = await typeId(db, 1, 'Chỉ thị');
    assert.deepEqual(rowNumbers((await editor.get(`/quan-tri/van-ban?loai=${ct}`)).body), ['03/CT-UBND']);
    await db.db.updateTable('documents').set({ published: 0 }).where('number', '=', '03/CT-UBND').execute();
    assert.match((await editor.get(`/quan-tri/van-ban?loai=${ct}`)).body, /\(chưa công khai\)/);
  });

  test('the new and edit forms: labelled fields, the document\'s values, files and related documents', async () => {
    const { editor, db } = get();
    const blank = await editor.get('/quan-tri/van-ban/moi');
    assert.equal(blank.statusCode, 200);
    for (const label of ['Số, ký hiệu', 'Loại văn bản', 'Trích yếu', 'Cơ quan ban hành', 'Người ký', 'Ngày ban hành', 'Ngày hiệu lực', 'Lĩnh vực', 'Tình trạng']) {
      assert.match(blank.body, new RegExp(`<label for="f-[a-z_]+">${label}`), label);
    }
    const id = await docId(db, 1, '22-NQ/TW');
    const edit = await editor.get(`/quan-tri/van-ban/${id}`);
    assert.equal(edit.statusCode, 200);
    assert.match(edit.body, /<input id="f-number"[^>]*value="22-NQ\/TW"/);
    assert.match(edit.body, /<input id="f-issued_on"[^>]*type="date"[^>]*value="2008-02-02"|<input id="f-issued_on"[^>]*value="2008-02-02"/);
    assert.match(edit.body, /<option value="het-hieu-luc" selected>Hết hiệu lực<\/option>/);
    assert.match(edit.body, /Nghị quyết 22-NQ-TW\.pdf/);
    assert.match(edit.body, /enctype="multipart\/form-data"/);
    const related = await docId(db, 1, '21-NQ/TW');
    assert.match(edit.body, new RegExp(`<input type="checkbox" name="related" value="${related}" checked/>`));
    assert.doesNotMatch(edit.body, new RegExp(`name="related" value="${id}"`), 'not related to itself');
    assert.equal((await editor.get('/quan-tri/van-ban/abc')).statusCode, 404);
    assert.equal((await editor.get('/quan-tri/van-ban/999999')).statusCode, 404);
  });

  test('a site without types gets the usual list in one click; the types page counts documents', async () => {
    const { app, db } = get();
    await makeUser(db.db, 'bientap-nhl', [{ siteId: 2, role: 'editor' }]);
    const nhl = await AdminClient.login(app, BAC_HONG_LINH, 'bientap-nhl');
    await db.db.deleteFrom('documents').where('site_id', '=', 2).execute();
    await db.db.deleteFrom('document_types').where('site_id', '=', 2).execute();
    const empty = await nhl.get('/quan-tri/van-ban/loai');
    assert.match(empty.body, /Chưa có loại văn bản nào/);
    assert.match((await nhl.get('/quan-tri/van-ban/moi')).body, /Trang chưa có loại văn bản nào/);
    assert.equal((await nhl.post('/quan-tri/van-ban/loai/mac-dinh')).statusCode, 303);
    assert.equal(await countRows(db, 'document_types', 2), 9);
    assert.equal((await nhl.post('/quan-tri/van-ban/loai/mac-dinh')).statusCode, 303);
    assert.equal(await countRows(db, 'document_types', 2), 9, 'twice adds nothing');
    const type = await typeId(db, 2, 'Quyết định');
    assert.equal((await nhl.post('/quan-tri/van-ban', validForm(type, { number: '05/QĐ-UBND' }))).statusCode, 303);
    const page = await nhl.get('/quan-tri/van-ban/loai');
    assert.match(page.body, /<th scope="row">Quyết định<\/th><td>1<\/td>/);
    assert.match(page.body, /<th scope="row">Nghị quyết<\/th><td>0<\/td>/);
  });

  test('the audit log names the document actions in Vietnamese', async () => {
    const { app, editor, db } = get();
    const type = await typeId(db, 1, 'Công văn');
    assert.equal((await editor.post('/quan-tri/van-ban', validForm(type, { number: '88/UBND-VP' }))).statusCode, 303);
    await makeUser(db.db, 'quantri', [{ siteId: 1, role: 'site_admin' }]);
    const admin = await AdminClient.login(app, NAM_HONG_LINH, 'quantri');
    const log = await admin.get('/quan-tri/nhat-ky?hanh_dong=document.create');
    assert.equal(log.statusCode, 200);
    assert.match(log.body, /<option value="document.create" selected>Thêm văn bản<\/option>/);
    assert.match(decode(log.body), /"number":"88\/UBND-VP"/);
  });
});

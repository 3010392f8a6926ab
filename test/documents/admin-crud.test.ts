import assert from 'node:assert/strict';
import { test } from 'node:test';
import { BAC_HONG_LINH } from '../helpers/app.js';
import { describeEachDb } from '../helpers/db.js';
import { countRows, decode, docId, fieldError, lastAudit, publicGet, setupDocuments, typeId, validForm } from './helpers.js';

describeEachDb('documents: back-office create, edit, delete', setupDocuments, (get) => {
  test('an editor creates a document; it is on the public list and page, with an audit row', async () => {
    const { app, editor, db } = get();
    const type = await typeId(db, 1, 'Quyết định');
    await publicGet(app, '/van-ban'); // cached before the change: the command must purge it
    const res = await editor.post('/quan-tri/van-ban', validForm(type, { number: '150 / qđ-ubnd' }));
    assert.equal(res.statusCode, 303, res.body.slice(0, 300));
    const id = Number(/\/quan-tri\/van-ban\/(\d+)\?tb=da-tao$/.exec(res.headers.location as string)?.[1]);
    const row = await db.db.selectFrom('documents').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    assert.equal(row.number, '150/QĐ-UBND');
    assert.equal(row.number_code, '150qdubnd');
    assert.equal(row.site_id, 1);
    const audit = await lastAudit(db, 'document.create');
    assert.equal(audit?.entityId, String(id));
    assert.equal(audit?.siteId, 1);
    assert.equal(audit?.after.number, '150/QĐ-UBND');
    const list = await publicGet(app, '/van-ban');
    assert.match(list.body, /Quyết định số 150\/QĐ-UBND/);
    const page = await publicGet(app, `/van-ban/x-${id}`);
    assert.equal(page.statusCode, 301);
    const doc = await publicGet(app, page.headers.location as string);
    assert.match(doc.body, /ngày 01 tháng 03 năm 2025/);
    assert.match(doc.body, /ngày 15 tháng 03 năm 2025/);
  });

  test('bad input: messages next to the fields, typed text back, nothing stored', async () => {
    const { editor, db } = get();
    const type = await typeId(db, 1, 'Quyết định');
    const before = await countRows(db, 'documents', 1);
    const cases: [Record<string, string>, string, RegExp][] = [
      [{ number: '' }, 'number', /Vui lòng nhập số, ký hiệu/],
      [{ number: 'không có số' }, 'number', /không hợp lệ/],
      [{ number: `${'1'.repeat(30)}/${'A'.repeat(30)}` }, 'number', /tối đa 50 ký tự/],
      [{ issued_on: '' }, 'issued_on', /Vui lòng nhập ngày ban hành/],
      [{ issued_on: '31/02/2024' }, 'issued_on', /Ngày ban hành không hợp lệ/],
      [{ issued_on: '2024-13-01' }, 'issued_on', /Ngày ban hành không hợp lệ/],
      [{ effective_on: 'hôm qua' }, 'effective_on', /Ngày hiệu lực không hợp lệ/],
      [{ issued_on: '2025-03-10', effective_on: '2025-03-01' }, 'effective_on', /không được trước ngày ban hành/],
      [{ type_id: '' }, 'type_id', /chọn loại văn bản/],
      [{ type_id: '999999' }, 'type_id', /không có trong danh sách/],
      [{ title: '   ' }, 'title', /Vui lòng nhập trích yếu/],
      [{ issuer: '' }, 'issuer', /Vui lòng nhập cơ quan ban hành/],
      [{ title: 'x'.repeat(2001) }, 'title', /tối đa 2000 ký tự/],
      [{ status: 'bi-huy' }, 'status', /tình trạng hiệu lực/],
      [{ status: 'du-thao', consultation_until: '30/02/2025' }, 'consultation_until', /Hạn góp ý không hợp lệ/],
    ];
    for (const [over, field, message] of cases) {
      const res = await editor.post('/quan-tri/van-ban', validForm(type, { number: '777/TB-UBND', ...over }));
      assert.equal(res.statusCode, 422, `${field}: ${JSON.stringify(over)}`);
      assert.match(fieldError(res.body, field) ?? '', message, `${field}: ${JSON.stringify(over)}`);
      if (over.title === '   ') assert.match(res.body, /Về việc|777\/TB-UBND/); // the rest of the form comes back
    }
    assert.equal(await countRows(db, 'documents', 1), before);
  });

  test('a number already in the site (any spelling) is refused; the other site may have it', async () => {
    const { editor, otherEditor, db } = get();
    const type = await typeId(db, 1, 'Nghị quyết');
    const res = await editor.post('/quan-tri/van-ban', validForm(type, { number: '22-nq/tw' }));
    assert.equal(res.statusCode, 422);
    assert.equal(decode(fieldError(res.body, 'number') ?? ''), 'Số, ký hiệu 22-NQ/TW đã có trong thư viện văn bản của trang.');
    assert.match(res.body, /value="22-nq\/tw"/); // as typed
    // Site 2 has no 22-NQ/TW: its editor may add it there.
    const other = Object.assign(Object.create(Object.getPrototypeOf(otherEditor)), otherEditor, { host: BAC_HONG_LINH });
    const type2 = await typeId(db, 2, 'Nghị quyết');
    const ok = await other.post('/quan-tri/van-ban', validForm(type2, { number: '22-NQ/TW', issuer: 'Ban Chấp hành Trung ương Đảng' }));
    assert.equal(ok.statusCode, 303, ok.body.slice(0, 300));
  });

  test('HTML typed into fields is stored as text and shown escaped', async () => {
    const { app, editor, db } = get();
    const type = await typeId(db, 1, 'Thông báo');
    const res = await editor.post('/quan-tri/van-ban', validForm(type, { number: '66/TB-UBND', title: '<script>alert(1)</script> Lịch trực', issuer: '<img src=x onerror=alert(1)>' }));
    assert.equal(res.statusCode, 303);
    const id = await docId(db, 1, '66/TB-UBND');
    const row = await db.db.selectFrom('documents').select(['slug', 'title']).where('id', '=', id).executeTakeFirstOrThrow();
    assert.equal(row.title, '<script>alert(1)</script> Lịch trực');
    const page = await publicGet(app, `/van-ban/${row.slug}-${id}`);
    assert.equal(page.statusCode, 200);
    assert.doesNotMatch(page.body, /<script>alert|<img src=x/);
    assert.match(page.body, /&lt;script>alert\(1\)&lt;\/script> Lịch trực/);
    const admin = await editor.get(`/quan-tri/van-ban?q=66`);
    assert.doesNotMatch(admin.body, /<script>alert/);
  });

  test('edit: audit row with before and after, public page changes at once; the other site gets 404', async () => {
    const { app, editor, otherEditor, db } = get();
    const id = await docId(db, 1, '85/KH-UBND');
    const row = await db.db.selectFrom('documents').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    const url = `/van-ban/${row.slug}-${id}`;
    assert.match((await publicGet(app, url)).body, /Còn hiệu lực/);
    const form = validForm(row.type_id, { number: row.number, title: row.title, issuer: row.issuer, signer: row.signer, issued_on: row.issued_on, effective_on: '', field: row.field, status: 'het-hieu-luc' });
    const res = await editor.post(`/quan-tri/van-ban/${id}`, form);
    assert.equal(res.statusCode, 303);
    const audit = await lastAudit(db, 'document.update');
    assert.equal(audit?.before.status, 'con-hieu-luc');
    assert.equal(audit?.after.status, 'het-hieu-luc');
    assert.match((await publicGet(app, url)).body, /Hết hiệu lực/);
    assert.equal((await otherEditor.get(`/quan-tri/van-ban/${id}`)).statusCode, 403); // no role on site 1
    const site2Doc = await docId(db, 2, '01/QĐ-UBND');
    assert.equal((await editor.get(`/quan-tri/van-ban/${site2Doc}`)).statusCode, 404);
    assert.equal((await editor.post(`/quan-tri/van-ban/${site2Doc}`, form)).statusCode, 404);
    assert.equal((await editor.post(`/quan-tri/van-ban/${site2Doc}/xoa`)).statusCode, 404);
  });

  test('unpublished documents disappear from the public site', async () => {
    const { app, editor, db } = get();
    const id = await docId(db, 1, '112/KH-UBND');
    const row = await db.db.selectFrom('documents').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    const form = validForm(row.type_id, { number: row.number, title: row.title, issuer: row.issuer, issued_on: row.issued_on, effective_on: '', field: row.field, published: '0' });
    assert.equal((await editor.post(`/quan-tri/van-ban/${id}`, form)).statusCode, 303);
    assert.equal((await publicGet(app, `/van-ban/${row.slug}-${id}`)).statusCode, 404);
    assert.doesNotMatch((await publicGet(app, '/van-ban')).body, /112\/KH-UBND/);
    assert.match((await editor.get('/quan-tri/van-ban')).body, /112\/KH-UBND/);
  });

  test('delete asks for confirmation, then removes the document, its files and relations', async () => {
    const { app, editor, db } = get();
    const id = await docId(db, 1, '12/2023/QĐ-UBND');
    const confirm = await editor.get(`/quan-tri/van-ban/${id}/xoa`);
    assert.equal(confirm.statusCode, 200);
    assert.match(confirm.body, /Xoá văn bản 12\/2023\/QĐ-UBND\?/);
    assert.equal((await db.db.selectFrom('documents').select('id').where('id', '=', id).execute()).length, 1);
    const res = await editor.post(`/quan-tri/van-ban/${id}/xoa`);
    assert.equal(res.statusCode, 303);
    assert.equal((await db.db.selectFrom('documents').select('id').where('id', '=', id).execute()).length, 0);
    assert.equal((await db.db.selectFrom('document_files').select('id').where('document_id', '=', id).execute()).length, 0);
    assert.equal((await db.db.selectFrom('document_relations').select('document_id').where((eb) => eb.or([eb('document_id', '=', id), eb('related_id', '=', id)])).execute()).length, 0);
    assert.equal((await lastAudit(db, 'document.delete'))?.before.number, '12/2023/QĐ-UBND');
    assert.doesNotMatch((await publicGet(app, '/van-ban')).body, /12\/2023\/QĐ-UBND/);
  });

  test('related documents: set both ways, other sites\' ids refused, audited', async () => {
    const { app, editor, db } = get();
    const a = await docId(db, 1, '03/CT-UBND');
    const b = await docId(db, 1, '45/TB-UBND');
    const foreign = await docId(db, 2, '22/TB-UBND');
    const bad = await editor.post(`/quan-tri/van-ban/${a}/lien-quan`, { related: [String(b), String(foreign)] });
    assert.equal(bad.statusCode, 422);
    assert.match(bad.body, /không có trong thư viện/);
    assert.equal((await editor.post(`/quan-tri/van-ban/${a}/lien-quan`, { related: [String(b)] })).statusCode, 303);
    const slugB = (await db.db.selectFrom('documents').select('slug').where('id', '=', b).executeTakeFirstOrThrow()).slug;
    const pageB = await publicGet(app, `/van-ban/${slugB}-${b}`);
    assert.match(pageB.body, /Văn bản liên quan[\s\S]*03\/CT-UBND/);
    assert.deepEqual((await lastAudit(db, 'document.relations'))?.after, { related: [b] });
  });

  test('contributors and other sites\' staff get 403 on every screen and action', async () => {
    const { contributor, otherEditor, db } = get();
    const id = await docId(db, 1, '210/BC-UBND');
    const type = await typeId(db, 1, 'Báo cáo');
    for (const c of [contributor, otherEditor]) {
      for (const url of ['/quan-tri/van-ban', '/quan-tri/van-ban/moi', `/quan-tri/van-ban/${id}`, `/quan-tri/van-ban/${id}/xoa`, '/quan-tri/van-ban/loai']) {
        assert.equal((await c.get(url)).statusCode, 403, url);
      }
      assert.equal((await c.post('/quan-tri/van-ban', validForm(type, { number: '9/BC-UBND' }))).statusCode, 403);
      assert.equal((await c.post(`/quan-tri/van-ban/${id}/xoa`)).statusCode, 403);
      assert.equal((await c.post('/quan-tri/van-ban/loai', { name: 'Tờ trình mới' })).statusCode, 403);
    }
    assert.equal((await db.db.selectFrom('documents').select('id').where('id', '=', id).execute()).length, 1);
  });

  test('a form without the CSRF token is refused', async () => {
    const { editor, db } = get();
    const type = await typeId(db, 1, 'Báo cáo');
    assert.equal((await editor.post('/quan-tri/van-ban', validForm(type, { number: '10/BC-UBND' }), { csrf: null })).statusCode, 403);
  });

  test('document types: add, refuse a duplicate, rename (slugs follow), delete only when unused', async () => {
    const { editor, db } = get();
    assert.equal((await editor.post('/quan-tri/van-ban/loai', { name: '  Quy   chế ' })).statusCode, 303);
    const id = await typeId(db, 1, 'Quy chế');
    assert.equal((await lastAudit(db, 'document_type.create'))?.after.name, 'Quy chế');
    const dup = await editor.post('/quan-tri/van-ban/loai', { name: 'quy che' });
    assert.equal(dup.statusCode, 422);
    assert.match(decode(dup.body), /Loại văn bản "quy che" đã có trong danh sách/);
    assert.equal((await editor.post('/quan-tri/van-ban/loai', { name: '' })).statusCode, 422);
    assert.equal((await editor.post(`/quan-tri/van-ban/loai/${id}`, { name: 'Quy định' })).statusCode, 303);
    assert.equal((await lastAudit(db, 'document_type.rename'))?.before.name, 'Quy chế');
    // Rename a type in use: its documents' slugs follow.
    const nq = await typeId(db, 1, 'Nghị quyết');
    assert.equal((await editor.post(`/quan-tri/van-ban/loai/${nq}`, { name: 'Nghị quyết Đảng' })).statusCode, 303);
    const slug = (await db.db.selectFrom('documents').select('slug').where('id', '=', await docId(db, 1, '22-NQ/TW')).executeTakeFirstOrThrow()).slug;
    assert.match(slug, /^nghi-quyet-dang-22-nq-tw/);
    const inUse = await editor.post(`/quan-tri/van-ban/loai/${nq}/xoa`);
    assert.equal(inUse.statusCode, 409);
    assert.match(decode(inUse.body), /Không thể xoá loại "Nghị quyết Đảng": còn \d+ văn bản/);
    assert.equal((await editor.post(`/quan-tri/van-ban/loai/${id}/xoa`)).statusCode, 303);
    assert.equal((await db.db.selectFrom('document_types').select('id').where('id', '=', id).execute()).length, 0);
    assert.equal((await lastAudit(db, 'document_type.delete'))?.before.name, 'Quy định');
    // Site 2's types are not reachable from site 1.
    const foreign = await typeId(db, 2, 'Công văn');
    assert.equal((await editor.post(`/quan-tri/van-ban/loai/${foreign}/xoa`)).statusCode, 404);
  });

  test('the approver may manage the library too; audit labels show in the log', async () => {
    const { approver } = get();
    assert.equal((await approver.get('/quan-tri/van-ban')).statusCode, 200);
  });
});

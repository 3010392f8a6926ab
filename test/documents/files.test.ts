import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { BAC_HONG_LINH } from '../helpers/app.js';
import { describeEachDb } from '../helpers/db.js';
import { docx, ole2, pdf, png, zip } from '../media/fixtures.js';
import { docId, fieldError, lastAudit, publicGet, setupDocuments, uploadFile } from './helpers.js';

const EXE = Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00\x00\x00', 'latin1'), Buffer.alloc(200)]);

describeEachDb('documents: attached files', setupDocuments, (get) => {
  test('a PDF is attached, listed with its size, and downloaded with safe headers and its Vietnamese name', async () => {
    const { app, editor, db } = get();
    const id = await docId(db, 1, '03/CT-UBND');
    const res = await uploadFile(editor, id, { name: 'Chỉ thị quản lý đất đai.pdf', data: pdf('% quản lý\n'), contentType: 'application/pdf' });
    assert.equal(res.statusCode, 303, res.body.slice(0, 300));
    const file = await db.db.selectFrom('document_files').selectAll().where('document_id', '=', id).executeTakeFirstOrThrow();
    assert.match(file.disk_path, /^namhonglinh\/van-ban\/[0-9a-f]{10}-chi-thi-quan-ly-dat-dai\.pdf$/);
    assert.ok(existsSync(join(db.dataDir, 'media', file.disk_path)));
    assert.equal((await lastAudit(db, 'document.file_add'))?.after.original_name, 'Chỉ thị quản lý đất đai.pdf');
    const slug = (await db.db.selectFrom('documents').select('slug').where('id', '=', id).executeTakeFirstOrThrow()).slug;
    const page = await publicGet(app, `/van-ban/${slug}-${id}`);
    assert.match(page.body, new RegExp(`href="/van-ban/tai-ve/${file.id}"[^>]*>Tải về: Chỉ thị quản lý đất đai.pdf</a> <span class="muted">\\(PDF, \\d+ byte\\)`));
    const dl = await publicGet(app, `/van-ban/tai-ve/${file.id}`);
    assert.equal(dl.statusCode, 200);
    assert.equal(dl.headers['content-type'], 'application/pdf');
    assert.equal(dl.headers['x-content-type-options'], 'nosniff');
    assert.equal(dl.headers['content-disposition'], `attachment; filename="Chi thi quan ly dat dai.pdf"; filename*=UTF-8''${encodeURIComponent('Chỉ thị quản lý đất đai.pdf')}`);
    assert.ok(dl.rawPayload.equals(readFileSync(join(db.dataDir, 'media', file.disk_path))));
  });

  test('DOC and DOCX are taken by their content; the download is named for what the bytes are', async () => {
    const { app, editor, db } = get();
    const id = await docId(db, 1, '45/TB-UBND');
    assert.equal((await uploadFile(editor, id, { name: 'thong-bao.doc', data: ole2('WordDocument') })).statusCode, 303);
    assert.equal((await uploadFile(editor, id, { name: 'ke hoach.pdf', data: docx() })).statusCode, 303);
    const files = await db.db.selectFrom('document_files').selectAll().where('document_id', '=', id).orderBy('id').execute();
    assert.deepEqual(files.map((f) => [f.ext, f.mime]), [
      ['doc', 'application/msword'],
      ['docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
    ]);
    const dl = await publicGet(app, `/van-ban/tai-ve/${files[1]!.id}`);
    assert.equal(dl.headers['content-type'], 'application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    assert.match(dl.headers['content-disposition'] as string, /filename="ke hoach\.docx"/);
  });

  test('a PNG or an EXE named .pdf, a spreadsheet, a ZIP and an empty upload are refused with a message; nothing is stored', async () => {
    const { editor, db } = get();
    const id = await docId(db, 1, '210/BC-UBND');
    const dir = join(db.dataDir, 'media', 'namhonglinh', 'van-ban');
    const filesBefore = readdirSync(dir).length;
    const cases: [string, Buffer][] = [
      ['anh.pdf', await png(4, 4)],
      ['chuong-trinh.pdf', EXE],
      ['bang-tinh.doc', ole2('Workbook')],
      ['nen.docx', zip({ 'a.txt': 'x' })],
      ['rong.pdf', Buffer.alloc(0)],
    ];
    for (const [name, data] of cases) {
      const res = await uploadFile(editor, id, { name, data });
      assert.equal(res.statusCode, 422, name);
      const message = fieldError(res.body, 'file') ?? '';
      assert.match(message, data.length ? /không phải văn bản PDF, DOC hoặc DOCX/ : /Vui lòng chọn tệp văn bản/, name);
    }
    assert.equal((await db.db.selectFrom('document_files').select('id').where('document_id', '=', id).execute()).length, 0);
    assert.equal(readdirSync(dir).length, filesBefore);
  });

  test('a file over 20 MB is refused with the size message', async () => {
    const { editor, db } = get();
    const id = await docId(db, 1, '210/BC-UBND');
    const big = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(20 * 1024 * 1024 + 10, 0x20)]);
    const res = await uploadFile(editor, id, { name: 'lon.pdf', data: big });
    assert.equal(res.statusCode, 422);
    assert.match(fieldError(res.body, 'file') ?? '', /Tệp quá lớn: văn bản đính kèm tối đa 20 MB/);
  });

  test('without the CSRF token or the role, nothing is stored', async () => {
    const { editor, contributor, db } = get();
    const id = await docId(db, 1, '210/BC-UBND');
    assert.equal((await uploadFile(editor, id, { name: 'a.pdf', data: pdf() }, null)).statusCode, 403);
    assert.equal((await uploadFile(editor, id, { name: 'a.pdf', data: pdf() }, 'sai-ma')).statusCode, 403);
    assert.equal((await uploadFile(contributor, id, { name: 'a.pdf', data: pdf() })).statusCode, 403);
    assert.equal((await db.db.selectFrom('document_files').select('id').where('document_id', '=', id).execute()).length, 0);
  });

  test('removing a file deletes the row and the bytes, with an audit row', async () => {
    const { app, editor, db } = get();
    const id = await docId(db, 1, '1234/UBND-TNMT');
    assert.equal((await uploadFile(editor, id, { name: 'cv.pdf', data: pdf() })).statusCode, 303);
    const file = await db.db.selectFrom('document_files').selectAll().where('document_id', '=', id).executeTakeFirstOrThrow();
    const res = await editor.post(`/quan-tri/van-ban/${id}/tep/${file.id}/xoa`);
    assert.equal(res.statusCode, 303);
    assert.ok(!existsSync(join(db.dataDir, 'media', file.disk_path)));
    assert.equal((await lastAudit(db, 'document.file_remove'))?.before.disk_path, file.disk_path);
    assert.equal((await publicGet(app, `/van-ban/tai-ve/${file.id}`)).statusCode, 404);
  });

  test('the demo documents carry a valid generated PDF', async () => {
    const { app, db } = get();
    const id = await docId(db, 1, '22-NQ/TW');
    const file = await db.db.selectFrom('document_files').selectAll().where('document_id', '=', id).executeTakeFirstOrThrow();
    const dl = await publicGet(app, `/van-ban/tai-ve/${file.id}`);
    assert.equal(dl.statusCode, 200);
    const body = dl.rawPayload.toString('latin1');
    assert.match(body, /^%PDF-1\.4\n/);
    assert.match(body, /%%EOF\n$/);
    // The cross-reference table points at each object exactly.
    const xref = Number(/startxref\n(\d+)/.exec(body)![1]);
    assert.equal(body.slice(xref, xref + 4), 'xref');
    const offsets = [...body.slice(xref).matchAll(/^(\d{10}) 00000 n $/gm)].map((m) => Number(m[1]));
    offsets.forEach((o, i) => assert.equal(body.slice(o, o + `${i + 1} 0 obj`.length), `${i + 1} 0 obj`));
    assert.match(dl.headers['content-disposition'] as string, /filename\*=UTF-8''Ngh%E1%BB%8B%20quy%E1%BA%BFt%2022-NQ-TW\.pdf/);
  });

  test('files of unpublished documents and of other sites are 404', async () => {
    const { app, editor, db } = get();
    const foreign = await db.db.selectFrom('document_files').select('id').where('site_id', '=', 2).executeTakeFirstOrThrow();
    assert.equal((await publicGet(app, `/van-ban/tai-ve/${foreign.id}`)).statusCode, 404);
    assert.equal((await publicGet(app, `/van-ban/tai-ve/${foreign.id}`, BAC_HONG_LINH)).statusCode, 200);
    assert.equal((await publicGet(app, '/van-ban/tai-ve/abc')).statusCode, 404);
    const id = await docId(db, 1, '02-NQ/TU');
    const file = await db.db.selectFrom('document_files').select('id').where('document_id', '=', id).executeTakeFirstOrThrow();
    await db.db.updateTable('documents').set({ published: 0 }).where('id', '=', id).execute();
    assert.equal((await publicGet(app, `/van-ban/tai-ve/${file.id}`)).statusCode, 404);
    await db.db.updateTable('documents').set({ published: 1 }).where('id', '=', id).execute();
    // Another site's document cannot receive files through this site's back office.
    const foreignDoc = await docId(db, 2, '01/QĐ-UBND');
    assert.equal((await uploadFile(editor, foreignDoc, { name: 'a.pdf', data: pdf() })).statusCode, 404);
  });
});

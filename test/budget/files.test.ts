import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { describeEachDb } from '../helpers/db.js';
import { docx, ole2, pdf, png, xlsx, zip } from '../media/fixtures.js';
import { fieldError, lastAudit, publicGet, reportId, setupBudget, uploadReportFile } from './helpers.js';

describeEachDb('budget disclosure: attached files', setupBudget, (get) => {
  test('an XLSX and an XLS are taken by their bytes and downloaded under their names', async () => {
    const { app, editor, db } = get();
    const id = await reportId(db, 1, 2026, 'thuc-hien', 'q1');
    assert.equal((await uploadReportFile(editor, id, { name: 'Biểu 120 quý I.xlsx', data: xlsx() })).statusCode, 303);
    assert.equal((await uploadReportFile(editor, id, { name: 'bieu-cu.pdf', data: ole2('Workbook') })).statusCode, 303);
    const files = await db.db.selectFrom('budget_report_files').selectAll().where('report_id', '=', id).orderBy('id').execute();
    assert.deepEqual(files.slice(1).map((f) => [f.ext, f.mime]), [
      ['xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
      ['xls', 'application/vnd.ms-excel'],
    ]);
    assert.match(files[1]!.disk_path, /^namhonglinh\/ngan-sach\/[0-9a-f]{10}-bieu-120-quy-i\.xlsx$/);
    assert.ok(existsSync(join(db.dataDir, 'media', files[1]!.disk_path)));
    assert.equal((await lastAudit(db, 'budget.file_add'))?.after.original_name, 'bieu-cu.pdf');
    const dl = await publicGet(app, `/cong-khai-ngan-sach/tai-ve/${files[2]!.id}`);
    assert.equal(dl.headers['content-type'], 'application/vnd.ms-excel');
    assert.match(dl.headers['content-disposition'] as string, /filename="bieu-cu\.xls"/);
    // The year's table links every file of the report.
    assert.match((await publicGet(app, '/cong-khai-ngan-sach')).body, new RegExp(`href="/cong-khai-ngan-sach/tai-ve/${files[1]!.id}"`));
  });

  test('an image, a ZIP, an empty upload are refused with a message; nothing is stored; removing a file is audited', async () => {
    const { editor, db } = get();
    const id = await reportId(db, 1, 2026, 'thuc-hien', 'q2');
    const count = async () => (await db.db.selectFrom('budget_report_files').select('id').where('report_id', '=', id).execute()).length;
    const before = await count();
    for (const [name, data] of [['anh.pdf', await png(4, 4)], ['nen.xlsx', zip({ 'a.txt': 'x' })], ['rong.pdf', Buffer.alloc(0)]] as [string, Buffer][]) {
      const res = await uploadReportFile(editor, id, { name, data });
      assert.equal(res.statusCode, 422, name);
      assert.match(fieldError(res.body, 'file') ?? '', data.length ? /^Tệp không phải PDF, Excel \(XLSX, XLS\) hoặc Word/ : /^Vui lòng chọn tệp/, name);
    }
    assert.equal(await count(), before);
    assert.equal((await uploadReportFile(editor, id, { name: 'thuyet-minh.docx', data: docx() })).statusCode, 303);
    assert.equal((await uploadReportFile(editor, id, { name: 'bao-cao.pdf', data: pdf('% x\n') }, null)).statusCode, 403);
    const added = await db.db.selectFrom('budget_report_files').selectAll().where('report_id', '=', id).orderBy('id', 'desc').executeTakeFirstOrThrow();
    assert.equal((await editor.post(`/quan-tri/cong-khai-ngan-sach/${id}/tep/${added.id}/xoa`)).statusCode, 303);
    assert.equal(await count(), before);
    assert.equal((await lastAudit(db, 'budget.file_remove'))?.before.original_name, 'thuyet-minh.docx');
    assert.ok(!existsSync(join(db.dataDir, 'media', added.disk_path)));
  });
});

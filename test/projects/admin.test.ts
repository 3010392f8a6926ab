import assert from 'node:assert/strict';
import { test } from 'node:test';
import { describeEachDb } from '../helpers/db.js';
import { ole2, png, xlsx } from '../media/fixtures.js';
import { fieldError, lastAudit, projectByName, publicGet, setupProjects, upload, validNotice, validProject } from './helpers.js';

const PATH = '/quan-tri/du-an';

describeEachDb('projects disclosure: back office', setupProjects, (get) => {
  test('a project is added with its capital read from "3,2 tỷ", audited, and shown on the list at once', async () => {
    const { app, editor, db } = get();
    assert.doesNotMatch((await publicGet(app, '/du-an-dau-thau')).body, /Cải tạo chợ Nam Hồng/);
    const res = await editor.post(PATH, validProject());
    assert.equal(res.statusCode, 303, res.body.slice(0, 300));
    const p = await projectByName(db, 1, 'Cải tạo chợ Nam Hồng');
    assert.deepEqual([p.capital_vnd, p.slug, p.status, p.progress, p.start_on], [3_200_000_000, 'cai-tao-cho-nam-hong', 'chuan-bi', 0, '2027-02-01']);
    assert.equal((await lastAudit(db, 'project.create'))?.after.capital_vnd, 3_200_000_000);
    assert.match((await publicGet(app, '/du-an-dau-thau')).body, /Cải tạo chợ Nam Hồng/);
    // The edit form shows the amount back in Vietnamese grouping, and saving it unchanged keeps it.
    const form = await editor.get(`${PATH}/${p.id}`);
    assert.match(form.body, /name="capital"[^>]*value="3\.200\.000\.000"/);
    assert.equal((await editor.post(`${PATH}/${p.id}`, validProject({ capital: '3.200.000.000', progress: '10%', status: 'dang-thuc-hien' }))).statusCode, 303);
    assert.equal((await projectByName(db, 1, 'Cải tạo chợ Nam Hồng')).progress, 10);
  });

  test('bad inputs get Vietnamese messages, the typed text comes back, nothing is stored', async () => {
    const { editor, db } = get();
    const count = async () => (await db.db.selectFrom('projects').select('id').execute()).length;
    const before = await count();
    const cases: [Record<string, string>, string, RegExp][] = [
      [{ name: '' }, 'name', /^Vui lòng nhập tên dự án\.$/],
      [{ capital: 'mười tỷ' }, 'capital', /^Tổng mức đầu tư không hợp lệ/],
      [{ progress: '120' }, 'progress', /^Tiến độ là số phần trăm từ 0 đến 100\.$/],
      [{ status: 'hoan-thanh', progress: '90' }, 'progress', /^Dự án hoàn thành phải có tiến độ 100%\.$/],
      [{ finish_on: '2027-01-01' }, 'finish_on', /^Ngày hoàn thành không được trước ngày khởi công\.$/],
      [{ start_on: '30/02/2027' }, 'start_on', /^Ngày khởi công không hợp lệ/],
      [{ status: 'x' }, 'status', /^Vui lòng chọn tình trạng dự án\.$/],
    ];
    for (const [over, field, message] of cases) {
      const res = await editor.post(PATH, validProject({ name: 'Dự án “thử” <b>', ...over }));
      assert.equal(res.statusCode, 422, JSON.stringify(over));
      assert.match(fieldError(res.body, field) ?? '', message, JSON.stringify(over));
      if (over.name === undefined) assert.match(res.body, /name="name"[^>]*value="Dự án “thử” &lt;b>"/);
    }
    assert.equal(await count(), before);
  });

  test('notices are added to a project with their files and listed on its page; bad notices are refused with messages', async () => {
    const { app, editor, db } = get();
    const p = await projectByName(db, 1, 'Kè chống sạt lở khe Hao Hao');
    const bad = await editor.post(`${PATH}/${p.id}/thong-bao`, validNotice({ kind: '', deadline_on: '2026-12-01', title: 'Mời thầu “gói 2”' }));
    assert.equal(bad.statusCode, 422);
    assert.equal(fieldError(bad.body, 'kind'), 'Vui lòng chọn loại thông báo.');
    assert.equal(fieldError(bad.body, 'deadline_on'), 'Hạn không được trước ngày thông báo.');
    assert.match(bad.body, /name="title"[^>]*value="Mời thầu “gói 2”"/);
    const res = await editor.post(`${PATH}/${p.id}/thong-bao`, validNotice());
    assert.equal(res.statusCode, 303);
    const noticeId = Number(/thong-bao\/(\d+)/.exec(res.headers.location as string)![1]);
    assert.equal((await lastAudit(db, 'project.notice_create'))?.after.notice_id, noticeId);
    assert.equal((await upload(editor, `${PATH}/${p.id}/thong-bao/${noticeId}/tep`, { name: 'Hồ sơ mời thầu.xlsx', data: xlsx() })).statusCode, 303);
    const refused = await upload(editor, `${PATH}/${p.id}/thong-bao/${noticeId}/tep`, { name: 'anh.pdf', data: await png(3, 3) });
    assert.equal(refused.statusCode, 422);
    assert.match(fieldError(refused.body, 'file') ?? '', /^Tệp không phải PDF, Excel/);
    assert.equal((await upload(editor, `${PATH}/${p.id}/tep`, { name: 'Báo cáo KTKT.xls', data: ole2('Workbook') })).statusCode, 303);
    const html = (await publicGet(app, `/du-an-dau-thau/${p.slug}-${p.id}`)).body;
    assert.match(html, new RegExp(`<section class="project-notice" id="thong-bao-${noticeId}"[^]*Thông báo mời thầu gói thầu xây lắp[^]*Tải về: Hồ sơ mời thầu\\.xlsx`));
    assert.match(html, /Hồ sơ dự án<\/h2><ul class="document-files"><li><a href="\/du-an-dau-thau\/tai-ve\/\d+" download>Tải về: Báo cáo KTKT\.xls<\/a>/);
    // Deleting the notice takes its file with it.
    assert.equal((await editor.post(`${PATH}/${p.id}/thong-bao/${noticeId}/xoa`)).statusCode, 303);
    assert.equal((await db.db.selectFrom('project_files').select('id').where('notice_id', '=', noticeId).execute()).length, 0);
    assert.doesNotMatch((await publicGet(app, `/du-an-dau-thau/${p.slug}-${p.id}`)).body, /gói thầu xây lắp/);
  });

  test('unpublishing hides the project and its files; deleting removes it with notices and files, audited', async () => {
    const { app, editor, db } = get();
    const p = await projectByName(db, 1, 'Mở rộng Quốc lộ 8A đoạn qua phường Nam Hồng Lĩnh');
    const file = await db.db.selectFrom('project_files').select('id').where('project_id', '=', p.id).executeTakeFirstOrThrow();
    const form = { name: p.name, investor: p.investor, capital: String(p.capital_vnd), capital_source: p.capital_source, location: p.location, start_on: p.start_on!, finish_on: p.finish_on!, progress: '15', status: p.status, summary: p.summary, published: '0' };
    assert.equal((await editor.post(`${PATH}/${p.id}`, form)).statusCode, 303);
    assert.equal((await publicGet(app, `/du-an-dau-thau/${p.slug}-${p.id}`)).statusCode, 404);
    assert.equal((await publicGet(app, `/du-an-dau-thau/tai-ve/${file.id}`)).statusCode, 404);
    assert.doesNotMatch((await publicGet(app, '/du-an-dau-thau')).body, /Quốc lộ 8A/);
    assert.equal((await editor.post(`${PATH}/${p.id}/xoa`)).statusCode, 303);
    assert.equal((await db.db.selectFrom('project_notices').select('id').where('project_id', '=', p.id).execute()).length, 0);
    const audit = await lastAudit(db, 'project.delete');
    assert.equal(audit?.before.notices.length, 2);
    assert.equal(audit?.before.files.length, 2);
  });

  test('a contributor, and an editor of another ward, may not touch the projects', async () => {
    const { contributor, otherEditor, db } = get();
    const p = await projectByName(db, 1, 'Xây mới 8 phòng học Trường Tiểu học Đức Thuận');
    for (const c of [contributor, otherEditor]) {
      assert.equal((await c.get(PATH)).statusCode, 403);
      assert.equal((await c.post(`${PATH}/${p.id}`, validProject())).statusCode, 403);
      assert.equal((await c.post(`${PATH}/${p.id}/thong-bao`, validNotice())).statusCode, 403);
      assert.equal((await c.post(`${PATH}/${p.id}/xoa`)).statusCode, 403);
    }
    assert.equal((await projectByName(db, 1, 'Xây mới 8 phòng học Trường Tiểu học Đức Thuận')).progress, 85);
  });
});

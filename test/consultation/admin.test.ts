import assert from 'node:assert/strict';
import { test } from 'node:test';
import { AdminClient, makeUser } from '../helpers/admin.js';
import { NAM_HONG_LINH, BAC_HONG_LINH } from '../helpers/app.js';
import { describeEachDb, type TestDb } from '../helpers/db.js';
import { lastAudit } from '../site-admin/helpers.js';
import { setup } from './helpers.js';

const PATH = '/quan-tri/gop-y-du-thao';

async function fixture(db: TestDb) {
  const env = await setup(db);
  await makeUser(db.db, 'bientap', [{ siteId: env.siteId, role: 'editor' }]);
  await makeUser(db.db, 'congtacvien', [{ siteId: env.siteId, role: 'contributor' }]);
  await makeUser(db.db, 'kiemduyet', [{ siteId: env.siteId, role: 'moderator' }]);
  await makeUser(db.db, 'quantri2', [{ siteId: env.otherSiteId, role: 'site_admin' }]);
  const other = await AdminClient.login(env.app, BAC_HONG_LINH, 'quantri2');
  return {
    ...env,
    editor: await AdminClient.login(env.app, NAM_HONG_LINH, 'bientap'),
    contributor: await AdminClient.login(env.app, NAM_HONG_LINH, 'congtacvien'),
    moderator: await AdminClient.login(env.app, NAM_HONG_LINH, 'kiemduyet'),
    otherAdmin: Object.assign(new AdminClient(env.app, NAM_HONG_LINH), { cookie: other.cookie, csrf: other.csrf }),
  };
}

describeEachDb('draft feedback in the back office', fixture, (env) => {
  test('the drafts with their counts; the feedback with contact details, for editors only', async () => {
    const { editor, contributor, moderator, otherAdmin, openId } = env();
    const list = await editor.get(PATH);
    assert.equal(list.statusCode, 200);
    assert.match(list.body, /09\/DT-UBND: Dự thảo Kế hoạch chỉnh trang đô thị/);
    assert.doesNotMatch(list.body, /thu gom, vận chuyển rác thải/, 'not the other site\'s drafts');
    const one = await editor.get(`${PATH}/${openId}`);
    assert.match(one.body, /2 góp ý, 1 chưa xử lý\./);
    assert.match(one.body, /0912 345 678/);
    assert.match(one.body, /lethimai\.hl@gmail\.com/);
    for (const c of [contributor, moderator, otherAdmin]) {
      for (const url of [PATH, `${PATH}/${openId}`, `${PATH}/${openId}/csv`]) assert.equal((await c.get(url)).statusCode, 403, url);
    }
  });

  test('CSV export: UTF-8 with BOM, Vietnamese intact, quoted fields, formulas defused; the export is logged', async () => {
    const { editor, db, openId, siteId } = env();
    await db.db.insertInto('draft_feedback').values({
      site_id: siteId, document_id: openId, name: '=HYPERLINK("http://x")', contact: '0977 000 111', organisation: 'Hộ kinh doanh "Hương Quê"', content: 'Dòng một,\nDòng hai', content_hash: 'test-csv',
      visitor: '', processed: 0, processed_by: null, processed_at: null, created_at: new Date().toISOString(),
    }).execute();
    const res = await editor.get(`${PATH}/${openId}/csv`);
    assert.equal(res.statusCode, 200);
    assert.equal(res.headers['content-type'], 'text/csv; charset=utf-8');
    assert.match(res.headers['content-disposition'] as string, /^attachment; filename="gop-y-09-DT-UBND\.csv"$/);
    const raw = res.rawPayload;
    assert.deepEqual([...raw.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'byte-order mark');
    const body = raw.subarray(3).toString('utf8');
    const lines = body.split('\r\n');
    assert.equal(lines[0], '"STT","Thời gian","Họ và tên","Email / điện thoại","Cơ quan, đơn vị","Nội dung góp ý","Đã xử lý"');
    assert.match(body, /"Trần Văn Hùng","0912 345 678","Tổ dân phố 3, phường Nam Hồng","Đề nghị bổ sung hạng mục lát vỉa hè/);
    assert.match(body, /"'=HYPERLINK\(""http:\/\/x""\)","0977 000 111","Hộ kinh doanh ""Hương Quê""","Dòng một,\nDòng hai","Chưa"/);
    const audit = await lastAudit(db, 'draft_feedback.export');
    assert.deepEqual(audit.after, { rows: 3 });
  });

  test('mark processed and back, with audit rows; other drafts\' and sites\' feedback is 404', async () => {
    const { editor, db, openId, closedId, theirsId, otherSiteId } = env();
    const row = await db.db.selectFrom('draft_feedback').select('id').where('document_id', '=', openId).where('processed', '=', 0).orderBy('id').executeTakeFirstOrThrow();
    const res = await editor.post(`${PATH}/${openId}/${row.id}/xu-ly`);
    assert.equal(res.statusCode, 303);
    assert.equal(res.headers.location, `${PATH}/${openId}?tb=da-xu-ly`);
    const stored = await db.db.selectFrom('draft_feedback').selectAll().where('id', '=', row.id).executeTakeFirstOrThrow();
    assert.equal(stored.processed, 1);
    assert.ok(stored.processed_by && stored.processed_at);
    assert.deepEqual((await lastAudit(db, 'draft_feedback.process')).after, { document_id: openId, processed: 1 });
    await editor.post(`${PATH}/${openId}/${row.id}/bo-xu-ly`);
    assert.equal((await db.db.selectFrom('draft_feedback').select('processed').where('id', '=', row.id).executeTakeFirstOrThrow()).processed, 0);
    assert.equal((await editor.post(`${PATH}/${closedId}/${row.id}/xu-ly`)).statusCode, 404, 'feedback of another draft');
    assert.equal((await editor.get(`${PATH}/${theirsId}`)).statusCode, 404);
    const theirs = await db.db.insertInto('draft_feedback').values({
      site_id: otherSiteId, document_id: theirsId, name: 'A', contact: '0900000000', organisation: '', content: 'B', content_hash: 'x', visitor: '', processed: 0, processed_by: null, processed_at: null, created_at: new Date().toISOString(),
    }).returning('id').executeTakeFirstOrThrow();
    assert.equal((await editor.post(`${PATH}/${theirsId}/${theirs.id}/xu-ly`)).statusCode, 404);
    assert.equal((await editor.post(`${PATH}/${openId}/${row.id}/xu-ly`, {}, { csrf: null })).statusCode, 403, 'CSRF token required');
  });
}, async ({ app }) => app.close());

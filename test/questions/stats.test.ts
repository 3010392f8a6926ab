import assert from 'node:assert/strict';
import { test } from 'node:test';
import { NAM_HONG_LINH } from '../helpers/app.js';
import { AdminClient, makeUser } from '../helpers/admin.js';
import { describeEachDb, type TestDb } from '../helpers/db.js';
import { median, percentile, questionStats } from '../../src/features/questions/stats.js';
import type { QuestionStatus } from '../../src/kernel/db/tables/questions.js';
import { setup, text } from './helpers.js';

const NOW = new Date('2026-12-31T00:00:00.000Z');
const DAY = 86_400_000;
const ago = (days: number) => new Date(NOW.getTime() - days * DAY).toISOString();

async function known(db: TestDb) {
  const env = await setup(db, { now: () => NOW });
  await db.db.deleteFrom('questions').where('site_id', '=', env.siteId).execute();
  let n = 0;
  const add = async (status: QuestionStatus, createdDaysAgo: number, answerDays?: number) => {
    n += 1;
    const answered = answerDays === undefined ? null : new Date(Date.parse(ago(createdDaysAgo)) + answerDays * DAY).toISOString();
    await db.db.insertInto('questions').values({
      site_id: env.siteId, topic_id: null, kind: 'question', title: `Thống kê ${n}`, body: `Nội dung ${n}`, body_hash: `tk-${n}`, asker_name: 'A', asker_phone: '',
      asker_email: 'a@example.vn', asker_address: '', tracking_hash: `tk-${n}`, status, reject_reason: '', answer: answered ? 'Trả lời.' : '', answered_at: answered,
      answered_by: null, assignee_id: null, published: 0, published_at: null, slug: 'thong-ke', search_text: '', visitor: '', created_at: ago(createdDaysAgo), updated_at: ago(0),
    }).execute();
  };
  // Answered in the last 30 days after 1, 2, 3, 4 and 10 days.
  for (const d of [1, 2, 3, 4, 10]) await add('answered', d + 5, d);
  // Answered about 60 days ago after 5 and 20 days; 200 days ago after 40; 400 days ago (outside every period).
  await add('answered', 65, 5);
  await add('answered', 80, 20);
  await add('answered', 240, 40);
  await add('answered', 410, 10);
  // Open: 16 and 30 days old (overdue at 15), 14 days old (not yet); a refused one never counts.
  await add('received', 16);
  await add('received', 30);
  await add('processing', 14);
  await add('rejected', 100);
  await makeUser(db.db, 'tk_truongban', [{ siteId: env.siteId, role: 'approver' }]);
  await makeUser(db.db, 'tk_kiemduyet', [{ siteId: env.siteId, role: 'moderator' }]);
  return env;
}

test('median and 90th percentile (nearest rank)', () => {
  assert.equal(median([]), null);
  assert.equal(median([3]), 3);
  assert.equal(median([1, 2, 3, 4]), 2.5);
  assert.equal(percentile([1, 2, 3, 4, 10], 90), 10);
  assert.equal(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 90), 9);
  assert.equal(percentile([], 90), null);
});

describeEachDb('Hỏi đáp: answer-time statistics', known, (env) => {
  test('counts, median and 90th percentile over 30/90/365 days, overdue at 15 days', async () => {
    const { db, siteId } = env();
    const s = await questionStats(db.db, siteId, NOW);
    assert.deepEqual(s.counts, { received: 2, processing: 1, answered: 9, rejected: 1 });
    assert.deepEqual(s.periods.map((p) => [p.days, p.answered, p.medianDays, p.p90Days]), [
      [30, 5, 3, 10],
      [90, 7, 4, 20],
      [365, 8, 4.5, 40],
    ]);
    assert.equal(s.overdueDays, 15);
    assert.deepEqual(s.overdue.map((q) => q.title), ['Thống kê 11', 'Thống kê 10']);
  });

  test('the statistics page shows them; the overdue limit is set per site (1–365) and changes the list', async () => {
    const { app } = env();
    const mod = await AdminClient.login(app, NAM_HONG_LINH, 'tk_kiemduyet');
    const page = await mod.get('/quan-tri/hoi-dap/thong-ke');
    assert.equal(page.statusCode, 200);
    const t = text(page.body);
    assert.match(t, /30 ngày qua 5 3 ngày 10 ngày/);
    assert.match(t, /365 ngày qua 8 4,5 ngày 40 ngày/);
    assert.match(t, /Quá hạn \(chưa trả lời sau 15 ngày\): 2/);
    assert.ok(!t.includes('Thời hạn trả lời Số ngày'), 'moderators do not configure');
    assert.equal((await mod.post('/quan-tri/hoi-dap/thong-ke', { so_ngay: '10' })).statusCode, 403);
    const ap = await AdminClient.login(app, NAM_HONG_LINH, 'tk_truongban');
    const bad = await ap.post('/quan-tri/hoi-dap/thong-ke', { so_ngay: '0' });
    assert.equal(bad.statusCode, 422);
    assert.match(bad.body, /Số ngày phải là số nguyên từ 1 đến 365\./);
    assert.match(bad.body, /value="0"/);
    assert.equal((await ap.post('/quan-tri/hoi-dap/thong-ke', { so_ngay: '10' })).statusCode, 303);
    assert.match(text((await ap.get('/quan-tri/hoi-dap/thong-ke')).body), /Quá hạn \(chưa trả lời sau 10 ngày\): 3/);
    const queue = text((await ap.get('/quan-tri/hoi-dap')).body);
    assert.match(queue, /Thống kê 12 Quá hạn/);
    const audit = await env().db.db.selectFrom('audit_log').select(['action', 'after_json']).where('action', '=', 'question.settings').execute();
    assert.equal(audit.length, 1);
    assert.match(audit[0]!.after_json!, /"overdue_days":10/);
  });
});

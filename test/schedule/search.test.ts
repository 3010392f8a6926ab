import assert from 'node:assert/strict';
import { test } from 'node:test';
import { searchSchedule } from '../../src/features/schedule/search.js';
import { parseQuery } from '../../src/kernel/search/query.js';
import { buildTestApp, NAM_HONG_LINH } from '../helpers/app.js';
import { describeEachDb, type TestDb } from '../helpers/db.js';
import { addEntry } from './helpers.js';

const NOW = new Date('2026-12-31T20:00:00Z'); // Friday 1 January 2027 in Vietnam: week 2026-W53

async function setup(db: TestDb) {
  const app = await buildTestApp(db, { now: () => NOW, seed: true });
  await addEntry(db.db, { day: '2026-12-28', start_time: '07:30', content: 'Giao ban đầu tuần về thủy lợi nội đồng', place: 'Phòng họp tầng 2' });
  await addEntry(db.db, { day: '2026-12-29', start_time: '08:00', content: 'Giao ban thủy lợi (bản nháp)', published: 0 });
  await addEntry(db.db, { site_id: 2, day: '2026-12-28', start_time: '08:00', content: 'Giao ban thủy lợi phường Nam Hồng Lĩnh' });
  await addEntry(db.db, { day: '2025-01-06', start_time: '08:00', content: 'Giao ban thủy lợi năm trước' });
  return { app };
}

describeEachDb('the work schedule in the site search', setup, (ctx) => {
  test('published entries of this site, by any spelling, linked to their week; drafts, other sites and old weeks stay out', async () => {
    const { db } = ctx();
    const q = parseQuery('thuy loi');
    assert.equal(q.kind, 'ok');
    const found = await searchSchedule(db.db, 1, q as Extract<typeof q, { kind: 'ok' }>, NOW, 5);
    assert.ok(found);
    assert.deepEqual(found.items.map((i) => i.title), ['Giao ban đầu tuần về thủy lợi nội đồng']);
    assert.equal(found.items[0]!.href, '/lich-cong-tac?tuan=2026-W53');
    assert.match(found.items[0]!.meta!, /^Thứ Hai, 28\/12\/2026, 07h30.* · Phòng họp tầng 2$/);
    const none = parseQuery('khong co cuoc hop nao');
    assert.equal(await searchSchedule(db.db, 1, none as Extract<typeof none, { kind: 'ok' }>, NOW, 5), null);
  });

  test('the search page shows the group', async () => {
    const { app } = ctx();
    const res = await app.inject({ url: '/tim-kiem?q=th%E1%BB%A7y+l%E1%BB%A3i+n%E1%BB%99i+%C4%91%E1%BB%93ng', headers: { host: NAM_HONG_LINH } });
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /<h2 id="ket-qua-muc-\d" class="section-title">Lịch công tác \(1\)<\/h2>/);
    assert.match(res.body, /href="\/lich-cong-tac\?tuan=2026-W53">Giao ban đầu tuần về thủy lợi nội đồng</);
  });
});

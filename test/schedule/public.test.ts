import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildTestApp, NAM_HONG_LINH, BAC_HONG_LINH } from '../helpers/app.js';
import { describeEachDb, type TestDb } from '../helpers/db.js';
import { parseIcs, unescapeText } from './ical-parse.js';
import { addEntry, daySection } from './helpers.js';

// Friday 1 January 2027, 03:00 in Vietnam (still Thursday 31 December in UTC): week 2026-W53.
const NOW = new Date('2026-12-31T20:00:00Z');

async function setup(db: TestDb) {
  const app = await buildTestApp(db, { now: () => NOW });
  const ids = {
    lateNight: await addEntry(db.db, { day: '2027-01-01', start_time: '23:30', end_time: '23:59', content: 'Kiểm tra công tác trực Tết, phòng cháy; chữa cháy', leader: 'Chủ tịch UBND', place: 'Chợ Hồng Lĩnh' }),
    morning: await addEntry(db.db, { day: '2026-12-28', start_time: '07:30', content: 'Giao ban đầu tuần', participants: 'Lãnh đạo UBND\nChánh Văn phòng' }),
    afternoon: await addEntry(db.db, { day: '2026-12-28', start_time: '14:00', content: 'Tiếp công dân định kỳ' }),
    draft: await addEntry(db.db, { day: '2026-12-29', start_time: '08:00', content: 'Bản nháp chưa công bố', published: 0 }),
    script: await addEntry(db.db, { day: '2026-12-30', start_time: '09:00', content: '<script>alert(1)</script> Họp', place: '<b>Hội trường</b>' }),
    otherSite: await addEntry(db.db, { site_id: 2, day: '2026-12-28', start_time: '08:00', content: 'Giao ban phường Nam Hồng Lĩnh' }),
    lastWeek: await addEntry(db.db, { day: '2026-12-24', start_time: '08:00', content: 'Họp tổng kết năm' }),
    farPast: await addEntry(db.db, { day: '2026-10-01', start_time: '08:00', content: 'Ngoài cửa sổ lịch' }),
  };
  return { app, ids };
}

const get = (app: Awaited<ReturnType<typeof setup>>['app'], url: string, host = NAM_HONG_LINH) => app.inject({ url, headers: { host } });

describeEachDb('public work schedule', setup, (ctx) => {
  test('this week in Vietnam time, Monday to Sunday, by day and session; drafts and other sites hidden', async () => {
    const { app } = ctx();
    const res = await get(app, '/lich-cong-tac');
    assert.equal(res.statusCode, 200);
    const html = res.body;
    assert.match(html, /<h1 class="page-title">Lịch công tác tuần 53 \(từ 28\/12\/2026 đến 03\/01\/2027\)<\/h1>/);
    const days = [...html.matchAll(/class="schedule-day-title">([^<]+)</g)].map((m) => m[1]);
    assert.deepEqual(days, ['Thứ Hai, 28/12/2026', 'Thứ Ba, 29/12/2026', 'Thứ Tư, 30/12/2026', 'Thứ Năm, 31/12/2026', 'Thứ Sáu, 01/01/2027', 'Thứ Bảy, 02/01/2027', 'Chủ Nhật, 03/01/2027']);
    // 23:30 local on 1 January is 16:30 UTC that day: it belongs to Friday 01/01, in the evening.
    const friday = daySection(html, '2027-01-01');
    assert.match(friday, /Tối/);
    assert.match(friday, /23h30 – 23h59/);
    assert.match(friday, /Kiểm tra công tác trực Tết/);
    const monday = daySection(html, '2026-12-28');
    assert.ok(monday.indexOf('Sáng') < monday.indexOf('Giao ban đầu tuần'));
    assert.ok(monday.indexOf('Giao ban đầu tuần') < monday.indexOf('Chiều'));
    assert.ok(monday.indexOf('Chiều') < monday.indexOf('Tiếp công dân định kỳ'));
    assert.match(monday, /Lãnh đạo UBND<br\/>Chánh Văn phòng/);
    assert.match(daySection(html, '2026-12-29'), /Không có lịch công tác\./);
    assert.doesNotMatch(html, /Bản nháp chưa công bố/);
    assert.doesNotMatch(html, /Giao ban phường Nam Hồng Lĩnh/);
    assert.doesNotMatch(html, /Họp tổng kết năm/);
    // Script typed into a field is text, never markup.
    assert.doesNotMatch(html, /<script>alert/);
    assert.match(html, /&lt;script>alert\(1\)&lt;\/script> Họp|&lt;script&gt;alert\(1\)&lt;\/script&gt; Họp/);
    assert.match(html, /&lt;b>Hội trường&lt;\/b>|&lt;b&gt;Hội trường&lt;\/b&gt;/);
    // Navigation without JS: plain links to ISO weeks across the year boundary.
    assert.match(html, /href="\/lich-cong-tac\?tuan=2026-W52"[^>]*>.*Tuần trước/);
    assert.match(html, /href="\/lich-cong-tac\?tuan=2027-W01"[^>]*>Tuần sau/);
    assert.match(html, /href="\/lich-cong-tac" aria-current="page">Tuần này/);
    // Cached copies of "this week" must not outlive Monday 00:00 (here 2 days 21 hours away).
    const cc = String(res.headers['cache-control']);
    const maxAge = Number(/max-age=(\d+)/.exec(cc)![1]);
    const sMaxAge = Number(/s-maxage=(\d+)/.exec(cc)![1]);
    assert.ok(maxAge <= 60 && sMaxAge <= 300, cc);
    const otherSite = await get(app, '/lich-cong-tac', BAC_HONG_LINH);
    assert.match(otherSite.body, /Giao ban phường Nam Hồng Lĩnh/);
    assert.doesNotMatch(otherSite.body, /Giao ban đầu tuần/);
  });

  test('?tuan= picks a week (not the cached bare page); bad values fall back to this week with a message', async () => {
    const { app } = ctx();
    await get(app, '/lich-cong-tac'); // cached
    const w52 = await get(app, '/lich-cong-tac?tuan=2026-W52');
    assert.equal(w52.statusCode, 200);
    assert.match(w52.body, /Lịch công tác tuần 52 \(từ 21\/12\/2026 đến 27\/12\/2026\)/);
    assert.match(w52.body, /Họp tổng kết năm/);
    assert.match(w52.body, /<link rel="canonical" href="[^"]*\/lich-cong-tac\?tuan=2026-W52"/);
    assert.equal((await get(app, '/lich-cong-tac?tuan=2026-W52')).body, w52.body);
    const next = await get(app, '/lich-cong-tac?tuan=2027-W01');
    assert.match(next.body, /tuần 1 \(từ 04\/01\/2027 đến 10\/01\/2027\)/);
    for (const bad of ['2027-W53', 'abc', '2026-W99', '<script>', '2026-48']) {
      const res = await get(app, `/lich-cong-tac?tuan=${encodeURIComponent(bad)}`);
      assert.equal(res.statusCode, 200, bad);
      assert.match(res.body, /Không đọc được tuần/, bad);
      assert.match(res.body, /Lịch công tác tuần 53 /, bad);
      assert.match(res.body, /<meta name="robots" content="noindex"/);
      assert.doesNotMatch(res.body, /<script>/);
    }
    const twice = await get(app, '/lich-cong-tac?tuan=2026-W52&tuan=2026-W51');
    assert.equal(twice.statusCode, 200);
    assert.match(twice.body, /Không đọc được tuần/);
    const lower = await get(app, '/lich-cong-tac?tuan=2026-w52');
    assert.equal(lower.statusCode, 301);
    assert.equal(lower.headers.location, '/lich-cong-tac?tuan=2026-W52');
  });

  test('print view: the site name as header, the week, no menus or sidebar', async () => {
    const { app } = ctx();
    const res = await get(app, '/lich-cong-tac/in?tuan=2026-W53');
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /<p class="schedule-print-site">Cổng thông tin điện tử phường Nam Hồng Lĩnh<\/p>/);
    assert.match(res.body, /Lịch công tác tuần 53 /);
    assert.match(res.body, /Kiểm tra công tác trực Tết/);
    assert.doesNotMatch(res.body, /main-nav|class="sidebar"|site-footer/);
    assert.match((await get(app, '/lich-cong-tac/in')).body, /Lịch công tác tuần 53 /);
    assert.match((await get(app, '/lich-cong-tac/in?tuan=hom-nay')).body, /Lịch công tác tuần 53 /);
  });

  test('iCalendar feed: text/calendar, valid lines, a window of weeks, published entries of this site only', async () => {
    const { app, ids } = ctx();
    const res = await get(app, '/lich-cong-tac.ics');
    assert.equal(res.statusCode, 200);
    assert.equal(res.headers['content-type'], 'text/calendar; charset=utf-8');
    const { events } = parseIcs(res.body);
    const uids = events.map((e) => e.get('UID')!.value);
    assert.ok(uids.includes(`lich-cong-tac-${ids.lateNight}@namhonglinh.cong`));
    assert.ok(uids.includes(`lich-cong-tac-${ids.lastWeek}@namhonglinh.cong`));
    assert.ok(!uids.includes(`lich-cong-tac-${ids.draft}@namhonglinh.cong`));
    assert.ok(!uids.includes(`lich-cong-tac-${ids.otherSite}@namhonglinh.cong`));
    assert.ok(!uids.includes(`lich-cong-tac-${ids.farPast}@namhonglinh.cong`));
    const late = events.find((e) => e.get('UID')!.value === `lich-cong-tac-${ids.lateNight}@namhonglinh.cong`)!;
    assert.equal(late.get('DTSTART')!.value, '20270101T233000');
    assert.equal(late.get('DTSTART')!.params.TZID, 'Asia/Ho_Chi_Minh');
    assert.equal(unescapeText(late.get('SUMMARY')!.value), 'Kiểm tra công tác trực Tết, phòng cháy; chữa cháy');
    assert.match(late.get('DTSTAMP')!.value, /^\d{8}T\d{6}Z$/);
    const again = parseIcs((await get(app, '/lich-cong-tac.ics')).body);
    assert.deepEqual(again.events.map((e) => e.get('UID')!.value), uids);
    assert.ok(Number(/max-age=(\d+)/.exec(String(res.headers['cache-control']))![1]) <= 60);
  });

  test('sitemap lists the schedule', async () => {
    const { app } = ctx();
    assert.match((await get(app, '/sitemap.xml')).body, /\/lich-cong-tac<\/loc>/);
  });
});

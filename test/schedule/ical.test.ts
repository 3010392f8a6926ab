import assert from 'node:assert/strict';
import { test } from 'node:test';
import { escapeText, foldLine, renderCalendar } from '../../src/features/schedule/ical.js';
import type { ScheduleEntryRow } from '../../src/kernel/db/tables/schedule.js';
import { parseIcs, unescapeText as unescape } from './ical-parse.js';

const entry = (over: Partial<ScheduleEntryRow>): ScheduleEntryRow => ({
  id: 7, site_id: 1, day: '2027-01-01', start_time: '23:30', end_time: '', content: 'Trực Tết', participants: '', place: '', leader: '',
  note: '', published: 1, created_at: '2026-12-20T01:02:03.000Z', updated_at: '2026-12-21T04:05:06.000Z', ...over,
});

test('TEXT escaping: backslash, semicolon, comma and line breaks', () => {
  assert.equal(escapeText('a\\b;c,d\ne\r\nf'), 'a\\\\b\\;c\\,d\\ne\\nf');
});

test('folding keeps every line within 75 octets and never cuts a Vietnamese character', () => {
  const long = `SUMMARY:${'Hội nghị sơ kết công tác cải cách hành chính, chuyển đổi số '.repeat(4)}`;
  const folded = foldLine(long);
  for (const l of folded.split('\r\n')) assert.ok(Buffer.byteLength(l) <= 75);
  assert.equal(folded.replace(/\r\n /g, ''), long);
  assert.doesNotMatch(folded, /\uFFFD/);
});

test('a calendar parses back: VTIMEZONE, TZID local times, stable UID, DTSTAMP in UTC, text round-trips', () => {
  const content = 'Họp "giao ban"; rà soát, kiểm tra\\ tiến độ\ndòng hai ' + 'đường giao thông nông thôn '.repeat(5);
  const ics = renderCalendar({ name: 'Lịch công tác - Hồng Lĩnh', uidDomain: 'namhonglinh.cong', pageUrl: 'https://namhonglinh.gov.vn/lich-cong-tac' }, [
    entry({ content, place: 'Phòng họp số 1, tầng 2', leader: 'Chủ tịch UBND', participants: 'Phòng Tư pháp\nPhòng Nội vụ', end_time: '23:45' }),
    entry({ id: 8, day: '2026-12-28', start_time: '07:30' }),
  ]);
  const { lines, events } = parseIcs(ics);
  assert.equal(lines[0]!.value, 'VCALENDAR');
  assert.ok(lines.some((l) => l.name === 'TZID' && l.value === 'Asia/Ho_Chi_Minh'));
  assert.ok(lines.some((l) => l.name === 'TZOFFSETTO' && l.value === '+0700'));
  assert.equal(events.length, 2);
  const e = events[0]!;
  assert.equal(e.get('UID')!.value, 'lich-cong-tac-7@namhonglinh.cong');
  assert.equal(e.get('DTSTAMP')!.value, '20261221T040506Z');
  assert.equal(e.get('DTSTART')!.params.TZID, 'Asia/Ho_Chi_Minh');
  assert.equal(e.get('DTSTART')!.value, '20270101T233000');
  assert.equal(e.get('DTEND')!.value, '20270101T234500');
  assert.equal(unescape(e.get('SUMMARY')!.value), content);
  assert.equal(unescape(e.get('LOCATION')!.value), 'Phòng họp số 1, tầng 2');
  assert.equal(unescape(e.get('DESCRIPTION')!.value), 'Chủ trì: Chủ tịch UBND\nThành phần: Phòng Tư pháp\nPhòng Nội vụ');
  assert.equal(events[1]!.has('DTEND'), false);
  assert.match(events[1]!.get('URL')!.value, /\?tuan=2026-W53$/);
});

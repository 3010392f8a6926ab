import assert from 'node:assert/strict';
import { test } from 'node:test';
import { addWeeks, currentWeek, dayLabel, parseWeek, secondsUntilNextWeek, sessionOf, weekOfDate, weeksInYear, weekTitle } from '../../src/features/schedule/week.js';

test('ISO weeks across year boundaries: 2027-01-01 is in 2026-W53, 2026-01-01 in 2026-W01', () => {
  assert.equal(weeksInYear(2026), 53);
  assert.equal(weeksInYear(2027), 52);
  assert.equal(weeksInYear(2020), 53);
  assert.equal(weekOfDate('2027-01-01').key, '2026-W53');
  assert.equal(weekOfDate('2027-01-03').key, '2026-W53');
  assert.equal(weekOfDate('2027-01-04').key, '2027-W01');
  assert.equal(weekOfDate('2026-01-01').key, '2026-W01');
  assert.equal(weekOfDate('2025-12-29').key, '2026-W01');
  assert.equal(weekOfDate('2025-12-28').key, '2025-W52');
  assert.equal(weekOfDate('2024-12-30').key, '2025-W01');
  const w53 = parseWeek('2026-W53')!;
  assert.deepEqual([w53.days[0], w53.days[6]], ['2026-12-28', '2027-01-03']);
  assert.equal(weekTitle(w53), 'Lịch công tác tuần 53 (từ 28/12/2026 đến 03/01/2027)');
  assert.equal(addWeeks(w53, 1).key, '2027-W01');
  assert.equal(addWeeks(parseWeek('2027-W01')!, -1).key, '2026-W53');
  assert.equal(addWeeks(parseWeek('2027-W52')!, 1).key, '2028-W01');
});

test('week 48 of 2026 runs Monday 23/11 to Sunday 29/11, with Vietnamese day names', () => {
  const w = parseWeek('2026-W48')!;
  assert.equal(weekTitle(w), 'Lịch công tác tuần 48 (từ 23/11/2026 đến 29/11/2026)');
  assert.deepEqual(w.days.map(dayLabel), [
    'Thứ Hai, 23/11/2026', 'Thứ Ba, 24/11/2026', 'Thứ Tư, 25/11/2026', 'Thứ Năm, 26/11/2026',
    'Thứ Sáu, 27/11/2026', 'Thứ Bảy, 28/11/2026', 'Chủ Nhật, 29/11/2026',
  ]);
});

test('bad week values are refused, not guessed', () => {
  for (const bad of ['2027-W53', '2026-W00', '2026-W54', '2026-48', 'W48', '', 'abc', '1999-W10', '2026-W4800', '2026-W48; drop table', undefined, ['2026-W48']]) {
    assert.equal(parseWeek(bad), null, String(bad));
  }
  assert.equal(parseWeek('2026-w48')!.key, '2026-W48');
  assert.equal(parseWeek('2026-W7')!.key, '2026-W07');
});

test('"this week" follows Vietnam time: Sunday 17:30 UTC is already Monday in Hà Tĩnh', () => {
  assert.equal(currentWeek(new Date('2026-11-29T16:59:59Z')).key, '2026-W48');
  assert.equal(currentWeek(new Date('2026-11-29T17:00:00Z')).key, '2026-W49');
  assert.equal(secondsUntilNextWeek(new Date('2026-11-29T16:59:00Z')), 60);
  assert.equal(secondsUntilNextWeek(new Date('2026-11-29T17:00:00Z')), 7 * 86400);
  assert.equal(currentWeek(new Date('2026-12-31T20:00:00Z')).key, '2026-W53');
});

test('sessions: Sáng before noon, Chiều until 18:00, Tối after', () => {
  assert.deepEqual(['07:30', '11:59', '12:00', '17:59', '18:00', '23:30'].map(sessionOf), ['Sáng', 'Sáng', 'Chiều', 'Chiều', 'Tối', 'Tối']);
});

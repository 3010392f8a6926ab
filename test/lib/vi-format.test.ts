import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatDate, formatDateTime, formatLongDate, formatNumber, fromLocalTime, localIsoDate } from '../../src/kernel/lib/format.js';

test('numbers use Vietnamese separators', () => {
  assert.equal(formatNumber(2763801), '2.763.801');
  assert.equal(formatNumber(105), '105');
  assert.equal(formatNumber(4.5), '4,5');
});

test('dates are Vietnamese wall-clock time, zero-padded, with the weekday', () => {
  const iso = fromLocalTime('2021-10-15T08:30');
  assert.equal(iso, '2021-10-15T01:30:00.000Z');
  assert.equal(formatDateTime(iso), 'Thứ Sáu, 15/10/2021 08:30');
  assert.equal(formatDateTime('2026-11-26T07:05:00.000Z'), 'Thứ Năm, 26/11/2026 14:05');
  assert.equal(formatDateTime('2026-11-29T00:00:00.000Z'), 'Chủ Nhật, 29/11/2026 07:00');
  assert.equal(formatDate('2008-02-01T17:00:00.000Z'), '02/02/2008', 'midnight in Hà Nội is the previous day in UTC');
  assert.equal(formatLongDate('2026-11-26T07:05:00.000Z'), 'ngày 26 tháng 11 năm 2026');
  assert.equal(localIsoDate('2021-10-14T18:00:00.000Z'), '2021-10-15');
});

test('fromLocalTime rejects what is not a local time', () => {
  assert.throws(() => fromLocalTime('15/10/2021'));
});

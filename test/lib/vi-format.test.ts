import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatDate, formatDateTime, formatLongDate, formatNumber, fromLocalTime, localIsoDate } from '../../src/kernel/lib/format.js';

test('numbers use Vietnamese separators', () => {
  assert.equal(formatNumber(2763801), '2.763.801');
  assert.equal(formatNumber(105), '105');
  assert.equal(formatNumber(4.5), '4,5');
  assert.equal(formatNumber(4.25, { minimumFractionDigits: 1, maximumFractionDigits: 1 }), '4,3');
  assert.equal(formatNumber(3 / 7, { percent: true, minimumFractionDigits: 1, maximumFractionDigits: 1 }), '42,9%');
  assert.equal(formatNumber(0, { percent: true, minimumFractionDigits: 1, maximumFractionDigits: 1 }), '0,0%');
});

test('formatNumber writes what Intl.NumberFormat vi-VN writes, without loading ICU', () => {
  const styles = [{}, { minimumFractionDigits: 1, maximumFractionDigits: 1 }, { maximumFractionDigits: 0 }, { minimumFractionDigits: 2, maximumFractionDigits: 2 }, { percent: true, minimumFractionDigits: 1, maximumFractionDigits: 1 }, { percent: true }];
  const numbers = [0, -0, 1, -1, 5, 999, 1000, 1234, 9999.9995, 99999.5, 0.5, 1.5, 2.5, -2.5, 0.05, 0.95, 0.995, 1.005, 1.0005, 4.35, 4.45, 1 / 3, 2 / 3, 3 / 7, 0.1 + 0.2, 1e-6, 123456789.123456, 2 ** 53, 1e20, 1e21, 1e-7, -1e-7, NaN, Infinity, -Infinity, -0.0001, 0.0004999, 12345678.9876];
  // Random numbers of every size, from a fixed seed.
  let seed = 42;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  for (let i = 0; i < 2000; i++) numbers.push((random() - 0.3) * 10 ** Math.floor(random() * 12 - 3), Math.round(random() * 1e6) / 1000);
  for (const style of styles) {
    const intl = new Intl.NumberFormat('vi-VN', { minimumFractionDigits: style.minimumFractionDigits, maximumFractionDigits: style.maximumFractionDigits, ...(style.percent ? { style: 'percent' } : {}) });
    for (const n of numbers) assert.equal(formatNumber(n, style), intl.format(n), `${n} ${JSON.stringify(style)}`);
  }
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

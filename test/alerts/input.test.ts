import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseLocalTime, toLocalInput, validateAlert } from '../../src/features/alerts/input.js';
import { splitLinks } from '../../src/features/alerts/public/banner.js';

test('times are read as Vietnamese wall-clock in the forms people type, and impossible ones refused', () => {
  assert.equal(parseLocalTime('2026-12-03T14:00'), '2026-12-03T07:00:00.000Z');
  assert.equal(parseLocalTime('03/12/2026 14:00'), '2026-12-03T07:00:00.000Z');
  assert.equal(parseLocalTime('3/12/2026 7h'), '2026-12-03T00:00:00.000Z');
  assert.equal(parseLocalTime('2026-12-04 00:30'), '2026-12-03T17:30:00.000Z');
  for (const bad of ['31/02/2027 08:00', '2026-13-01T10:00', '2026-12-03T24:00', '2026-12-03', 'mai', '1999-01-01T00:00']) assert.equal(parseLocalTime(bad), null, bad);
  assert.equal(toLocalInput('2026-12-03T17:30:00.000Z'), '2026-12-04T00:30');
});

test('a notice\'s text is cleaned to NFC, spaces collapsed, line breaks kept', () => {
  const r = validateAlert({ title: '  Bão\u0301  số 12 ', body: 'Dòng một  \r\n\r\n  Dòng hai', severity: 'advisory', link: '', starts: '', ends: '2027-01-01T00:00' }, new Date('2026-12-03T00:00:00Z'));
  assert.ok(r.ok);
  assert.equal(r.values.title, 'Bãó số 12'.normalize('NFC'));
  assert.equal(r.values.body, 'Dòng một\nDòng hai');
  assert.equal(r.values.starts_at, '2026-12-03T00:00:00.000Z', 'an empty start is now');
});

test('web addresses in a notice become links, without the punctuation that ends the sentence', () => {
  assert.deepEqual(splitLinks('Xem https://a.vn/x?y=1. Gọi 112'), [{ text: 'Xem ' }, { text: 'https://a.vn/x?y=1', url: 'https://a.vn/x?y=1' }, { text: '. Gọi 112' }]);
  assert.deepEqual(splitLinks('(http://b.vn)'), [{ text: '(' }, { text: 'http://b.vn', url: 'http://b.vn' }, { text: ')' }]);
  assert.deepEqual(splitLinks('javascript:alert(1) www.x.vn'), [{ text: 'javascript:alert(1) www.x.vn' }]);
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseByteRange } from '../../src/kernel/http/byte-range.js';

test('one byte range is resolved against the size: from-to, open-ended, the last n bytes, clipped at the end', () => {
  assert.deepEqual(parseByteRange('bytes=0-99', 1000), { start: 0, end: 99 });
  assert.deepEqual(parseByteRange('bytes=900-', 1000), { start: 900, end: 999 });
  assert.deepEqual(parseByteRange('bytes=-100', 1000), { start: 900, end: 999 });
  assert.deepEqual(parseByteRange('bytes=-5000', 1000), { start: 0, end: 999 });
  assert.deepEqual(parseByteRange('bytes=990-2000', 1000), { start: 990, end: 999 });
});

test('a range past the end is unsatisfiable (416); what we do not serve is ignored (the whole file)', () => {
  assert.equal(parseByteRange('bytes=1000-', 1000), 'unsatisfiable');
  assert.equal(parseByteRange('bytes=-0', 1000), 'unsatisfiable');
  assert.equal(parseByteRange('bytes=0-', 0), 'unsatisfiable');
  for (const ignored of [undefined, '', 'bytes=', 'bytes=-', 'bytes=5-2', 'bytes=0-1,5-9', 'items=0-9', 'bytes=a-b']) {
    assert.equal(parseByteRange(ignored, 1000), null, String(ignored));
  }
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { highlightAll, snippet, type TextPart } from '../../src/features/search/highlight.js';
import { parseQuery } from '../../src/kernel/search/query.js';

function q(text: string) {
  const p = parseQuery(text);
  if (p.kind !== 'ok') throw new Error(text);
  return p;
}

const show = (parts: TextPart[]) => parts.map((p) => (p.match ? `[${p.text}]` : p.text)).join('');
const SEED = 'Đảng uỷ phường Nam Hồng tổng kết 13 năm thực hiện Nghị quyết 22-NQ/TW và 10 năm thực hiện Nghị quyết 02-NQ/TU';

test('matched words are marked in their original Vietnamese spelling, whatever was typed', () => {
  assert.equal(show(highlightAll(SEED, q('nam hong'))), 'Đảng uỷ phường [Nam Hồng] tổng kết 13 năm thực hiện Nghị quyết 22-NQ/TW và 10 năm thực hiện Nghị quyết 02-NQ/TU');
  assert.equal(show(highlightAll(SEED, q('NAM HỒNG'.normalize('NFD')))), show(highlightAll(SEED, q('nam hong'))));
  assert.equal(show(highlightAll(SEED, q('dang uy'))), `[Đảng uỷ] phường Nam Hồng${SEED.slice('Đảng uỷ phường Nam Hồng'.length)}`);
  assert.equal(show(highlightAll('Đảng ủy phường', q('Đảng uỷ'))), '[Đảng ủy] phường', 'the other tone placement, as written');
});

test('a document number is marked whole, not its parts elsewhere; a lone part is marked everywhere', () => {
  assert.match(show(highlightAll(SEED, q('22-NQ/TW'))), /Nghị quyết \[22-NQ\/TW\] và .* 02-NQ\/TU$/);
  assert.match(show(highlightAll(SEED, q('nq'))), /22-\[NQ\]\/TW .* 02-\[NQ\]\/TU$/);
});

test('without the whole phrase in the text, each word is marked', () => {
  assert.equal(show(highlightAll('Hoa hồng nở rộ khắp Việt Nam', q('nam hong'))), 'Hoa [hồng] nở rộ khắp Việt [Nam]');
});

test('the snippet is cut around the best match, with ellipses, and the text is never changed', () => {
  const words = Array.from({ length: 80 }, (_, i) => `từ${i}`);
  words.splice(50, 0, 'phường', 'Nam', 'Hồng', 'Lĩnh');
  const text = words.join(' ');
  const parts = snippet(text, q('nam hong'));
  const s = show(parts);
  assert.match(s, /^… từ\d+ .*phường \[Nam Hồng\] Lĩnh .* …$/);
  assert.ok(text.includes(parts.filter((p) => !p.text.includes('…')).map((p) => p.text).join('')), 'a slice of the original');
  assert.equal(show(snippet('Ngắn gọn.', q('xyz'))), 'Ngắn gọn.', 'no match: the start of the text');
  assert.deepEqual(snippet('', q('xyz')), []);
});

test('text that looks like HTML stays text: parts carry no markup', () => {
  const parts = highlightAll('<b>Nam Hồng</b> & <script>', q('nam hong'));
  assert.equal(show(parts), '<b>[Nam Hồng]</b> & <script>');
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { nfc, searchFold, slugify } from '../../src/kernel/lib/text.js';

test('searchFold drops tones, folds đ and both tone placements, lowercases', () => {
  assert.equal(searchFold('Đảng uỷ phường Nam Hồng'), 'dang uy phuong nam hong');
  assert.equal(searchFold('Đảng ủy'), searchFold('Đảng uỷ'));
  assert.equal(searchFold('hoà'), searchFold('hòa'));
  assert.equal(searchFold('Nam Hồng'.normalize('NFD')), 'nam hong');
  assert.equal(searchFold('NAM HỒNG'), 'nam hong');
  assert.equal(searchFold('22-NQ/TW'), '22 nq tw');
  assert.equal(searchFold('  “Dân vận khéo”  '), 'dan van kheo');
});

test('slugify gives lowercase ASCII with đ→d and never cuts a word', () => {
  const title = 'Đảng uỷ phường Nam Hồng tổng kết 13 năm thực hiện Nghị quyết 22-NQ/TW và 10 năm thực hiện Nghị quyết 02-NQ/TU';
  const slug = slugify(title);
  assert.match(slug, /^[a-z0-9]+(-[a-z0-9]+)*$/);
  assert.ok(slug.startsWith('dang-uy-phuong-nam-hong-tong-ket-13-nam'), slug);
  assert.ok(slug.length <= 80);
  const words = searchFold(title).split(' ');
  for (const part of slug.split('-')) assert.ok(words.includes(part), `"${part}" is a whole word`);
  assert.equal(slugify('Điện Biên', 5), 'dien');
  assert.equal(slugify('Thông báo', 6), 'thong');
  assert.equal(slugify('Đường', 3), 'duo', 'a single long word keeps its head rather than nothing');
  assert.equal(slugify('!!!'), '');
});

test('nfc composes decomposed input', () => {
  const decomposed = 'Hồng Lĩnh'.normalize('NFD');
  assert.notEqual(decomposed, 'Hồng Lĩnh');
  assert.equal(nfc(decomposed), 'Hồng Lĩnh');
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { compareVietnamese, sortVietnamese } from '../../src/kernel/lib/vi-collate.js';

const icu = new Intl.Collator('vi');
const sign = (x: number) => Math.sign(x);

test('Vietnamese order: alphabet, tones, then case', () => {
  const words = ['Ủy ban', 'ba', 'Bà', 'bà', 'bạ', 'bả', 'bã', 'bá', 'Bộ Tài chính', 'Bộ tài chính', 'Chính phủ', 'Đảng ủy', 'dân', 'Hội đồng nhân dân', 'Hội-đồng', 'UBND', 'Uỷ ban', 'ưu tiên', 'ơn', 'ôn', 'on', 'ăn', 'ân', 'an', 'Y tế', 'Xây dựng', '2025', 'Đất đai'];
  assert.deepEqual([...words].sort(compareVietnamese), [...words].sort(icu.compare));
  assert.deepEqual(sortVietnamese(words), [...words].sort(icu.compare));
  assert.deepEqual(['đ', 'd', 'e'].sort(compareVietnamese), ['d', 'đ', 'e']);
  assert.deepEqual(['bá', 'bạ', 'bà', 'ba', 'bã', 'bả'].sort(compareVietnamese), ['ba', 'bà', 'bả', 'bã', 'bá', 'bạ']);
});

test('compareVietnamese agrees with Intl.Collator("vi") on random Vietnamese text', () => {
  const letters = [...'aăâbcdđeêghiklmnoôơpqrstuưvxyAĂÂBCDĐEÊGHIKLMNOÔƠPQRSTUƯVXYfjwzFJWZ'];
  const tones = ['', '\u0300', '\u0309', '\u0303', '\u0301', '\u0323'];
  const others = [' ', ' ', '-', ',', '.', '(', ')', '/', '0', '1', '7', '9', '&', ':'];
  let seed = 7;
  const random = (n: number) => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % n;
  const word = () => {
    let s = '';
    for (let i = 0, n = 1 + random(8); i < n; i++) {
      if (random(6) === 0) s += others[random(others.length)];
      else s += (letters[random(letters.length)]! + (random(2) ? tones[random(tones.length)] : '')).normalize('NFC');
    }
    return s;
  };
  const pool = Array.from({ length: 600 }, word);
  // Near neighbours too: the same word with one letter's tone or case changed.
  for (let i = 0; i < 300; i++) {
    const w = pool[i]!;
    pool.push(w.toUpperCase(), w.normalize('NFD').replace(/[\u0300\u0309\u0303\u0301\u0323]/g, '').normalize('NFC'), `${w} ${pool[i + 1]}`);
  }
  let checked = 0;
  for (let i = 0; i < pool.length; i++) {
    for (let j = i + 1; j < pool.length; j += 7) {
      assert.equal(sign(compareVietnamese(pool[i]!, pool[j]!)), sign(icu.compare(pool[i]!, pool[j]!)), `${JSON.stringify(pool[i])} vs ${JSON.stringify(pool[j])}`);
      checked++;
    }
  }
  assert.ok(checked > 50_000);
});

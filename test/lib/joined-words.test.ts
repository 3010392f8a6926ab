import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { joinedWords, replaceJoinedWords } from '../../src/kernel/search/joined-words.js';
import { JOINED } from '../../src/kernel/search/text.js';

const ROOT = join(import.meta.dirname, '../..');
const byPattern = (text: string) => [...text.matchAll(JOINED)].map((m) => ({ word: m[0], index: m.index }));

/** Deterministic pseudo-random numbers (mulberry32). */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a |= 0;
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Word characters of every kind the pattern knows (ASCII, Vietnamese, a combining mark, digits of
// another script, an astral letter and digit), separators, and what is neither (a lone surrogate too).
const PIECES = [
  'a', 'Z', '7', '0', 'Đ', 'ư', 'ờ', 'ệ', 'ă', '\u0301', '٣', '𝐀', '𝟗', 'ß',
  '-', '–', '/', '.', '_', '-', '/', '.',
  ' ', ' ', ',', ';', '&', '#', '(', ')', '"', '—', '\u00a0', '\n', '\ud800', '\udc00', '+',
];

test('joinedWords finds what matchAll(JOINED) finds, at the same places, in 20,000 random texts', () => {
  const r = random(7);
  for (let n = 0; n < 20_000; n++) {
    let text = '';
    const length = 1 + Math.floor(r() * 40);
    for (let i = 0; i < length; i++) text += PIECES[Math.floor(r() * PIECES.length)];
    assert.deepEqual(joinedWords(text), byPattern(text), JSON.stringify(text));
  }
});

test('joinedWords agrees with the pattern on document numbers and on the real Hồng Lĩnh page', () => {
  const samples = [
    'Nghị quyết số 22-NQ/TW ngày 15/10/2021; Quyết định 123/QĐ-UBND và 2010–2015.',
    'v1.2.3_beta, a-, -b, a--b, a-b-, /x/y/, 3.5., ..., Đảng-ủy, e\u0301-f',
    '', '-', 'a', 'a-b', '𝐀-𝐀', '\ud800-a', 'a-\udc00',
  ];
  const seed = readFileSync(join(ROOT, 'test/fixtures/hong-linh-seed.json'), 'utf8');
  for (const text of [...samples, seed]) assert.deepEqual(joinedWords(text), byPattern(text), text.slice(0, 80));
  assert.deepEqual(joinedWords(samples[0]!).map((w) => w.word), ['22-NQ/TW', '15/10/2021', '123/QĐ-UBND', '2010–2015']);
  assert.ok(byPattern(seed).length > 10, 'the real page names joined words');
});

test('replaceJoinedWords is text.replace(JOINED, …)', () => {
  const r = random(11);
  const mark = (word: string, index: number) => `[${word}@${index}]`;
  for (let n = 0; n < 5_000; n++) {
    let text = '';
    for (let i = 0, length = Math.floor(r() * 30); i < length; i++) text += PIECES[Math.floor(r() * PIECES.length)];
    assert.equal(replaceJoinedWords(text, joinedWords(text), mark), text.replace(JOINED, mark), JSON.stringify(text));
  }
});

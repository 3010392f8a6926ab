import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseQuery, MAX_QUERY_LENGTH, type ParsedQuery } from '../../src/kernel/search/query.js';
import { tsQuery } from '../../src/features/search/postgres-fts.js';
import { ftsExpression } from '../../src/features/search/sqlite-fts.js';
import { tiers } from '../../src/features/search/engine.js';
import { toneVariants } from '../../src/kernel/search/text.js';

function ok(text: string | string[]) {
  const q = parseQuery(text);
  assert.equal(q.kind, 'ok', `${text} → ${JSON.stringify(q)}`);
  return q as Extract<ParsedQuery, { kind: 'ok' }>;
}

test('diacritics, case and NFD input give the same tokens', () => {
  for (const t of ['nam hong', 'Nam Hồng', 'NAM HỒNG', 'Nam Hồng'.normalize('NFD'), '  nam   hồng  ']) {
    assert.deepEqual(ok(t).clauses, [['nam'], ['hong']], t);
  }
  assert.equal(ok('Nam Hồng'.normalize('NFD')).text, 'Nam Hồng', 'shown back in NFC');
  assert.deepEqual(ok('Đảng uỷ').terms, ok('dang uy').terms);
  assert.deepEqual(ok('Đảng ủy').terms, ok('Đảng uỷ').terms);
});

test('document numbers are phrases, found whole; their parts are ordinary words', () => {
  assert.deepEqual(ok('22-NQ/TW').clauses, [['22', 'nq', 'tw']]);
  assert.deepEqual([...ok('22-NQ/TW').codes], [['22 nq tw', '22nqtw']], 'looked up as one token');
  assert.deepEqual(ok('Quyết định 123/QĐ-UBND,').clauses, [['quyet'], ['dinh'], ['123', 'qd', 'ubnd']]);
  assert.deepEqual(ok('qd ubnd').clauses, [['qd'], ['ubnd']]);
  assert.deepEqual(ok('nq').clauses, [['nq']]);
});

test('quoted phrases, with straight or typographic quotes; a quote left open is punctuation', () => {
  assert.deepEqual(ok('"dân vận khéo" nam').clauses, [['dan', 'van', 'kheo'], ['nam']]);
  assert.deepEqual(ok('“dân vận khéo”').clauses, [['dan', 'van', 'kheo']]);
  assert.deepEqual(ok('"dân vận khéo').clauses, [['dan'], ['van'], ['kheo']]);
});

test('operators and syntax people type are ignored, never passed on', () => {
  assert.deepEqual(ok('nam AND hong OR NOT * ^ ( ) "').clauses, [['nam'], ['hong']]);
  assert.deepEqual(ok('hong* -nam +lĩnh ~2 NEAR(nam hong)').terms, ['hong', 'nam', 'linh', '2', 'near']);
  assert.deepEqual(ok("'; DROP TABLE articles; --").terms, ['drop', 'table', 'articles']);
});

test('bad inputs give a Vietnamese message instead of a query', () => {
  assert.equal(parseQuery('').kind, 'empty');
  assert.equal(parseQuery('    ').kind, 'empty');
  assert.equal(parseQuery(undefined).kind, 'empty');
  assert.equal(parseQuery({ q: 1 }).kind, 'empty');
  for (const t of ['!!! ??? ...', '😀🎉🇻🇳', '"" () * ^', '—–…']) {
    const q = parseQuery(t);
    assert.equal(q.kind, 'invalid', t);
    assert.match((q as { message: string }).message, /ít nhất một chữ cái hoặc chữ số/);
  }
  const long = parseQuery('nam hồng '.repeat(60));
  assert.equal(long.kind, 'invalid');
  assert.match((long as { message: string }).message, new RegExp(`vượt quá ${MAX_QUERY_LENGTH} ký tự`));
  assert.equal(parseQuery('a'.repeat(MAX_QUERY_LENGTH)).kind, 'ok');
  assert.deepEqual(ok(['nam hong', 'x']).terms, ['nam', 'hong'], 'a repeated parameter: the first');
});

test('the engine syntax is rebuilt from folded tokens only, whatever was typed', () => {
  const hostile = ['x" OR 1=1 --', "a') | !b:*", '{title_fold}: NEAR("a" "b")', "'; DROP TABLE articles; --", 'ê\'"\\', "1'-2\"/3", 'a-b) OR (c'];
  for (const text of hostile) {
    const q = parseQuery(text);
    if (q.kind !== 'ok') continue;
    for (const spec of tiers(q).filter((t) => t !== null)) {
      const fts = ftsExpression({ siteId: 1, lo: 0, hi: 1 }, spec);
      assert.match(fts, /^(\{title_fold( body_fold)?\}: \(("[a-z0-9 ]+"( AND )?)+\))?( AND )?(\{codes\}: \(("[a-z0-9]+"( AND )?)+\))? AND \{scope\}: "s1"$/, fts);
      const ts = tsQuery(spec);
      assert.doesNotMatch(ts.replace(/'[a-z0-9]+'(:[AB])?/g, ''), /[^()&|<\->\s]/, ts);
    }
  }
});

test('a query asks the engine for up to three lists: title phrase, title words, words', () => {
  const count = (t: string) => tiers(ok(t)).filter((x) => x !== null).length;
  assert.equal(count('nam hong'), 3);
  assert.equal(count('hong'), 2);
  assert.equal(count('22-NQ/TW'), 2, 'one phrase is its own title phrase');
});

test('both tone placements count as the exact spelling', () => {
  assert.deepEqual(new Set(toneVariants('hoà')), new Set(['hoà', 'hòa']));
  assert.ok(toneVariants('uỷ').includes('ủy'));
  assert.ok(toneVariants('Thủy').includes('thuỷ'));
  assert.deepEqual(toneVariants('nam'), ['nam']);
  assert.ok(!toneVariants('lửa').includes('lúa'));
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { seedDemoIfEmpty } from '../../src/demo.js';
import type { FoldedTextEngine, SearchResults } from '../../src/features/search/engine.js';
import { PostgresFtsEngine } from '../../src/features/search/postgres-fts.js';
import { parseQuery } from '../../src/kernel/search/query.js';
import { SqliteFtsEngine } from '../../src/features/search/sqlite-fts.js';
import { NAM_HONG_LINH } from '../helpers/app.js';
import { describeEachDb } from '../helpers/db.js';
import { addExtraArticles, NOW } from './helpers.js';

/**
 * SQLite and PostgreSQL return the same results, in the same order, with the same snippets, for
 * a fixed set of queries — including pages beyond the ranked candidates and beyond the count
 * limit (one run ranks the newest 4 and 3 per title list and counts to 12, as a large site would).
 */
const QUERIES = [
  'nam hong', 'Nam Hồng', 'NAM HỒNG', 'Nam Hồng'.normalize('NFD'), 'dang uy', 'Đảng ủy', 'uỷ ban nhân dân',
  'hoà giải', 'thủy lợi', '22-NQ/TW', 'nq', '123/QĐ-UBND', 'qd ubnd', '"dân vận khéo"', 'dân vận khéo',
  'lửa', 'lua', 'sầu riêng', 'bánh chưng', 'hong linh', 'nông thôn mới', 'Hồng Lĩnh 2025', 'chuyển đổi số',
  "'; DROP TABLE articles; --", 'nam AND hong OR NOT',
];

type Outcome = Record<string, { total: number; capped: boolean; pages: SearchResults['hits'][] }>;
const outcomes = new Map<string, Outcome>();

async function runAll(engine: FoldedTextEngine, db: Parameters<FoldedTextEngine['search']>[0]): Promise<Outcome> {
  const out: Outcome = {};
  for (const text of QUERIES) {
    const q = parseQuery(text);
    if (q.kind !== 'ok') throw new Error(text);
    const first = await engine.search(db, 1, q, { now: NOW }, 1);
    const pages = [first.hits];
    for (let p = 2; p <= first.pages; p++) pages.push((await engine.search(db, 1, q, { now: NOW }, p)).hits);
    out[text] = { total: first.total, capped: first.capped, pages };
  }
  return out;
}

describeEachDb('the fixed query set', async (db) => {
  await seedDemoIfEmpty(db, db.media);
  await addExtraArticles(db.db, NAM_HONG_LINH);
  return {};
}, (get) => {
  test('runs, pages completely and without repeats', async () => {
    const { db } = get();
    for (const [name, limits] of [['small', { newest: 4, perTitleTier: 3, maxCounted: 12 }], ['default', {}]] as const) {
      const engine = db.dialect === 'sqlite' ? new SqliteFtsEngine(limits) : new PostgresFtsEngine(limits);
      const outcome = await runAll(engine, db.db);
      for (const [text, { total, capped, pages }] of Object.entries(outcome)) {
        const seen = pages.flat().map((h) => h.id);
        if (capped) assert.ok(seen.length >= total, `${text}: at least the ${total} counted`);
        else assert.equal(seen.length, total, text);
        assert.equal(new Set(seen).size, seen.length, `${text}: no article twice`);
      }
      assert.ok(outcome['nam hong']!.total > 10, 'a query with many pages is in the set');
      if (name === 'small') assert.ok(outcome['nam hong']!.capped, 'and one beyond the count limit');
      outcomes.set(`${db.dialect} ${name}`, outcome);
    }
  });
});

test('SQLite and PostgreSQL give identical result ids, order and snippets', (t) => {
  for (const limits of ['small', 'default']) {
    const sqlite = outcomes.get(`sqlite ${limits}`);
    const postgres = outcomes.get(`postgres ${limits}`);
    if (!sqlite || !postgres) return t.skip('needs both engines');
    for (const text of QUERIES) {
      assert.deepEqual(postgres[text]!.pages.map((p) => p.map((h) => h.id)), sqlite[text]!.pages.map((p) => p.map((h) => h.id)), text);
      assert.deepEqual(postgres[text], sqlite[text], `${text}: same titles, dates, categories and snippets`);
    }
  }
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { seedDemoIfEmpty } from '../../src/demo.js';
import { NAM_HONG_LINH, BAC_HONG_LINH } from '../helpers/app.js';
import { describeEachDb } from '../helpers/db.js';
import { addExtraArticles, commandContext, ids, publishNew, search } from './helpers.js';

/** What finds what: diacritics, case, Unicode forms, tone placement, document numbers, phrases. */
describeEachDb('search matching', async (db) => {
  await seedDemoIfEmpty(db, db.media);
  const extra = await addExtraArticles(db.db, NAM_HONG_LINH);
  const ward = await publishNew(await commandContext(db.db, BAC_HONG_LINH), { title: 'Giải pickleball tổ dân phố Đậu Liêu mở rộng', at: '2026-04-01T01:00:00.000Z' });
  const seed = await db.db.selectFrom('articles').select('id').where('legacy_id', '=', '614123').executeTakeFirstOrThrow();
  return { extra, ward, seedId: seed.id };
}, (get) => {
  const find = (text: string) => ids(get().db.db, 1, text);

  test('"nam hong", "Nam Hồng", "NAM HỒNG" and NFD "Nam Hồng" find the same articles, the seed among them', async () => {
    const base = await find('nam hong');
    assert.ok(base.includes(get().seedId));
    for (const t of ['Nam Hồng', 'NAM HỒNG', 'Nam Hồng'.normalize('NFD'), 'nAm HoNg']) {
      assert.deepEqual(new Set(await find(t)), new Set(base), t);
    }
  });

  test('"dang uy" finds "Đảng uỷ"; "uỷ" and "ủy" find each other', async () => {
    const { seedId } = get();
    assert.ok((await find('dang uy')).includes(seedId));
    assert.ok((await find('Đảng ủy phường Nam Hồng')).includes(seedId), 'ủy finds the seed written with uỷ');
    const newStyle = await find('Đảng ủy');
    assert.deepEqual(new Set(await find('Đảng uỷ')), new Set(newStyle));
    const titles = await get().db.db.selectFrom('articles').select('title').where('id', 'in', newStyle).execute();
    assert.ok(titles.some((t) => t.title.includes('uỷ')) && titles.some((t) => t.title.includes('ủy')), 'both spellings found');
  });

  test('"hoà" and "hòa", "thuỷ" and "thủy" find each other', async () => {
    const { extra } = get();
    for (const t of ['hoà giải', 'hòa giải']) assert.ok((await find(t)).includes(extra.mediation), t);
    assert.deepEqual(new Set(await find('hoà giải')), new Set(await find('hòa giải')));
    for (const t of ['thuỷ lợi', 'thủy lợi', 'thuy loi']) assert.ok((await find(t)).includes(extra.irrigation), t);
    assert.deepEqual(new Set(await find('thuỷ')), new Set(await find('thủy')));
    assert.ok((await find('thuỷ')).length >= 2, 'the demo article written "thủy" too');
  });

  test('document numbers are found whole and by parts', async () => {
    const { seedId, extra } = get();
    for (const t of ['22-NQ/TW', '22-nq/tw', 'NQ', 'nq tw', '22 NQ TW', 'Nghị quyết 22-NQ/TW', '22-NQ', 'NQ/TW', 'số 22-NQ/TW,']) assert.ok((await find(t)).includes(seedId), t);
    for (const t of ['123/QĐ-UBND', '123/qd-ubnd', 'qd ubnd', 'QĐ-UBND', '123']) assert.ok((await find(t)).includes(extra.decision), t);
    assert.ok(!(await find('123/QĐ-UBND')).includes(seedId));
    assert.deepEqual(await find('22-NQ/TU'), [], 'the whole number must match: 22-NQ/TW is not 22-NQ/TU');
  });

  test('a quoted phrase needs its words together and in order', async () => {
    const { extra, seedId } = get();
    const quoted = await find('"dân vận khéo"');
    assert.ok(quoted.includes(seedId));
    assert.ok(!quoted.includes(extra.skilful), 'khéo … vận … dân is not the phrase');
    assert.ok((await find('dân vận khéo')).includes(extra.skilful), 'unquoted, the words anywhere');
    assert.deepEqual(new Set(await find('“dân vận khéo”')), new Set(quoted), 'typographic quotes too');
  });

  test('every word must match; operators typed are ignored', async () => {
    assert.deepEqual(await find('nam hong xyzkhongco'), []);
    assert.deepEqual(new Set(await find('nam AND hong')), new Set(await find('nam hong')));
    assert.deepEqual(new Set(await find('(nam OR hong)*')), new Set(await find('nam hong')));
    assert.deepEqual(await find("'; DROP TABLE articles; --"), []);
    const still = await get().db.db.selectFrom('articles').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    assert.ok(Number(still.n) > 50, 'articles untouched');
  });

  test('results are scoped to the site searched', async () => {
    const { db } = get();
    for (const siteId of [1, 2]) {
      const found = await ids(db.db, siteId, 'nam hong');
      assert.ok(found.length > 0);
      const sites = await db.db.selectFrom('articles').select('site_id').distinct().where('id', 'in', found).execute();
      assert.deepEqual(sites.map((s) => s.site_id), [siteId]);
    }
    assert.deepEqual(await ids(db.db, 2, 'pickleball'), [get().ward]);
    assert.deepEqual(await ids(db.db, 1, 'pickleball'), [], 'the ward\'s article is not on the town site');
  });

  test('filters: category (with its subcategories) and date range', async () => {
    const { db, seedId } = get();
    const cat = await db.db.selectFrom('categories').select('id').where('site_id', '=', 1).where('slug', '=', 'xay-dung-dang').executeTakeFirstOrThrow();
    const inCat = await ids(db.db, 1, 'nam hong', { categoryIds: [cat.id] });
    assert.ok(inCat.includes(seedId));
    const cats = await db.db.selectFrom('articles').select('category_id').distinct().where('id', 'in', inCat).execute();
    assert.deepEqual(cats.map((c) => c.category_id), [cat.id]);
    const day = await ids(db.db, 1, 'nam hong', { from: new Date('2021-10-14T17:00:00.000Z'), to: new Date('2021-10-15T16:59:59.999Z') });
    assert.deepEqual(day, [seedId]);
    assert.deepEqual(await ids(db.db, 1, 'nam hong', { from: new Date('2030-01-01T00:00:00.000Z') }), []);
  });

  test('the count is exact and pages neither overlap nor skip', async () => {
    const { db } = get();
    const first = await search(db.db, 1, 'hong');
    assert.ok(first.total > 20 && first.pages === Math.ceil(first.total / 10));
    const all = await ids(db.db, 1, 'hong');
    assert.equal(all.length, first.total);
    assert.equal(new Set(all).size, all.length);
  });
});

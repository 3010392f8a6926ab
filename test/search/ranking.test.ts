import assert from 'node:assert/strict';
import { test } from 'node:test';
import { seedDemoIfEmpty } from '../../src/demo.js';
import { NAM_HONG_LINH } from '../helpers/app.js';
import { describeEachDb } from '../helpers/db.js';
import { addExtraArticles, commandContext, ids, publishNew } from './helpers.js';

/** The order of results: phrase and proximity, title over body, exact diacritics, recency. */
describeEachDb('search ranking', async (db) => {
  await seedDemoIfEmpty(db, db.media);
  const extra = await addExtraArticles(db.db, NAM_HONG_LINH);
  const seed = await db.db.selectFrom('articles').select('id').where('legacy_id', '=', '614123').executeTakeFirstOrThrow();
  return { extra, seedId: seed.id };
}, (get) => {
  const find = (text: string) => ids(get().db.db, 1, text);
  const before = (list: number[], a: number, b: number, why: string) => {
    assert.ok(list.includes(a) && list.includes(b), `${why}: both found`);
    assert.ok(list.indexOf(a) < list.indexOf(b), `${why}: ${a} before ${b} in ${list.join(',')}`);
  };

  test('"nam hong" ranks "phường Nam Hồng" above the newer "Hoa hồng … Việt Nam"', async () => {
    const { extra, seedId } = get();
    const list = await find('nam hong');
    before(list, seedId, extra.roses, 'phrase over scattered words');
    const ahead = await get().db.db.selectFrom('search_documents').select(['title', 'body']).where('article_id', 'in', list.slice(0, list.indexOf(extra.roses))).execute();
    for (const d of ahead) assert.match(`${d.title} ${d.body}`, /Nam Hồng/i, `only phrase matches come first: ${d.title}`);
  });

  test('title above body', async () => {
    const { extra } = get();
    for (const t of ['sầu riêng', 'sau rieng']) before(await find(t), extra.durianTitle, extra.durianBody, t);
  });

  test('the exact diacritics typed rank above a match that is only the same when folded', async () => {
    const { extra } = get();
    const fire = await find('lửa');
    assert.equal(fire[0], extra.fire, 'lửa (fire) before every lúa (rice) and lứa');
    before(fire, extra.fire, extra.rice, 'exact over newer folded-only');
    before(await find('lúa'), extra.rice, extra.fire, 'lúa (rice) before lửa');
    before(await find('lua'), extra.rice, extra.fire, 'typed without diacritics: the newer first');
    // Both tone placements are exact: the old-style "hoà" article ranks as exact for "hòa giải".
    assert.equal((await find('hòa giải'))[0], extra.mediation);
  });

  test('a spelling with letters beyond the BMP ("fancy" bold text pasted from Facebook) is compared on the body itself', async () => {
    // The database answers the exact-spelling question from body_words, which cannot hold such
    // words faithfully: the body is read instead, and the older exact match still wins.
    const cx = await commandContext(get().db.db, NAM_HONG_LINH);
    const exact = await publishNew(cx, { title: 'Thông tin về lịch cắt điện', body: '<p>𝐓𝐡𝐨̂𝐧𝐠 𝐛𝐚́𝐨 lịch cắt điện tuần này.</p>', at: '2026-03-13T02:00:00.000Z' });
    const folded = await publishNew(cx, { title: 'Thông tin về lịch cấp nước', body: '<p>𝐓𝐡𝐨𝐧𝐠 𝐛𝐚𝐨 lịch cấp nước tuần này.</p>', at: '2026-03-14T02:00:00.000Z' });
    before(await find('𝐓𝐡𝐨̂𝐧𝐠 𝐛𝐚́𝐨'), exact, folded, 'exact in the body over newer folded-only');
    before(await find('𝐓𝐡𝐨𝐧𝐠 𝐛𝐚𝐨'), folded, exact, 'typed without diacritics: the newer first');
  });

  test('recency breaks ties', async () => {
    const { extra } = get();
    before(await find('bánh chưng'), extra.cakeNew, extra.cakeOld, 'same match, newer first');
    before(await find('hội thi gói bánh chưng'), extra.cakeNew, extra.cakeOld, 'same phrase in both titles');
  });

  test('a quoted phrase and a document number rank title matches first', async () => {
    const { seedId } = get();
    assert.equal((await find('22-NQ/TW'))[0], seedId);
    assert.equal((await find('"Đảng uỷ phường Nam Hồng"'))[0], seedId);
  });
});

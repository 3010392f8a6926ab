import assert from 'node:assert/strict';
import { test } from 'node:test';
import { seedDemoIfEmpty } from '../../src/demo.js';
import * as repo from '../../src/features/sites/admin-repo.js';
import { listMenu } from '../../src/features/sites/menu-repo.js';
import { features } from '../../src/features/index.js';
import { sectionsOf } from '../../src/kernel/feature.js';
import { describeEachDb } from '../helpers/db.js';

/** The tenancy rule for the site-management queries: none returns another site's rows. */
describeEachDb('site-management queries stay inside their site', async (db) => {
  await seedDemoIfEmpty(db, db.media);
  // Each demo site has a menu of categories and sections; add that site's first page to it.
  for (const siteId of [1, 2]) {
    const p = await db.db.selectFrom('pages').select('id').where('site_id', '=', siteId).executeTakeFirstOrThrow();
    await db.db.insertInto('menu_items').values({ site_id: siteId, category_id: null, page_id: p.id, position: 99 }).execute();
  }
  return {};
}, (get) => {
  for (const [mine, theirs] of [[1, 2], [2, 1]] as const) {
    test(`site ${mine}`, async () => {
      const db = get().db.db;
      const ids = async (table: 'pages' | 'map_offices' | 'categories' | 'menu_items', siteId: number) =>
        new Set((await db.selectFrom(table).select('id').where('site_id', '=', siteId).execute()).map((r) => r.id));
      const [myPages, myCats, myMenu] = [await ids('pages', mine), await ids('categories', mine), await ids('menu_items', mine)];
      for (const p of await repo.listPagesAdmin(db, mine)) assert.ok(myPages.has(p.id));
      for (const id of await ids('pages', theirs)) assert.equal(await repo.findPageById(db, mine, id), undefined);
      for (const id of await ids('map_offices', theirs)) assert.equal(await repo.findOffice(db, mine, id), undefined);
      for (const id of (await repo.countArticlesByCategory(db, mine)).keys()) assert.ok(myCats.has(id));
      const menu = await listMenu(db, mine, sectionsOf(features));
      assert.equal(menu.length, myMenu.size);
      assert.deepEqual(new Set(menu.map((m) => m.kind)), new Set(['category', 'page', 'section']));
      for (const m of menu) assert.ok(myMenu.has(m.id));
      assert.ok(menu.every((m) => (m.kind === 'category' ? myCats.has(m.targetId) : m.kind === 'page' ? myPages.has(m.targetId) : m.section === m.slug)));
    });
  }
});

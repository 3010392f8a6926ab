import assert from 'node:assert/strict';
import { test } from 'node:test';
import { describeEachDb } from '../helpers/db.js';
import { BAC_HONG_LINH } from '../helpers/app.js';
import { publicGet, setupSiteAdmin } from './helpers.js';

/** A category or a page that gets a new slug keeps its old address as a 301 to the new one. */
describeEachDb('old addresses after a slug change', setupSiteAdmin, (get) => {
  test('a category moved to a new slug: the old address, its pages and its feed answer 301 to the new ones', async () => {
    const { admin, app, db } = get();
    const cat = await db.db.selectFrom('categories').selectAll().where('site_id', '=', 1).where('slug', '=', 'kinh-te').executeTakeFirstOrThrow();
    assert.equal((await publicGet(app, '/chuyen-muc/kinh-te')).statusCode, 200, 'cached under the old slug first');
    const save = (slug: string) => admin.post(`/quan-tri/trang-web/chuyen-muc/${cat.id}`, { name: cat.name, slug, parent_id: '' });
    assert.equal((await save('kinh-te-phat-trien')).statusCode, 303);

    for (const [from, to] of [
      ['/chuyen-muc/kinh-te', '/chuyen-muc/kinh-te-phat-trien'],
      ['/chuyen-muc/kinh-te/trang-2', '/chuyen-muc/kinh-te-phat-trien/trang-2'],
      ['/chuyen-muc/kinh-te/rss.xml', '/chuyen-muc/kinh-te-phat-trien/rss.xml'],
      ['/chuyen-muc/kinh-te?utm_source=zalo', '/chuyen-muc/kinh-te-phat-trien?utm_source=zalo'],
    ]) {
      const res = await publicGet(app, from!);
      assert.equal(res.statusCode, 301, from);
      assert.equal(res.headers.location, to, from);
    }
    assert.equal((await publicGet(app, '/chuyen-muc/kinh-te-phat-trien')).statusCode, 200);
    assert.equal((await publicGet(app, '/chuyen-muc/kinh-te', BAC_HONG_LINH)).statusCode, 404, 'another site has no such move');
    assert.equal((await publicGet(app, '/chuyen-muc/khong-co-bao-gio')).statusCode, 404);

    // Moved again, then back: no chain, no loop.
    assert.equal((await save('kinh-te-2027')).statusCode, 303);
    assert.equal((await publicGet(app, '/chuyen-muc/kinh-te')).headers.location, '/chuyen-muc/kinh-te-2027', 'straight to the newest address');
    assert.equal((await save('kinh-te')).statusCode, 303);
    assert.equal((await publicGet(app, '/chuyen-muc/kinh-te')).statusCode, 200, 'the old address is live again');
    assert.equal((await publicGet(app, '/chuyen-muc/kinh-te-phat-trien')).headers.location, '/chuyen-muc/kinh-te');
    assert.equal((await publicGet(app, '/chuyen-muc/kinh-te-2027')).headers.location, '/chuyen-muc/kinh-te');
  });

  test('a static page moved to a new slug answers 301 at its old address', async () => {
    const { admin, app, db } = get();
    const page = await db.db.selectFrom('pages').selectAll().where('site_id', '=', 1).where('slug', '=', 'lien-he').executeTakeFirstOrThrow();
    const res = await admin.post(`/quan-tri/trang-web/trang-tinh/${page.id}`, { title: page.title, slug: 'lien-he-ubnd', body: page.body_html });
    assert.equal(res.statusCode, 303, res.body.slice(0, 300));
    const old = await publicGet(app, '/trang/lien-he');
    assert.equal(old.statusCode, 301);
    assert.equal(old.headers.location, '/trang/lien-he-ubnd');
    assert.equal((await publicGet(app, '/trang/lien-he-ubnd')).statusCode, 200);
  });
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildTestApp, BAC_HONG_LINH, NAM_HONG_LINH, THI_XA_HONG_LINH } from '../helpers/app.js';
import { describeEachDb, type TestDb } from '../helpers/db.js';

async function setup(db: TestDb) {
  // No page cache: every request renders, so the queries of a render can be counted.
  return { app: await buildTestApp(db, { cacheSeconds: 0 }) };
}

const mainOf = (html: string) => /<main[\s\S]*<\/main>/.exec(html)?.[0] ?? '';
const pictures = (html: string) => [...mainOf(html).matchAll(/<picture[\s\S]*?<\/picture>/g)].map((m) => m[0]);

describeEachDb('pictures on the home page and in article lists', setup, (get) => {
  test('the demo home of both live wards shows the featured cover (with its alt text) and list thumbnails, in responsive sizes', async () => {
    const { app } = get();
    for (const host of [NAM_HONG_LINH, BAC_HONG_LINH]) {
      const res = await app.inject({ url: '/', headers: { host } });
      assert.equal(res.statusCode, 200);
      const pics = pictures(res.body);
      assert.ok(pics.length >= 4, `${host}: ${pics.length} pictures`);
      const featured = /<section class="featured"[\s\S]*?<\/section>/.exec(res.body)?.[0] ?? '';
      const cover = /<picture class="featured-cover">[\s\S]*?<\/picture>/.exec(featured)?.[0];
      assert.ok(cover, `${host}: featured cover`);
      assert.match(cover, /alt="Tranh minh họa: [^"]+"/);
      assert.match(cover, /<source type="image\/webp" srcset="[^"]+ 480w, [^"]+ 960w"/);
      assert.match(cover, /srcset="[^"]+-480\.jpg 480w, [^"]+\.jpg 960w"/);
      assert.match(cover, /width="960" height="600"/);
      // Thumbnails repeat the title beside them: empty alt, lazily loaded, at thumbnail sizes.
      const thumbs = pics.filter((p) => p.includes('class="item-thumb"'));
      assert.ok(thumbs.length >= 3, `${host}: ${thumbs.length} thumbnails`);
      for (const t of thumbs) {
        assert.match(t, / alt(="")?[ />]/); // preact writes an empty alt as the bare attribute
        assert.match(t, /loading="lazy"/);
        assert.match(t, /sizes="\(max-width: 600px\) 7\.5rem, 10rem"/);
      }
      // Every picture is a file of the site's own library that answers.
      const src = /<img src="([^"]+)"/.exec(cover)![1]!;
      assert.ok(src.startsWith(`/media/${host.split('.')[0]}/`), src);
      const file = await app.inject({ url: src, headers: { host } });
      assert.equal(file.statusCode, 200);
      assert.equal(file.headers['content-type'], 'image/jpeg');
    }
  });

  test('the archived former town gets no pictures', async () => {
    const { app, db } = get();
    const media = await db.db.selectFrom('media').select('id').where('site_id', '=', 3).execute();
    assert.equal(media.length, 0);
    const res = await app.inject({ url: '/', headers: { host: THI_XA_HONG_LINH } });
    assert.equal(pictures(res.body).length, 0);
  });

  test('a category page shows thumbnails, and their covers cost one query for the whole list', async () => {
    const { app, db } = get();
    const queries = async (url: string) => {
      let n = 0;
      const stop = db.queries!.observe(() => n++);
      const res = await app.inject({ url, headers: { host: NAM_HONG_LINH } });
      stop();
      assert.equal(res.statusCode, 200);
      return { n, res };
    };
    const url = '/chuyen-muc/tin-tuc-su-kien';
    const cat = await db.db.selectFrom('categories').select('id').where('site_id', '=', 1).where('slug', '=', 'tin-tuc-su-kien').executeTakeFirstOrThrow();
    const image = await db.db.selectFrom('media').select('id').where('site_id', '=', 1).where('kind', '=', 'image').orderBy('id').executeTakeFirstOrThrow();
    // One cover in the list, then every article of the category with one.
    await db.db.updateTable('articles').set({ cover_media_id: null }).where('site_id', '=', 1).where('category_id', '=', cat.id).execute();
    const first = await db.db.selectFrom('articles').select('id').where('site_id', '=', 1).where('category_id', '=', cat.id).where('status', '=', 'published').orderBy('published_at', 'desc').executeTakeFirstOrThrow();
    await db.db.updateTable('articles').set({ cover_media_id: image.id, cover_alt: 'Ảnh bìa' }).where('id', '=', first.id).execute();
    await queries(url); // warm the frame's own caches
    const one = await queries(url);
    assert.equal(pictures(one.res.body).length, 1);
    await db.db.updateTable('articles').set({ cover_media_id: image.id, cover_alt: 'Ảnh bìa' }).where('site_id', '=', 1).where('category_id', '=', cat.id).execute();
    const all = await queries(url);
    const shown = (mainOf(all.res.body).match(/<article class="item/g) ?? []).length;
    assert.ok(shown >= 3, `${shown} articles listed`);
    assert.equal(pictures(all.res.body).length, shown);
    assert.equal(all.n, one.n, 'no query per list item');
  });

  test('a cover that is not an image of the site is not shown', async () => {
    const { app, db } = get();
    const other = await db.db.selectFrom('media').select('id').where('site_id', '=', 2).where('kind', '=', 'image').executeTakeFirstOrThrow();
    await db.db.updateTable('articles').set({ cover_media_id: other.id }).where('site_id', '=', 1).execute();
    const res = await app.inject({ url: '/', headers: { host: NAM_HONG_LINH } });
    assert.equal(pictures(res.body).length, 0);
    assert.doesNotMatch(res.body, /\/media\/bachonglinh\//);
  });
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { describeEachDb } from '../helpers/db.js';
import { setupSiteAdmin } from './helpers.js';

/** Every screen renders for its admins, with unique ids and a label for every field. */
describeEachDb('site-management screens', setupSiteAdmin, (get) => {
  test('each screen and edit form: 200, unique ids, every field labelled', async () => {
    const { system, db } = get();
    const one = async (table: 'categories' | 'pages' | 'links' | 'songs' | 'map_offices') =>
      (await db.db.selectFrom(table).select('id').where('site_id', '=', 1).executeTakeFirstOrThrow()).id;
    const base = '/quan-tri/trang-web';
    const urls = [
      base, `${base}/chuyen-muc`, `${base}/chuyen-muc/${await one('categories')}`, `${base}/menu`, `${base}/trang-tinh`, `${base}/trang-tinh/moi`,
      `${base}/trang-tinh/${await one('pages')}`, `${base}/lien-ket`, `${base}/lien-ket/${await one('links')}`, `${base}/bai-hat`,
      `${base}/bai-hat/${await one('songs')}`, `${base}/ban-do`, `${base}/ban-do/dia-diem/${await one('map_offices')}`, `${base}/cai-dat`,
      `${base}/cac-trang`, `${base}/cac-trang/1`,
    ];
    for (const url of urls) {
      const res = await system.get(url);
      assert.equal(res.statusCode, 200, url);
      assert.match(res.headers['cache-control'] as string, /no-store/);
      const ids = [...res.body.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]!);
      assert.deepEqual(ids.filter((id, i) => ids.indexOf(id) !== i), [], `${url}: duplicate ids`);
      for (const m of res.body.matchAll(/<(input|select|textarea)\b([^>]*)>/g)) {
        if (/type="(hidden|submit)"/.test(m[2]!)) continue;
        const id = /\sid="([^"]+)"/.exec(m[2]!)?.[1];
        assert.ok(id && res.body.includes(`for="${id}"`), `${url}: a ${m[1]} without a label: ${m[0]}`);
      }
    }
  });
});

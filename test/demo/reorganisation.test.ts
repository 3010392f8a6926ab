import assert from 'node:assert/strict';
import { test } from 'node:test';
import { bacHongLinh } from '../../src/kernel/demo/data/bac-hong-linh.js';
import { hongLinh } from '../../src/kernel/demo/data/hong-linh.js';
import { namHongLinh } from '../../src/kernel/demo/data/nam-hong-linh.js';
import { buildTestApp, BAC_HONG_LINH, NAM_HONG_LINH, THI_XA_HONG_LINH } from '../helpers/app.js';
import { describeEachDb } from '../helpers/db.js';

/**
 * The demo tells the 2025 reorganisation (issue 14, item 9): the former town portal is an
 * archive whose old addresses lead to the ward that now carries each article, the two wards are
 * live under "Tỉnh Hà Tĩnh", and the default host serves the ward carrying the seed article.
 */
const get = (app: Awaited<ReturnType<typeof buildTestApp>>, url: string, host: string) => app.inject({ method: 'GET', url, headers: { host } });
const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

describeEachDb('the demo tells the 2025 reorganisation', async (db) => ({ db, app: await buildTestApp(db) }), (fixture) => {
  test('three sites: two live wards under the province, the former town archived with both as successors', async () => {
    const sites = await fixture().db.db.selectFrom('sites').select(['id', 'code', 'is_default', 'archived_at', 'successors', 'settings']).orderBy('id').execute();
    assert.deepEqual(sites.map((s) => [s.id, s.code, Number(s.is_default)]), [[1, 'namhonglinh', 1], [2, 'bachonglinh', 0], [3, 'honglinh', 0]]);
    assert.equal(sites[0]!.archived_at, null);
    assert.equal(sites[1]!.archived_at, null);
    assert.equal(new Date(sites[2]!.archived_at!).toISOString(), '2025-06-30T17:00:00.000Z', 'archived from 1 July 2025, local time');
    assert.deepEqual(JSON.parse(sites[2]!.successors), [2, 1]);
    for (const host of [NAM_HONG_LINH, BAC_HONG_LINH]) {
      const home = (await get(fixture().app, '/', host)).body;
      assert.match(home, /<span class="brand-tagline">Tỉnh Hà Tĩnh<\/span>/, `${host}: no district tier`);
      assert.doesNotMatch(home, /class="archive-banner"/);
    }
  });

  test('the default host serves the live ward carrying the seed article, with ratings and comments open', async () => {
    const { app, db } = fixture();
    for (const host of ['localhost', '127.0.0.1']) {
      assert.match((await get(app, '/', host)).body, /<span class="brand-name">Cổng thông tin điện tử phường Nam Hồng Lĩnh<\/span>/, host);
    }
    const seed = await db.db.selectFrom('articles').select(['id', 'slug', 'site_id']).where('legacy_id', '=', '614123').execute();
    assert.deepEqual(seed.map((a) => a.site_id), [1], 'only the default ward carries the seed article');
    const page = await get(app, `/bai-viet/${seed[0]!.slug}-${seed[0]!.id}`, 'localhost');
    assert.equal(page.statusCode, 200);
    assert.match(page.body, new RegExp(`<form method="post" action="/danh-gia/${seed[0]!.id}"`), 'the rating form');
    assert.match(page.body, /<form[^>]*action="\/binh-luan\/[^"]*"[\s\S]*?<textarea/, 'the comment form');
    assert.doesNotMatch(page.body, /Trang lưu trữ không nhận/);
  });

  test('the former town shows the archive banner naming and linking both wards', async () => {
    const home = await get(fixture().app, '/', THI_XA_HONG_LINH);
    assert.equal(home.statusCode, 200);
    const banner = /<aside class="archive-banner"[^>]*>([\s\S]*?)<\/aside>/.exec(home.body)?.[1];
    assert.ok(banner, 'the banner');
    assert.match(text(banner), /Trang lưu trữ – Cổng thông tin điện tử thị xã Hồng Lĩnh ngừng cập nhật từ ngày 01\/07\/2025/);
    assert.match(banner, /href="http:\/\/bachonglinh\.localhost\/"[^>]*>Cổng thông tin điện tử phường Bắc Hồng Lĩnh</);
    assert.match(banner, /href="http:\/\/namhonglinh\.localhost\/"[^>]*>Cổng thông tin điện tử phường Nam Hồng Lĩnh</);
  });

  test('every article the town published leads, from the town\'s old address, to the ward that now carries it', async () => {
    const { app, db } = fixture();
    let checked = 0;
    for (const [ward, host] of [[namHongLinh, 'namhonglinh.localhost'], [bacHongLinh, 'bachonglinh.localhost']] as const) {
      for (const a of ward.articles.filter((x) => x.carriedFrom === 'honglinh')) {
        const row = await db.db.selectFrom('articles').innerJoin('sites', 'sites.id', 'articles.site_id').select(['articles.id', 'articles.slug']).where('sites.code', '=', ward.code).where('legacy_id', '=', a.legacyId!).executeTakeFirstOrThrow();
        const res = await get(app, `/portal/pages/${a.publishedAt.slice(0, 10)}/Bai-viet-${a.legacyId}.aspx`, THI_XA_HONG_LINH);
        assert.equal(res.statusCode, 301, a.title);
        assert.equal(res.headers.location, `http://${host}/bai-viet/${row.slug}-${row.id}`, a.title);
        checked++;
      }
    }
    assert.ok(checked >= 15, `both wards carry the town's articles (${checked})`);
    const rows = await db.db.selectFrom('old_addresses').select(['owner_site_id', 'to_site_id']).where('source', '=', 'demo').execute();
    assert.equal(rows.length, checked, 'one old address per carried article, no more');
    assert.ok(rows.every((r) => r.owner_site_id === 3));
    assert.deepEqual([...new Set(rows.map((r) => r.to_site_id))].sort(), [1, 2]);
  });

  test('the archive still answers its own notices and pages; an address it never had is a 404', async () => {
    const { app } = fixture();
    const own = hongLinh.articles[0]!;
    const res = await get(app, `/portal/pages/2025-01-01/Thong-bao-${own.legacyId}.aspx`, THI_XA_HONG_LINH);
    assert.equal(res.statusCode, 301);
    assert.match(res.headers.location as string, /^\/bai-viet\//, 'its own article, on its own host');
    assert.equal((await get(app, res.headers.location as string, THI_XA_HONG_LINH)).statusCode, 200);
    assert.equal((await get(app, '/gioi-thieu', THI_XA_HONG_LINH)).statusCode, 200);
    assert.equal((await get(app, '/portal/pages/2025-01-01/Khong-co-999999.aspx', THI_XA_HONG_LINH)).statusCode, 404);
    assert.equal((await get(app, '/portal/pages/2021-10-15/Bai-viet-614123.aspx', BAC_HONG_LINH)).statusCode, 404, 'the other ward does not answer the seed article');
  });
});

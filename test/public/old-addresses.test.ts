import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { recordOldAddress, type OldAddress } from '../../src/kernel/sites/old-addresses.js';
import { recordMove } from '../../src/kernel/sites/redirects.js';
import { setPrimaryHost } from '../../src/kernel/sites/repo.js';
import { buildTestApp, NAM_HONG_LINH, BAC_HONG_LINH } from '../helpers/app.js';
import { describeEachDb, type TestDb } from '../helpers/db.js';

/**
 * Old portals' addresses answered at request time (issue 14, item 4). Two old portals, A and B,
 * were merged into Nam Hồng Lĩnh (site 2), whose hosts they now are; their SharePoint ids overlap.
 * A third, C, is answered by Hồng Lĩnh (site 1) but its articles went to site 2.
 */
const A = 'old-a.hatinh.gov.vn';
const B = 'old-b.hatinh.gov.vn';
const C = 'old-c.hatinh.gov.vn';
const NAM_PRIMARY = 'bachonglinh.hatinh.gov.vn';
const T0 = new Date('2026-11-01T00:00:00.000Z');

async function setup(db: TestDb) {
  const app = await buildTestApp(db);
  await db.db.insertInto('site_hosts').values([
    { host: NAM_PRIMARY, site_id: 2 },
    { host: A, site_id: 2 },
    { host: B, site_id: 2 },
    { host: C, site_id: 1 },
  ]).execute();
  await setPrimaryHost(db.db, 2, NAM_PRIMARY, 'https');
  await app.cong.sites.reload();
  const add = (a: Partial<OldAddress> & Pick<OldAddress, 'fromUrl' | 'toPath'>) =>
    recordOldAddress(db.db, { host: '', ownerSiteId: 2, toSiteId: 2, source: 'import', ...a }, T0);
  await add({ host: A, fromUrl: '/portal/pages/2019-05-05/Tin-a-123456.aspx', toPath: '/bai-viet/tin-cua-a-1' });
  await add({ host: B, fromUrl: `http://${B}/portal/pages/2020-01-02/Tin-b-123456.aspx`, toPath: '/bai-viet/tin-cua-b-2' });
  await add({ host: A, fromUrl: '/portal/Pages/Le-hoi-CAhvbq96.aspx', toPath: '/bai-viet/le-hoi-3' });
  await add({ host: C, ownerSiteId: 1, fromUrl: '/portal/pages/2018-03-03/Tin-c-123456.aspx', toPath: '/bai-viet/tin-cua-c-4' });
  await add({ host: A, fromUrl: '/?p=42', toPath: '/bai-viet/wordpress-42' });
  await add({ host: A, fromUrl: '/?page_id=7', toPath: '/trang/gioi-thieu' });
  await add({ host: A, fromUrl: '/?cat=3', toPath: '/chuyen-muc/tin-tuc' });
  await add({ host: A, fromUrl: '/?tag=lễ-hội', toPath: '/tim-kiem?q=l%E1%BB%85%20h%E1%BB%99i' });
  await add({ host: A, fromUrl: '/?attachment_id=9', toPath: '/media/2026/11/anh-9.jpg' });
  await add({ fromUrl: '/Uploads/Images/2019/Ảnh lễ hội.JPG', toPath: '/media/2026/11/anh-le-hoi.jpg' });
  await add({ host: A, fromUrl: '/wp-content/uploads/2019/05/cau-moi.jpg', toPath: '/media/2026/11/cau-moi.jpg' });
  await add({ host: A, fromUrl: '/chuyen-muc/tin-cu', toPath: '/bai-viet/tin-cu-tu-a-5' });
  await recordMove(db.db, 2, '/chuyen-muc/tin-cu', '/chuyen-muc/tin-moi', T0);
  return { app };
}

function get(app: FastifyInstance, url: string, host: string, method: 'GET' | 'HEAD' = 'GET') {
  return app.inject({ method, url, headers: { host } });
}

describeEachDb('old addresses answered by host', setup, (fixture) => {
  const req = (url: string, host: string) => get(fixture().app, url, host);
  const leadsTo = async (url: string, host: string, location: string) => {
    const res = await req(url, host);
    assert.equal(res.statusCode, 301, `${host}${url}: ${res.statusCode}`);
    assert.equal(res.headers.location, location, `${host}${url}`);
    assert.equal(res.headers['cache-control'], 'public, max-age=3600', `${host}${url}`);
  };

  test('two merged portals whose SharePoint ids overlap each lead to their own article, whatever the order', async () => {
    const same = '/portal/pages/2019-05-05/Tin-a-123456.aspx';
    await leadsTo(same, A, '/bai-viet/tin-cua-a-1');
    await leadsTo(same, B, '/bai-viet/tin-cua-b-2');
    await leadsTo(same, A, '/bai-viet/tin-cua-a-1');
    await leadsTo('/portal/pages/2020-01-02/Tin-b-123456.aspx', B, '/bai-viet/tin-cua-b-2');
    const own = await req(same, BAC_HONG_LINH);
    assert.equal(own.statusCode, 404, 'the site\'s own host has no such old address');
    await leadsTo(same, B, '/bai-viet/tin-cua-b-2');
  });

  test('an old host answered by another site sends readers to the target site\'s primary host and scheme', async () => {
    await leadsTo('/portal/pages/2018-03-03/Tin-c-123456.aspx', C, `https://${NAM_PRIMARY}/bai-viet/tin-cua-c-4`);
    assert.equal((await req('/portal/pages/2018-03-03/Tin-c-123456.aspx', NAM_HONG_LINH)).statusCode, 404);
  });

  test('an old address of a host answered by another site is not followed (one site cannot capture another\'s addresses)', async () => {
    const { db } = fixture();
    await recordOldAddress(db.db, { host: C, ownerSiteId: 2, fromUrl: '/gioi-thieu-cu', toSiteId: 2, toPath: '/bai-viet/chiem-1', source: 'manual' }, T0);
    assert.equal((await req('/gioi-thieu-cu', C)).statusCode, 404, 'C is answered by site 1; the row is site 2\'s');
  });

  test('the SharePoint forms answer in any case, with or without the date folder', async () => {
    for (const url of ['/PORTAL/PAGES/2019-05-05/TIN-A-123456.ASPX', '/Portal/Pages/2024-12-31/khac-123456.aspx', '/portal/pages/Tin-a-123456.aspx']) {
      await leadsTo(url, A, '/bai-viet/tin-cua-a-1');
    }
    for (const url of ['/portal/Pages/Le-hoi-CAhvbq96.aspx', '/PORTAL/PAGES/LE-HOI-CAHVBQ96.ASPX', '/portal/pages/2019-01-01/x-cahvbq96.aspx']) {
      await leadsTo(url, A, '/bai-viet/le-hoi-3');
    }
    assert.equal((await req('/portal/Pages/Le-hoi-CAhvbq97.aspx', A)).statusCode, 404);
  });

  test('WordPress query forms on the home page answer 301; an unrelated query keeps the home page, and the cache is poisoned neither way', async () => {
    const home = await req('/', A);
    assert.equal(home.statusCode, 200);
    for (const [url, to] of [
      ['/?p=42', '/bai-viet/wordpress-42'],
      ['/?p=42&utm_source=zalo&fbclid=x', '/bai-viet/wordpress-42'],
      ['/index.php?p=42', '/bai-viet/wordpress-42'],
      ['/?page_id=7', '/trang/gioi-thieu'],
      ['/?cat=3', '/chuyen-muc/tin-tuc'],
      ['/?tag=l%E1%BB%85-h%E1%BB%99i', '/tim-kiem?q=l%E1%BB%85%20h%E1%BB%99i'],
      ['/?attachment_id=9', '/media/2026/11/anh-9.jpg'],
    ] as const) {
      await leadsTo(url, A, to);
    }
    for (const url of ['/?p=43', '/?utm_source=zalo', '/?s=tin', '/?p=42&page_id=7']) {
      const res = await req(url, A);
      assert.equal(res.statusCode, 200, url);
      assert.equal(res.body, home.body, `${url} is the home page`);
    }
    const other = await req('/?p=42', BAC_HONG_LINH);
    assert.equal(other.statusCode, 200, 'the same query on a host without that old address is the home page');
    await leadsTo('/?p=42', A, '/bai-viet/wordpress-42');
    assert.equal((await req('/', A)).body, home.body, 'the home page is still the home page');
  });

  test('old upload paths in any case answer 301 to the moved file; an unknown one is the usual 404', async () => {
    for (const url of ['/Uploads/Images/2019/%E1%BA%A2nh%20l%E1%BB%85%20h%E1%BB%99i.JPG', '/uploads/images/2019/%E1%BA%A3nh%20l%E1%BB%85%20h%E1%BB%99i.jpg', '/UPLOADS/IMAGES/2019/%E1%BA%A2NH%20L%E1%BB%84%20H%E1%BB%98I.JPG']) {
      await leadsTo(url, BAC_HONG_LINH, '/media/2026/11/anh-le-hoi.jpg');
      await leadsTo(url, A, '/media/2026/11/anh-le-hoi.jpg');
    }
    await leadsTo('/wp-content/uploads/2019/05/cau-moi.jpg', A, '/media/2026/11/cau-moi.jpg');
    await leadsTo('/WP-CONTENT/Uploads/2019/05/Cau-Moi.JPG', A, '/media/2026/11/cau-moi.jpg');
    const unknown = await req('/Uploads/Images/khong-co.jpg', A);
    assert.equal(unknown.statusCode, 404);
    assert.equal(unknown.headers['cache-control'], 'no-store');
    assert.equal((await req('/Uploads/Images/2019/%E1%BA%A2nh%20l%E1%BB%85%20h%E1%BB%99i.JPG', NAM_HONG_LINH)).statusCode, 404, 'another site\'s own old address is not this one\'s');
  });

  test('an unknown old address is the 404 page', async () => {
    for (const url of ['/portal/pages/2019-05-05/Khong-co-999999.aspx', '/?p=999', '/index.php?page_id=999', '/khong-co-bao-gio']) {
      const res = await req(url, A);
      assert.equal(res.statusCode, url.startsWith('/?') ? 200 : 404, url);
    }
  });

  test('a 404 under one host is not kept for the other host of the same site', async () => {
    const path = '/portal/Pages/Le-hoi-CAhvbq96.aspx';
    for (let i = 0; i < 2; i++) {
      assert.equal((await req(path, B)).statusCode, 404, 'B has no such address');
      await leadsTo(path, A, '/bai-viet/le-hoi-3');
    }
    // The same holds before Fastify: the process's raw fast path reads the page cache by site and path.
    assert.equal(fixture().app.cong.pageCache.peek(`2\n${path}`), undefined);
    const plain = '/khong-co-gi-ca';
    assert.equal((await req(plain, A)).statusCode, 404);
    assert.ok(fixture().app.cong.pageCache.peek(`2\n${plain}`), 'an address no old host has keeps its 404 like before');
  });

  test('an old address of the host asked comes before the site\'s own slug move; other hosts get the move', async () => {
    await leadsTo('/chuyen-muc/tin-cu', A, '/bai-viet/tin-cu-tu-a-5');
    await leadsTo('/chuyen-muc/tin-cu', BAC_HONG_LINH, '/chuyen-muc/tin-moi');
    await leadsTo('/chuyen-muc/tin-cu?trang=2', BAC_HONG_LINH, '/chuyen-muc/tin-moi?trang=2');
  });

  test('the old portal id an editor typed still leads to the article, in any case; a recorded old address comes first', async () => {
    const { db } = fixture();
    const a = await db.db.selectFrom('articles').select(['id', 'slug']).where('site_id', '=', 1).where('legacy_id', '=', '614123').executeTakeFirstOrThrow();
    for (const url of ['/portal/pages/2021-10-15/x-614123.aspx', '/PORTAL/PAGES/2021-10-15/X-614123.ASPX', '/portal/Pages/Dang-uy-614123.aspx']) {
      await leadsTo(url, NAM_HONG_LINH, `/bai-viet/${a.slug}-${a.id}`);
    }
    assert.equal((await req('/portal/pages/2021-10-15/x-614123.aspx', BAC_HONG_LINH)).statusCode, 404, 'another site\'s typed id');
    await recordOldAddress(db.db, { host: '', ownerSiteId: 1, fromUrl: '/portal/pages/x/y-614123.aspx', toSiteId: 1, toPath: '/trang/gioi-thieu', source: 'manual' }, T0);
    await leadsTo('/PORTAL/PAGES/2021-10-15/X-614123.ASPX', NAM_HONG_LINH, '/trang/gioi-thieu');
    await db.db.deleteFrom('old_addresses').where('owner_site_id', '=', 1).where('to_path', '=', '/trang/gioi-thieu').execute();
  });

  test('HEAD is answered like GET; a form post to an old address is not redirected', async () => {
    const head = await get(fixture().app, '/portal/pages/2019-05-05/Tin-a-123456.aspx', A, 'HEAD');
    assert.equal(head.statusCode, 301);
    assert.equal(head.headers.location, '/bai-viet/tin-cua-a-1');
    const post = await fixture().app.inject({ method: 'POST', url: '/portal/pages/2019-05-05/Tin-a-123456.aspx', headers: { host: A } });
    assert.equal(post.statusCode, 404);
  });
}, async ({ app }) => {
  await app.close();
});

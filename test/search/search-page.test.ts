import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildTestApp, NAM_HONG_LINH, BAC_HONG_LINH } from '../helpers/app.js';
import { describeEachDb } from '../helpers/db.js';

/** The public pages: the header box, /tim-kiem (without JS), /opensearch.xml. */
describeEachDb('search pages', async (db) => ({ app: await buildTestApp(db) }), (get) => {
  const page = async (url: string, host = NAM_HONG_LINH) => {
    const res = await get().app.inject({ url, headers: { host } });
    assert.ok(res.statusCode < 500, `${url}: ${res.statusCode}`);
    return res;
  };
  const html = async (url: string, host = NAM_HONG_LINH) => {
    const res = await page(url, host);
    assert.equal(res.statusCode, 200, url);
    return res.body;
  };
  const q = (text: string, extra = '') => `/tim-kiem?q=${encodeURIComponent(text)}${extra}`;

  test('every page has a labelled search box in its header and advertises OpenSearch', async () => {
    for (const url of ['/', '/chuyen-muc/xay-dung-dang', '/trang/gioi-thieu']) {
      const body = await html(url);
      assert.match(body, /<header class="site-header">[\s\S]*<form role="search" action="\/tim-kiem" method="get" class="header-search" aria-label="Tìm kiếm trên trang"><label for="tim-kiem-nhanh" class="visually-hidden">Tìm kiếm<\/label><input id="tim-kiem-nhanh" type="search" name="q"/);
      assert.match(body, /<link rel="search" type="application\/opensearchdescription\+xml" title="[^"]+" href="\/opensearch\.xml"\/>/);
    }
  });

  test('results: count, highlighted title and snippet in the original spelling, date, category, pagination', async () => {
    const { app } = get();
    const cached = app.cong.pageCache.size;
    const res = await page(q('nam hong'));
    assert.equal(res.statusCode, 200);
    assert.match(res.headers['content-type'] as string, /^text\/html/);
    assert.match(res.headers['cache-control'] as string, /^public, max-age=60\b/);
    assert.equal(app.cong.pageCache.size, cached, 'results are not stored in the page cache');
    const body = res.body;
    assert.match(body, /Tìm thấy \d+ kết quả cho “nam hong”/);
    assert.match(body, /<mark>Nam Hồng<\/mark>/);
    assert.match(body, /<h3 class="item-title"><a href="\/bai-viet\/[a-z0-9-]+-\d+">[^<]*<mark>/);
    assert.match(body, /<time datetime="[^"]+" title="[^"]+">\d{2}\/\d{2}\/\d{4}<\/time> · <a href="\/chuyen-muc\/[a-z-]+">/);
    assert.match(body, /<p class="item-sapo">[^<]*(…|<mark>)/);
    assert.match(body, /<nav class="pagination" aria-label="Phân trang">/);
    assert.match(body, /href="\/tim-kiem\?q=nam\+hong&amp;trang=2"/);
    assert.match(body, /<meta name="robots" content="noindex"\/>/);
    assert.match(body, /<input id="q" type="search" name="q" value="nam hong"/);
    const second = await html(q('nam hong', '&trang=2'));
    // The news results only (groups from other sections, such as the work schedule, come before them).
    const links = (s: string) => [...(/<section class="search-results"[\s\S]*?<\/section>/.exec(s)?.[0] ?? '').matchAll(/<h3 class="item-title"><a href="([^"]+)"/g)].map((m) => m[1]);
    assert.equal(links(body).length, 10);
    assert.ok(links(second).length > 0);
    assert.equal(links(body).filter((l) => links(second).includes(l)).length, 0, 'pages do not overlap');
    assert.match(await html(q('dang uy')), /<mark>Đảng uỷ<\/mark>/);
  });

  test('filters by category and date range; a bad date gets a message next to its field, the form keeps it', async () => {
    const inCat = await html(q('nam hong', '&chuyen_muc=xay-dung-dang'));
    const cats = [...inCat.matchAll(/<\/time> · <a href="(\/chuyen-muc\/[a-z-]+)">/g)].map((m) => m[1]);
    assert.ok(cats.length > 0);
    assert.deepEqual([...new Set(cats)], ['/chuyen-muc/xay-dung-dang']);
    assert.match(inCat, /<option value="xay-dung-dang" selected>Xây dựng Đảng<\/option>/);
    const day = await html(q('nam hong', '&tu=2021-10-15&den=2021-10-15'));
    assert.match(day, /Tìm thấy 1 kết quả/);
    const swapped = await html(q('nam hong', '&tu=2021-10-15&den=2021-10-14'));
    assert.match(swapped, /Tìm thấy \d+ kết quả/, 'a range entered the wrong way round is searched the right way');
    const bad = await html(q('nam hong', '&tu=2021-02-30&den=hom-qua'));
    assert.match(bad, /<input id="tu" type="date" name="tu" value="2021-02-30" aria-invalid="true" aria-describedby="tu-loi"\/><p id="tu-loi" class="field-error">Ngày không hợp lệ/);
    assert.match(bad, /id="den-loi" class="field-error">Ngày không hợp lệ/);
    assert.match(bad, /Tìm thấy \d+ kết quả/, 'still searches without the unusable filter');
  });

  test('whatever is typed gives results or a Vietnamese message, never an error page', async () => {
    const inputs = [
      '!!! ??? ...', 'nam AND hong OR NOT * ^ " ( )', 'x'.repeat(500), '     ', '😀🎉🇻🇳', "'; DROP TABLE articles; --",
      '" OR 1=1 --', "a') | !b:*", 'NEAR(nam hong) {title_fold}: x', '%', '_', '\\', '<script>alert(1)</script>', 'Nam Hồng'.normalize('NFD'),
    ];
    for (const text of inputs) {
      const res = await page(q(text));
      assert.equal(res.statusCode, 200, text);
      assert.match(res.body, /<html lang="vi">/);
      assert.doesNotMatch(res.body, /<script>alert/, 'typed text is escaped');
    }
    assert.match(await html(q('x'.repeat(500))), /<p id="q-loi" class="field-error">Từ khoá dài 500 ký tự, vượt quá 200 ký tự cho phép/);
    assert.match(await html(q('😀🎉')), /aria-invalid="true" aria-describedby="q-loi"\/><p id="q-loi" class="field-error">Từ khoá cần có ít nhất một chữ cái hoặc chữ số/);
    for (const url of ['/tim-kiem?q=a&q=b', '/tim-kiem?q[]=x', '/tim-kiem?trang=abc&q=nam', '/tim-kiem?q=nam&trang=-1', '/tim-kiem?q=nam&trang=99999', '/tim-kiem?chuyen_muc[x]=1&q=nam']) {
      assert.equal((await page(url)).statusCode, 200, url);
    }
    const { db } = get();
    assert.ok(Number((await db.db.selectFrom('articles').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n) > 0);
  });

  test('no results: a suggestion to check the spelling and the latest articles', async () => {
    const body = await html(q('xyzkhongcobaonao'));
    assert.match(body, /Không tìm thấy kết quả nào cho “xyzkhongcobaonao”/);
    assert.match(body, /kiểm tra lại chính tả/);
    assert.match(body, /<h2 id="bai-moi-nhat" class="section-title">Bài viết mới nhất<\/h2>/);
    assert.ok((body.match(/<ul class="title-list">[\s\S]*?<\/ul>/)?.[0].match(/<li>/g) ?? []).length >= 3);
    const empty = await html('/tim-kiem');
    assert.doesNotMatch(empty, /Tìm thấy|Không tìm thấy/);
    assert.match(empty, /Bài viết mới nhất/);
  });

  test('results are those of the site visited', async () => {
    const { db } = get();
    for (const [host, siteId] of [[NAM_HONG_LINH, 1], [BAC_HONG_LINH, 2]] as const) {
      const body = await html(q('hong'), host);
      const found = [...body.matchAll(/<h3 class="item-title"><a href="\/bai-viet\/[a-z0-9-]*-(\d+)"/g)].map((m) => Number(m[1]));
      assert.ok(found.length > 0);
      const sites = await db.db.selectFrom('articles').select('site_id').distinct().where('id', 'in', found).execute();
      assert.deepEqual(sites.map((s) => s.site_id), [siteId], host);
    }
  });

  test('the page structure is accessible: one main and h1, labelled fields, unique ids, named search landmarks', async () => {
    for (const url of [q('nam hong'), q('xyzkhongco'), q('😀'), '/tim-kiem']) {
      const body = await html(url);
      assert.equal(body.match(/<main /g)?.length, 1);
      assert.equal(body.match(/<h1[ >]/g)?.length, 1);
      const ids = [...body.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]);
      assert.equal(new Set(ids).size, ids.length, `unique ids on ${url}`);
      for (const m of body.matchAll(/<(input|select)\s[^>]*?\sid="([^"]+)"/g)) {
        assert.match(body, new RegExp(`<label for="${m[2]}"[^>]*>[^<]+</label>`), `label for #${m[2]}`);
      }
      const searches = [...body.matchAll(/<form role="search"[^>]*aria-label="([^"]+)"/g)].map((m) => m[1]);
      assert.equal(new Set(searches).size, searches.length, 'search landmarks have distinct names');
      for (const m of body.matchAll(/aria-describedby="([^"]+)"/g)) assert.ok(ids.includes(m[1]), `#${m[1]} exists`);
    }
  });

  test('/opensearch.xml describes the site search', async () => {
    const res = await page('/opensearch.xml');
    assert.equal(res.statusCode, 200);
    assert.equal(res.headers['content-type'], 'application/opensearchdescription+xml; charset=utf-8');
    assert.match(res.headers['cache-control'] as string, /^public/);
    const short = /<ShortName>([^<]*)<\/ShortName>/.exec(res.body)![1]!;
    assert.ok([...short].length <= 16 && short.length > 0, short);
    assert.match(res.body, /<Url type="text\/html" method="get" template="http:\/\/namhonglinh\.localhost\/tim-kiem\?q=\{searchTerms\}"\/>/);
    assert.match(res.body, /<InputEncoding>UTF-8<\/InputEncoding>/);
    const ward = await page('/opensearch.xml', BAC_HONG_LINH);
    assert.match(ward.body, /template="http:\/\/bachonglinh\.localhost\/tim-kiem/);
  });
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { BAC_HONG_LINH, THI_XA_HONG_LINH } from '../helpers/app.js';
import { describeEachDb } from '../helpers/db.js';
import { decode, projectByName, publicGet, setupProjects } from './helpers.js';

describeEachDb('projects disclosure: public pages', setupProjects, (get) => {
  test('the list shows the newest notices and every project with status, place, capital and progress', async () => {
    const res = await publicGet(get().app, '/du-an-dau-thau');
    assert.equal(res.statusCode, 200);
    const html = decode(res.body);
    assert.match(html, /<h1 class="page-title">Dự án – Đấu thầu – GPMB<\/h1>/);
    // Newest notice first.
    assert.match(html, /Thông báo mới<\/h2><ul class="title-list"><li><a href="\/du-an-dau-thau\/ke-chong-sat-lo-khe-hao-hao-\d+#thong-bao-\d+">Thông báo mời thầu gói thầu tư vấn/);
    assert.match(html, /Đang thực hiện · Tổ dân phố Đức Thuận, phường Nam Hồng Lĩnh · Tổng mức đầu tư: 12\.400\.000\.000 đồng \(12,4 tỷ đồng\)/);
    assert.match(html, /<progress max="100" value="85" aria-label="Tiến độ Xây mới 8 phòng học Trường Tiểu học Đức Thuận">85%<\/progress>/);
    assert.doesNotMatch(html, /nhà văn hoá tổ dân phố 6/i, 'another ward\'s project');
  });

  test('a project page lists its facts and its notices with their files; a wrong slug redirects; another ward\'s project is not found', async () => {
    const { app, db } = get();
    const p = await projectByName(db, 1, 'Mở rộng Quốc lộ 8A đoạn qua phường Nam Hồng Lĩnh');
    const html = decode((await publicGet(app, `/du-an-dau-thau/${p.slug}-${p.id}`)).body);
    assert.match(html, /<dt>Chủ đầu tư<\/dt><dd>Ban Quản lý dự án đầu tư xây dựng công trình giao thông tỉnh Hà Tĩnh<\/dd>/);
    assert.match(html, /<dt>Thời gian thực hiện<\/dt><dd><time dateTime="2026-09-01">01\/09\/2026<\/time> – <time dateTime="2028-06-30">30\/06\/2028<\/time><\/dd>/i);
    const notices = [...html.matchAll(/<h3 id="thong-bao-\d+-tieu-de">([^<]+)<\/h3>/g)].map((m) => m[1]);
    assert.deepEqual(notices, ['Dự thảo phương án bồi thường, hỗ trợ, tái định cư đợt 1 (lấy ý kiến)', 'Thông báo thu hồi đất thực hiện dự án mở rộng Quốc lộ 8A']);
    assert.match(html, /Phương án bồi thường, hỗ trợ, tái định cư · <time dateTime="2026-08-05">ngày 05 tháng 08 năm 2026<\/time> · Hạn: <time dateTime="2026-09-04">04\/09\/2026<\/time>/i);
    const file = /href="(\/du-an-dau-thau\/tai-ve\/\d+)" download>Tải về: Dự thảo phương án bồi thường đợt 1\.pdf/.exec(html)![1]!;
    const dl = await publicGet(app, file);
    assert.equal(dl.statusCode, 200);
    assert.equal(dl.headers['content-type'], 'application/pdf');
    const moved = await publicGet(app, `/du-an-dau-thau/ten-cu-${p.id}`);
    assert.equal(moved.statusCode, 301);
    assert.equal(moved.headers.location, `/du-an-dau-thau/${p.slug}-${p.id}`);
    const theirs = await projectByName(db, 2, 'Nâng cấp nhà văn hoá tổ dân phố 6');
    assert.equal((await publicGet(app, `/du-an-dau-thau/${theirs.slug}-${theirs.id}`)).statusCode, 404);
    assert.equal((await publicGet(app, `/du-an-dau-thau/${theirs.slug}-${theirs.id}`, BAC_HONG_LINH)).statusCode, 200);
  });

  test('the section is in the disclosure block, the sitemap and the search', async () => {
    const { app } = get();
    assert.match((await publicGet(app, '/')).body, /<a href="\/du-an-dau-thau">Dự án – Đấu thầu – GPMB<\/a>/);
    assert.match((await publicGet(app, '/sitemap.xml')).body, /<loc>http:\/\/namhonglinh\.localhost\/du-an-dau-thau\/mo-rong-quoc-lo-8a-doan-qua-phuong-nam-hong-linh-\d+<\/loc>/);
    const search = decode((await publicGet(app, '/tim-kiem?q=thu+hoi+dat')).body);
    assert.match(search, /Dự án – Đấu thầu – GPMB \(\d+\)<\/h2>/);
    assert.match(search, /Thông báo thu hồi đất thực hiện dự án mở rộng Quốc lộ 8A/);
  });

  test('a site without projects has the section, empty, saying so', async () => {
    const res = await publicGet(get().app, '/du-an-dau-thau', THI_XA_HONG_LINH);
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /Trang chưa công khai dự án nào\./);
  });
});

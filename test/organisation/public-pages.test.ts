import assert from 'node:assert/strict';
import { test } from 'node:test';
import { NAM_HONG_LINH, BAC_HONG_LINH } from '../helpers/app.js';
import { describeEachDb } from '../helpers/db.js';
import { alternatesOf, htmlLang, mainOf, publicGet, setupOrg } from './helpers.js';

const PAIRS: [string, string][] = [
  ['/gioi-thieu', '/en'],
  ['/gioi-thieu/co-cau-to-chuc', '/en/organisation'],
  ['/gioi-thieu/lanh-dao', '/en/leaders'],
  ['/gioi-thieu/lien-he', '/en/contact'],
];
const ORIGIN = `http://${NAM_HONG_LINH}`;

describeEachDb('Giới thiệu: the public pages in Vietnamese and English', setupOrg, (get) => {
  test('the overview shows the functions and duties, the contacts and links to the other pages', async () => {
    const res = await publicGet(get().app, '/gioi-thieu');
    assert.equal(res.statusCode, 200);
    assert.match(res.headers['cache-control'] as string, /public/);
    assert.equal(htmlLang(res.body), 'vi');
    const main = mainOf(res.body);
    assert.match(main, /<h1 class="page-title">Giới thiệu<\/h1>/);
    assert.match(main, /<h2 id="org-duties">Chức năng, nhiệm vụ<\/h2>/);
    assert.match(main, /là cơ quan chấp hành của Hội đồng nhân dân/);
    assert.match(main, /<ul><li>Xây dựng, trình Hội đồng nhân dân phường quyết định/, 'the "- " lines are a list');
    assert.match(main, /<a href="tel:02393836248">0239 3836 248<\/a>/);
    assert.match(main, /<a href="mailto:ubnd@namhonglinh\.hatinh\.gov\.vn">/);
    for (const href of ['/gioi-thieu/co-cau-to-chuc', '/gioi-thieu/lanh-dao', '/gioi-thieu/lien-he']) assert.match(main, new RegExp(`href="${href}"`));
    assert.match(res.body, /<p class="lang-switch"><a href="\/en" hreflang="en" lang="en">English<\/a><\/p>/);
  });

  test('the organisation chart is nested lists: units inside their parent, people with their posts', async () => {
    const main = mainOf((await publicGet(get().app, '/gioi-thieu/co-cau-to-chuc')).body);
    assert.match(main, /<ul class="org-tree"><li><div class="org-node org-root"><h2 class="org-node-name">Ủy ban nhân dân phường Nam Hồng Lĩnh<\/h2>/);
    assert.match(main, /<span class="org-post">Chủ tịch UBND phường:<\/span> <span>Trần Đình Hải<\/span>/);
    // The one-stop desk is a sub-unit of the office: its <li> is inside the office's <li>.
    const [office, desk, next] = ['<h3 class="org-node-name">Văn phòng HĐND và UBND phường</h3>', '<h4 class="org-node-name">Bộ phận Một cửa', '<h3 class="org-node-name">Phòng Nội vụ</h3>'].map((h) => main.indexOf(h));
    assert.ok(office > 0 && office < desk && desk < next, 'the desk comes after the office, before the next unit');
    assert.match(main.slice(office, desk), /<\/p><\/div><ul><li><div class="org-node">$/, 'in a list nested in the office\'s item');
    assert.doesNotMatch(main.slice(office, desk), /<\/ul><\/li>/, 'the office\'s item is still open');
    assert.ok(main.indexOf('Phòng Nội vụ') < main.indexOf('Phòng Tư pháp'), 'units in their order');
    assert.doesNotMatch(main, /<script/);
  });

  test('the leaders page lists only leaders, with tel: and mailto: links and a neutral placeholder without a photo', async () => {
    const main = mainOf((await publicGet(get().app, '/gioi-thieu/lanh-dao')).body);
    const names = [...main.matchAll(/<h2 class="leader-name">([^<]+)<\/h2>/g)].map((m) => m[1]);
    assert.deepEqual(names, ['Trần Đình Hải', 'Lê Văn Quang', 'Nguyễn Thị Thu Hà', 'Bùi Xuân Thắng']);
    assert.match(main, /<p class="leader-post">Chủ tịch UBND phường<\/p>/);
    assert.match(main, /<a href="tel:02393836555">0239 3836 555<\/a>/);
    assert.match(main, /<a href="mailto:tdhai\.namhonglinh@hatinh\.gov\.vn">tdhai\.namhonglinh@hatinh\.gov\.vn<\/a>/);
    assert.match(main, /<span class="portrait portrait-none" aria-hidden="true">/);
    assert.match(main, /Đơn vị: Văn phòng HĐND và UBND phường/);
    assert.doesNotMatch(main, /Võ Minh Tuấn/, 'not a leader');
  });

  test('the contact page has address, phones, fax, e-mail, hours, the map link and the units', async () => {
    const main = mainOf((await publicGet(get().app, '/gioi-thieu/lien-he')).body);
    assert.match(main, /<dt>Địa chỉ:<\/dt> <dd>Số 01 đường Nguyễn Ái Quốc/);
    assert.match(main, /<dt>Fax:<\/dt> <dd>0239 3836 249<\/dd>/);
    assert.match(main, /<h2 id="org-hours">Giờ làm việc<\/h2>/);
    assert.match(main, /<li>Buổi sáng: từ 7 giờ 00 đến 11 giờ 30<\/li>/);
    assert.match(main, /<a href="\/ban-do">Xem vị trí trên bản đồ<\/a>/);
    assert.match(main, /<strong>Bộ phận Một cửa \(tiếp nhận và trả kết quả\)<\/strong> · Điện thoại: <a href="tel:02393836666">/);
  });

  test('English pages: <html lang="en">, English headings and chrome, a way back to Vietnamese', async () => {
    const { app } = get();
    const res = await publicGet(app, '/en');
    assert.equal(res.statusCode, 200);
    assert.equal(htmlLang(res.body), 'en');
    assert.match(res.body, /<a class="skip-link" href="#noi-dung">Skip to main content<\/a>/);
    assert.match(res.body, /<meta property="og:locale" content="en_US"\/>/);
    assert.match(res.body, /<p class="lang-switch"><a href="\/gioi-thieu" hreflang="vi" lang="vi">Tiếng Việt<\/a><\/p>/);
    assert.doesNotMatch(res.body, /aria-label="Chuyên mục"/, 'no Vietnamese menu');
    assert.doesNotMatch(res.body, /<aside class="sidebar"/, 'no Vietnamese widgets');
    assert.match(res.body, /<div lang="vi"><footer class="site-footer">/, 'the Vietnamese footer is marked');
    assert.match(res.body, /<a href="\/" class="brand-link" lang="vi">/);
    const main = mainOf(res.body);
    assert.match(main, /<h1 class="page-title">About the People's Committee<\/h1>/);
    assert.match(main, /<h2 id="org-duties">Functions and duties<\/h2>/);
    assert.match(main, /It is the executive body of the Council/);
    assert.match(main, /<dt>Address:<\/dt> <dd>No\. 01 Nguyen Ai Quoc Street/);
    assert.match(res.body, /<nav class="breadcrumb" aria-label="Breadcrumb">/);

    const leaders = mainOf((await publicGet(app, '/en/leaders')).body);
    assert.match(leaders, /<h1 class="page-title">Leaders<\/h1>/);
    assert.match(leaders, /<h2 class="leader-name" lang="vi">Trần Đình Hải<\/h2><p class="leader-post">Chairman of the Ward People's Committee<\/p>/);
    assert.match(leaders, /<dt>Telephone:<\/dt> <dd><a href="tel:02393836555">/);
    const contact = mainOf((await publicGet(app, '/en/contact')).body);
    assert.match(contact, /<h2 id="org-hours">Working hours<\/h2>/);
    assert.match(contact, /Morning: 7:00 to 11:30/);
    assert.match(contact, /<a href="\/ban-do" hreflang="vi">See the location on the map \(in Vietnamese\)<\/a>/);
    assert.match(mainOf((await publicGet(app, '/en/organisation')).body), /<h1 class="page-title">Organisation<\/h1>/);
  });

  test('hreflang: every page names itself and its counterpart with absolute URLs, reciprocally, and x-default', async () => {
    const { app } = get();
    for (const [vi, en] of PAIRS) {
      const viPage = (await publicGet(app, vi)).body;
      const enPage = (await publicGet(app, en)).body;
      const expected = { vi: ORIGIN + vi, en: ORIGIN + en, 'x-default': ORIGIN + vi };
      assert.deepEqual(alternatesOf(viPage), expected, vi);
      assert.deepEqual(alternatesOf(enPage), expected, en);
      assert.match(viPage, new RegExp(`<link rel="canonical" href="${ORIGIN}${vi}"/>`));
      assert.match(enPage, new RegExp(`<link rel="canonical" href="${ORIGIN}${en}"/>`));
      // Each page's English / Vietnamese alternate is the other page, and that page points back.
      assert.equal(alternatesOf((await publicGet(app, new URL(alternatesOf(viPage).en!).pathname)).body).vi, ORIGIN + vi);
    }
    // Other pages are unchanged: no alternates.
    const home = (await publicGet(app, '/')).body;
    assert.deepEqual(alternatesOf(home), {});
    assert.equal(htmlLang(home), 'vi');
  });

  test('an English text that is missing shows the Vietnamese one marked lang="vi" and "Vietnamese only"', async () => {
    const main = mainOf((await publicGet(get().app, '/en/organisation')).body);
    // Demo: the education department has no English name yet.
    assert.match(main, /<h3 class="org-node-name"><span lang="vi">Phòng Giáo dục và Đào tạo<\/span> <span class="vi-only">\(Vietnamese only\)<\/span><\/h3>/);
    assert.match(main, /<h3 class="org-node-name">Department of Justice<\/h3>/);
  });

  test('each site shows its own organisation', async () => {
    const { app } = get();
    const hl = mainOf((await publicGet(app, '/gioi-thieu/lanh-dao')).body);
    const nhl = mainOf((await publicGet(app, '/gioi-thieu/lanh-dao', BAC_HONG_LINH)).body);
    assert.match(nhl, /Đinh Văn Sơn/);
    assert.doesNotMatch(nhl, /Trần Đình Hải/);
    assert.doesNotMatch(hl, /Đinh Văn Sơn/);
    const chart = mainOf((await publicGet(app, '/en/organisation', BAC_HONG_LINH)).body);
    assert.match(chart, /People's Committee of Bac Hong Linh Ward/);
    assert.match(chart, /Public Administrative Service Centre/);
    assert.doesNotMatch(chart, /Nam Hong Linh Ward/);
    const alt = alternatesOf((await publicGet(app, '/en', BAC_HONG_LINH)).body);
    assert.equal(alt.vi, `http://${BAC_HONG_LINH}/gioi-thieu`);
  });

  test('the sitemap lists both language versions of every page', async () => {
    const xml = (await publicGet(get().app, '/sitemap.xml')).body;
    for (const [vi, en] of PAIRS) {
      assert.match(xml, new RegExp(`<loc>${ORIGIN}${vi}</loc><lastmod>\\d{4}-\\d\\d-\\d\\d</lastmod>`), vi);
      assert.match(xml, new RegExp(`<loc>${ORIGIN}${en}</loc>`), en);
    }
  });

  test('a site whose agency was never saved shows what its footer says, and "Vietnamese only" in English', async () => {
    const { app, db } = get();
    await db.db.deleteFrom('org_agency').where('site_id', '=', 2).execute();
    const vi = mainOf((await publicGet(app, '/gioi-thieu/lien-he', BAC_HONG_LINH)).body);
    assert.match(vi, /Ủy ban nhân dân phường Bắc Hồng Lĩnh/);
    assert.match(vi, /Số 102 đường Nguyễn Ái Quốc/);
    const en = mainOf((await publicGet(app, '/en/contact', BAC_HONG_LINH)).body);
    assert.match(en, /<dd><span lang="vi">Số 102 đường Nguyễn Ái Quốc, phường Bắc Hồng Lĩnh, tỉnh Hà Tĩnh<\/span> <span class="vi-only">\(Vietnamese only\)<\/span><\/dd>/);
    // (/en of this site is still in the page cache from an earlier test: rows deleted behind the
    // commands' back purge nothing.)
    const overview = mainOf((await publicGet(app, '/gioi-thieu', BAC_HONG_LINH)).body);
    assert.match(overview, /Chưa có thông tin chức năng, nhiệm vụ\./);
  });

  test('the site search finds leaders and units by name without diacritics', async () => {
    const res = await publicGet(get().app, '/tim-kiem?q=tran%20dinh%20hai');
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /Giới thiệu – Tổ chức/);
    assert.match(res.body, /href="\/gioi-thieu\/lanh-dao"[^>]*>(?:<[^>]+>)*Trần Đình Hải/);
  });
});

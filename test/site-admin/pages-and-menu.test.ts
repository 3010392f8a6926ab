import assert from 'node:assert/strict';
import { test } from 'node:test';
import { describeEachDb } from '../helpers/db.js';
import { count, fieldError, lastAudit, publicGet, setupSiteAdmin } from './helpers.js';

const PAGES = '/quan-tri/trang-web/trang-tinh';
const MENU = '/quan-tri/trang-web/menu';
const navOf = (html: string) => /<nav class="main-nav"[\s\S]*?<\/nav>/.exec(html)![0];
const footerOf = (html: string) => /<footer[\s\S]*?<\/footer>/.exec(html)![0];

describeEachDb('static pages and the header menu', setupSiteAdmin, (get) => {
  const page = (slug: string) => get().db.db.selectFrom('pages').selectAll().where('site_id', '=', 1).where('slug', '=', slug).executeTakeFirst();
  /** The page an earlier test leaves under this address, made here when missing (so that each test runs alone). */
  const ensurePage = async (slug: string, title: string, body: string) => {
    if (!(await page(slug))) assert.equal((await get().admin.post(`${PAGES}/moi`, { title, slug, body })).statusCode, 303);
    return (await page(slug))!;
  };
  const hotline = () => ensurePage('duong-day-nong', 'Đường dây nóng', '<p>Gọi <strong>1022</strong></p>');
  const renamedHotline = () => ensurePage('duong-day-nong-ubnd', 'Đường dây nóng UBND', '<p>Gọi 0239 3831 248</p>');

  test('bad input on a new page: messages next to the fields, typed text kept, nothing stored', async () => {
    const { admin, db } = get();
    const before = await count(db, 'pages', 1);
    const res = await admin.post(`${PAGES}/moi`, { title: '', slug: 'gioi-thieu', body: '<p>Tôi đã gõ <em>nội dung</em></p>' });
    assert.equal(res.statusCode, 422);
    assert.equal(fieldError(res.body, 'title'), 'Vui lòng nhập tiêu đề trang.');
    assert.equal(fieldError(res.body, 'slug'), 'Đường dẫn “gioi-thieu” đã được dùng cho trang khác.');
    assert.match(res.body, /&lt;p>Tôi đã gõ &lt;em>nội dung&lt;\/em>&lt;\/p>/);
    const noBody = await admin.post(`${PAGES}/moi`, { title: 'Trang rỗng', slug: '', body: '<script>alert(1)</script>' });
    assert.equal(fieldError(noBody.body, 'body'), 'Vui lòng nhập nội dung trang.');
    assert.equal(await count(db, 'pages', 1), before);
  });

  test('create a page: body sanitized, slug from the title, footer of every cached page lists it', async () => {
    const { admin, app, db } = get();
    const home = await publicGet(app, '/');
    assert.doesNotMatch(footerOf(home.body), /Đường dây nóng/);
    const res = await admin.post(`${PAGES}/moi`, { title: 'Đường dây nóng', slug: '', body: '<p onclick="x()">Gọi <strong>1022</strong></p><script>alert(1)</script>' });
    assert.equal(res.statusCode, 303);
    const row = (await page('duong-day-nong'))!;
    assert.equal(row.body_html, '<p>Gọi <strong>1022</strong></p>');
    assert.match(footerOf((await publicGet(app, '/')).body), /href="\/trang\/duong-day-nong">Đường dây nóng</);
    const shown = await publicGet(app, '/trang/duong-day-nong');
    assert.equal(shown.statusCode, 200);
    assert.match(shown.body, /Gọi <strong>1022<\/strong>/);
    assert.deepEqual((await lastAudit(db, 'page.create')).after, { title: 'Đường dây nóng', slug: 'duong-day-nong', body_html: '<p>Gọi <strong>1022</strong></p>' });
  });

  test('edit a page: its cached public page shows the new text, its old address leads to the new one', async () => {
    const { admin, app, db } = get();
    const row = await hotline();
    assert.match((await publicGet(app, '/trang/duong-day-nong')).body, /1022/);
    const res = await admin.post(`${PAGES}/${row.id}`, { title: 'Đường dây nóng UBND', slug: 'duong-day-nong-ubnd', body: '<p>Gọi 0239 3831 248</p>' });
    assert.equal(res.statusCode, 303);
    const old = await publicGet(app, '/trang/duong-day-nong');
    assert.equal(old.statusCode, 301, 'the old address leads to the new one');
    assert.equal(old.headers.location, '/trang/duong-day-nong-ubnd');
    assert.match((await publicGet(app, '/trang/duong-day-nong-ubnd')).body, /Gọi 0239 3831 248/);
    const audit = await lastAudit(db, 'page.update');
    assert.equal(audit.before.slug, 'duong-day-nong');
    assert.equal(audit.after.slug, 'duong-day-nong-ubnd');
    const form = await admin.get(`${PAGES}/${row.id}`);
    assert.match(form.body, /value="Đường dây nóng UBND"/);
  });

  test('order the pages: the first page becomes the default menu entry', async () => {
    const { admin, app } = get();
    const row = await renamedHotline();
    const list = await admin.get(PAGES);
    assert.match(list.body, /Đường dây nóng UBND/);
    const pages = await get().db.db.selectFrom('pages').select(['id', 'slug']).where('site_id', '=', 1).orderBy('position').execute();
    for (let i = 0; i < pages.length; i++) await admin.post(`${PAGES}/${row.id}/len`);
    assert.match(navOf((await publicGet(app, '/')).body), /href="\/trang\/duong-day-nong-ubnd"/);
    assert.doesNotMatch(navOf((await publicGet(app, '/')).body), new RegExp(`href="/trang/${pages[0]!.slug}"`));
  });

  test('the configured menu replaces the default one on every page; order, remove, reset', async () => {
    const { admin, app, db } = get();
    const before = navOf((await publicGet(app, '/')).body);
    assert.match(before, /Xây dựng Đảng/);
    const cat = await db.db.selectFrom('categories').selectAll().where('site_id', '=', 1).where('slug', '=', 'thong-bao').executeTakeFirstOrThrow();
    const about = (await page('gioi-thieu'))!;
    assert.match((await admin.get(MENU)).body, /thanh menu mặc định/);
    assert.equal((await admin.post(MENU, { target: `c:${cat.id}` })).statusCode, 303);
    assert.equal((await admin.post(MENU, { target: `p:${about.id}` })).statusCode, 303);
    let nav = navOf((await publicGet(app, '/chuyen-muc/thong-bao')).body);
    assert.doesNotMatch(nav, /Xây dựng Đảng/, 'only the chosen entries');
    assert.ok(nav.indexOf('Thông báo') < nav.indexOf('Giới thiệu'));
    assert.match(nav, /<a href="\/chuyen-muc\/thong-bao" aria-current="page">Thông báo<\/a>/);
    assert.equal((await lastAudit(db, 'menu.add')).after.page_id, about.id);

    const items = await db.db.selectFrom('menu_items').selectAll().where('site_id', '=', 1).orderBy('position').execute();
    assert.equal((await admin.post(`${MENU}/${items[1]!.id}/len`)).statusCode, 303);
    nav = navOf((await publicGet(app, '/')).body);
    assert.ok(nav.indexOf('Giới thiệu') < nav.indexOf('Thông báo'), 'moved up');

    const dup = await admin.post(MENU, { target: `c:${cat.id}` });
    assert.equal(dup.statusCode, 422);
    assert.equal(fieldError(dup.body, 'target'), '“Thông báo” đã có trên thanh menu.');
    const none = await admin.post(MENU, { target: '' });
    assert.equal(fieldError(none.body, 'target'), 'Vui lòng chọn chuyên mục, trang hoặc mục thông tin cần thêm vào thanh menu.');
    const theirs = await db.db.selectFrom('categories').select('id').where('site_id', '=', 2).executeTakeFirstOrThrow();
    const foreign = await admin.post(MENU, { target: `c:${theirs.id}` });
    assert.equal(fieldError(foreign.body, 'target'), 'Chuyên mục hoặc trang đã chọn không còn tồn tại.');
    assert.equal(await count(db, 'menu_items', 1), 2);

    assert.equal((await admin.post(`${MENU}/${items[0]!.id}/xoa`)).statusCode, 303);
    assert.doesNotMatch(navOf((await publicGet(app, '/')).body), /Thông báo/);
    assert.equal((await admin.post(`${MENU}/mac-dinh`)).statusCode, 303);
    assert.match(navOf((await publicGet(app, '/')).body), /Xây dựng Đảng/, 'back to the default menu');
    assert.equal((await lastAudit(db, 'menu.reset')).before.length, 1);
  });

  test('a section (documents, Q&A…) can be a menu entry; unknown or repeated sections are refused', async () => {
    const { admin, app, db } = get();
    assert.match((await admin.get(MENU)).body, /<option value="s:van-ban">Văn bản<\/option>/);
    assert.equal((await admin.post(MENU, { target: 's:van-ban' })).statusCode, 303);
    const nav = navOf((await publicGet(app, '/')).body);
    assert.match(nav, /<li><a href="\/van-ban">Văn bản<\/a><\/li>/);
    assert.doesNotMatch(nav, /Xây dựng Đảng/, 'the configured menu replaced the default one');
    const audit = await lastAudit(db, 'menu.add');
    assert.deepEqual([audit.after.section, audit.after.label], ['van-ban', 'Văn bản']);
    assert.doesNotMatch((await admin.get(MENU)).body, /<option value="s:van-ban">/, 'no longer offered');

    const dup = await admin.post(MENU, { target: 's:van-ban' });
    assert.equal(dup.statusCode, 422);
    assert.equal(fieldError(dup.body, 'target'), '“Văn bản” đã có trên thanh menu.');
    for (const target of ['s:khong-co', 's:', 's:VAN-BAN', 's:van-ban<script>']) {
      const bad = await admin.post(MENU, { target });
      assert.equal(bad.statusCode, 422, target);
      assert.equal(fieldError(bad.body, 'target'), 'Vui lòng chọn chuyên mục, trang hoặc mục thông tin cần thêm vào thanh menu.', target);
    }
    assert.equal(await count(db, 'menu_items', 1), 1);
    assert.equal((await admin.post(`${MENU}/mac-dinh`)).statusCode, 303);
    assert.equal(await count(db, 'menu_items', 1), 0);
  });

  test('deleting a page takes it off the menu and the footer', async () => {
    const { admin, app, db } = get();
    const row = await renamedHotline();
    await admin.post(MENU, { target: `p:${row.id}` });
    assert.match(navOf((await publicGet(app, '/')).body), /Đường dây nóng UBND/);
    assert.equal((await admin.post(`${PAGES}/${row.id}/xoa`)).statusCode, 303);
    assert.equal(await count(db, 'menu_items', 1), 0, 'its menu item went with it');
    const home = (await publicGet(app, '/')).body;
    assert.doesNotMatch(home, /Đường dây nóng UBND/);
    assert.equal((await publicGet(app, '/trang/duong-day-nong-ubnd')).statusCode, 404);
    assert.equal((await lastAudit(db, 'page.delete')).before.title, 'Đường dây nóng UBND');
  });

  test('an editor, or the admin of another site, gets 403 on pages and menu', async () => {
    const { editor, otherAdmin, db } = get();
    const about = (await page('gioi-thieu'))!;
    for (const c of [editor, otherAdmin]) {
      for (const url of [PAGES, `${PAGES}/moi`, `${PAGES}/${about.id}`, MENU]) assert.equal((await c.get(url)).statusCode, 403, url);
      assert.equal((await c.post(`${PAGES}/moi`, { title: 'X', slug: 'x', body: '<p>x</p>' })).statusCode, 403);
      assert.equal((await c.post(`${PAGES}/${about.id}/xoa`)).statusCode, 403);
      assert.equal((await c.post(MENU, { target: `p:${about.id}` })).statusCode, 403);
    }
    assert.ok(await page('gioi-thieu'));
    assert.equal(await page('x'), undefined);
    assert.equal(await count(db, 'menu_items', 1), 0);
  });
});

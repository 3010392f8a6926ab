import assert from 'node:assert/strict';
import { test } from 'node:test';
import { BAC_HONG_LINH } from '../helpers/app.js';
import { describeEachDb } from '../helpers/db.js';
import { publicGet, setupSiteAdmin } from '../site-admin/helpers.js';

const PATH = '/so-do-trang';
const CATEGORIES = '/quan-tri/trang-web/chuyen-muc';
const PAGES = '/quan-tri/trang-web/trang-tinh';
const MENU = '/quan-tri/trang-web/menu';

const mainOf = (html: string) => /<main[\s\S]*?<\/main>/.exec(html)![0];
/** The <section> of the page under the given heading. */
function group(html: string, heading: string): string {
  const m = new RegExp(`<section class="site-map-group" aria-labelledby="([^"]+)"><h2 id="\\1" class="section-title">${heading}</h2>([\\s\\S]*?)</section>`).exec(html);
  assert.ok(m, `a group headed "${heading}"`);
  return m[2]!;
}
const hrefs = (html: string) => [...html.matchAll(/<a href="([^"]+)"/g)].map((m) => m[1]!);

describeEachDb('Sơ đồ trang: the map of the site for people', setupSiteAdmin, (get) => {
  test('every page\'s footer opens it, and it lists each category, section and static page under headings', async () => {
    const { app, db } = get();
    for (const path of ['/', '/chuyen-muc/thong-bao', '/trang/lien-he', '/van-ban']) {
      const footer = /<footer[\s\S]*<\/footer>/.exec((await publicGet(app, path)).body)![0];
      assert.match(footer, /<li><a href="\/so-do-trang">Sơ đồ trang<\/a><\/li>/, path);
      assert.doesNotMatch(footer, /href="\/sitemap\.xml"/, `${path}: the footer no longer opens raw XML`);
    }
    const res = await publicGet(app, PATH);
    assert.equal(res.statusCode, 200);
    assert.equal(res.headers['content-type'], 'text/html; charset=utf-8');
    const main = mainOf(res.body);
    assert.match(main, /<h1 class="page-title">Sơ đồ trang<\/h1>/);
    assert.match(res.body, /<title>Sơ đồ trang - Cổng thông tin điện tử phường Nam Hồng Lĩnh<\/title>/);

    const categories = await db.db.selectFrom('categories').select(['slug', 'name']).where('site_id', '=', 1).orderBy('position').execute();
    assert.ok(categories.length >= 6);
    const news = group(main, 'Tin tức theo chuyên mục');
    assert.deepEqual(hrefs(news), ['/', ...categories.map((c) => `/chuyen-muc/${c.slug}`)], 'every category, in the menu order');
    for (const c of categories) assert.ok(news.includes(`>${c.name}</a>`), c.name);

    const sections = group(main, 'Thông tin chính quyền');
    assert.deepEqual(hrefs(sections), app.cong.sections.map((s) => s.path));
    assert.ok(hrefs(sections).includes('/van-ban') && hrefs(sections).includes('/gioi-thieu'));

    const pages = await db.db.selectFrom('pages').select(['slug', 'title']).where('site_id', '=', 1).orderBy('position').orderBy('id').execute();
    assert.deepEqual(hrefs(group(main, 'Trang thông tin')), pages.map((p) => `/trang/${p.slug}`));

    const tools = group(main, 'Tiện ích');
    assert.deepEqual(hrefs(tools), ['/tim-kiem', '/ban-do', '/rss.xml', '/sitemap.xml', '/en']);
    assert.match(tools, /<a href="\/en" hreflang="en" lang="en">English<\/a>/);
  });

  test('every link on it leads to a page of the site', async () => {
    const { app } = get();
    const links = hrefs(mainOf((await publicGet(app, PATH)).body));
    assert.ok(links.length > 15);
    for (const href of links) assert.equal((await publicGet(app, href)).statusCode, 200, href);
  });

  test('each site lists its own categories and pages only', async () => {
    const { app, db } = get();
    const main = mainOf((await publicGet(app, PATH, BAC_HONG_LINH)).body);
    const own = await db.db.selectFrom('categories').select('slug').where('site_id', '=', 2).execute();
    const other = await db.db.selectFrom('categories').select('slug').where('site_id', '=', 1).execute();
    const listed = hrefs(group(main, 'Tin tức theo chuyên mục')).filter((h) => h !== '/');
    assert.deepEqual(listed.sort(), own.map((c) => `/chuyen-muc/${c.slug}`).sort());
    const foreign = other.map((c) => `/chuyen-muc/${c.slug}`).filter((h) => !own.some((c) => `/chuyen-muc/${c.slug}` === h));
    assert.deepEqual(listed.filter((h) => foreign.includes(h)), []);
  });

  test('it is in sitemap.xml, at the site\'s own origin', async () => {
    const xml = (await publicGet(get().app, '/sitemap.xml')).body;
    assert.match(xml, /<url><loc>http:\/\/namhonglinh\.localhost\/so-do-trang<\/loc><\/url>/);
    assert.match((await publicGet(get().app, '/sitemap.xml', BAC_HONG_LINH)).body, /<loc>http:\/\/bachonglinh\.localhost\/so-do-trang<\/loc>/);
  });

  test('it is cached like other pages, and a new sub-category, static page or menu entry shows at once', async () => {
    const { app, admin, db } = get();
    const first = await publicGet(app, PATH);
    assert.match(first.headers['cache-control'] as string, /^public, max-age=60/);
    const renders = app.cong.pageCache.counters.renders;
    const again = await publicGet(app, PATH);
    assert.equal(app.cong.pageCache.counters.renders, renders, 'the second request is served from the cache');
    assert.equal(again.body, first.body);

    // A sub-category: listed inside its parent's item, as a nested list.
    const parent = (await db.db.selectFrom('categories').select(['id']).where('site_id', '=', 1).where('slug', '=', 'kinh-te').executeTakeFirstOrThrow());
    assert.equal((await admin.post(CATEGORIES, { name: 'Nông nghiệp <sạch>', slug: 'nong-nghiep-sach', parent_id: String(parent.id) })).statusCode, 303);
    let main = mainOf((await publicGet(app, PATH)).body);
    assert.match(main, /<li><a href="\/chuyen-muc\/kinh-te">Kinh tế<\/a><ul><li><a href="\/chuyen-muc\/nong-nghiep-sach">Nông nghiệp &lt;sạch><\/a><\/li><\/ul><\/li>/);
    assert.ok(app.cong.pageCache.counters.renders > renders, 'rendered again after the purge');

    assert.equal((await admin.post(`${PAGES}/moi`, { title: 'Đường dây nóng', slug: 'duong-day-nong', body: '<p>Gọi 1022</p>' })).statusCode, 303);
    main = mainOf((await publicGet(app, PATH)).body);
    assert.match(group(main, 'Trang thông tin'), /<li><a href="\/trang\/duong-day-nong">Đường dây nóng<\/a><\/li>/);

    assert.equal((await admin.post(MENU, { target: 's:van-ban' })).statusCode, 303);
    const nav = /<nav class="main-nav"[\s\S]*?<\/nav>/.exec((await publicGet(app, PATH)).body)![0];
    assert.match(nav, /<a href="\/van-ban">Văn bản<\/a>/, 'the header of the cached page follows the new menu');
  });
}, async ({ app }) => app.close());

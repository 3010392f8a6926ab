import assert from 'node:assert/strict';
import { test } from 'node:test';
import { features } from '../../src/features/index.js';
import { buildTestApp, NAM_HONG_LINH, BAC_HONG_LINH } from '../helpers/app.js';
import { describeEachDb } from '../helpers/db.js';

const ENGLISH = '<p class="lang-switch"><a href="/en" hreflang="en" lang="en">English</a></p>';
const headerOf = (html: string) => /<header class="site-header">[\s\S]*?<\/header>/.exec(html)?.[0] ?? '';
const count = (html: string, s: string) => html.split(s).length - 1;

describeEachDb('the header\'s link to the other language', async (db) => ({ app: await buildTestApp(db) }), (get) => {
  const page = async (url: string, host = NAM_HONG_LINH, status = 200) => {
    const res = await get().app.inject({ url, headers: { host } });
    assert.equal(res.statusCode, status, url);
    return res.body;
  };

  test('every Vietnamese public page has "English" (lang and hreflang en) to /en in its header, once', async () => {
    const { db } = get();
    const a = await db.db.selectFrom('articles').select(['id', 'slug']).where('site_id', '=', 1).where('status', '=', 'published').orderBy('id').executeTakeFirstOrThrow();
    const urls = ['/', '/chuyen-muc/thong-bao', `/bai-viet/${a.slug}-${a.id}`, '/trang/lien-he', '/tim-kiem?q=nam+hong', '/van-ban', '/lich-cong-tac', '/hoi-dap', '/thu-tuc-hanh-chinh', '/ban-do', '/so-do-trang'];
    for (const url of urls) {
      const html = await page(url);
      assert.match(html, /<html lang="vi">/, url);
      assert.ok(headerOf(html).startsWith(`<header class="site-header">${ENGLISH}`), `${url}: at the top of the header`);
      const chrome = html.replace(/<main[\s\S]*?<\/main>/, '');
      assert.equal(count(chrome, 'lang="en">English</a>'), 1, `${url}: one English link around the content`);
    }
    // The second site too, and the site's 404 page.
    assert.ok(headerOf(await page('/', BAC_HONG_LINH)).includes(ENGLISH));
    assert.ok(headerOf(await page('/khong-co-trang-nay', NAM_HONG_LINH, 404)).includes(ENGLISH));
  });

  test('a page with an English counterpart links that page; English pages link back to theirs as "Tiếng Việt"', async () => {
    assert.ok(headerOf(await page('/gioi-thieu/lanh-dao')).includes('<p class="lang-switch"><a href="/en/leaders" hreflang="en" lang="en">English</a></p>'));
    for (const [en, vi] of [['/en', '/gioi-thieu'], ['/en/contact', '/gioi-thieu/lien-he']] as const) {
      const html = await page(en);
      assert.match(html, /<html lang="en">/);
      const header = headerOf(html);
      assert.ok(header.includes(`<p class="lang-switch"><a href="${vi}" hreflang="vi" lang="vi">Tiếng Việt</a></p>`), en);
      assert.equal(count(html, '>Tiếng Việt</a>'), 1, `${en}: one way back`);
      assert.doesNotMatch(html, />English<\/a>/, `${en}: no link to itself`);
    }
  });
}, async ({ app }) => app.close());

describeEachDb('a portal without English pages', async (db) => ({
  app: await buildTestApp(db, { features: features.filter((f) => f.key !== 'organisation') }),
}), (get) => {
  test('has no "English" link in its header (it would lead nowhere)', async () => {
    const res = await get().app.inject({ url: '/', headers: { host: NAM_HONG_LINH } });
    assert.equal(res.statusCode, 200);
    assert.doesNotMatch(res.body, /class="lang-switch"/);
    assert.equal((await get().app.inject({ url: '/en', headers: { host: NAM_HONG_LINH } })).statusCode, 404);
  });
}, async ({ app }) => app.close());

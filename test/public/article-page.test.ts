import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { buildTestApp, NAM_HONG_LINH, ROOT } from '../helpers/app.js';
import { describeEachDb, type TestDb } from '../helpers/db.js';
import { urls } from '../../src/kernel/http/urls.js';

const FIXTURE = `${ROOT}/../shared/fixtures/hong-linh-seed.json`;
const seed = JSON.parse(readFileSync(existsSync(FIXTURE) ? FIXTURE : `${ROOT}/test/fixtures/hong-linh-seed.json`, 'utf8'));

/** Text content of an HTML fragment, entities decoded, for comparing with the fixture. */
function text(html: string): string {
  return html
    .replace(/<[^>]+>/g, '')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

/** The seed article's canonical URL, from the database (each test runs alone: none waits for the redirect test). */
async function seedArticlePath(db: TestDb): Promise<string> {
  const a = await db.db
    .selectFrom('articles')
    .innerJoin('site_hosts', 'site_hosts.site_id', 'articles.site_id')
    .select(['articles.id', 'articles.slug'])
    .where('site_hosts.host', '=', NAM_HONG_LINH)
    .where('articles.legacy_id', '=', '614123')
    .executeTakeFirstOrThrow();
  return urls.article(a);
}

describeEachDb('the seed article page', async (db) => ({ app: await buildTestApp(db), path: await seedArticlePath(db) }), (get) => {
  test('the legacy URL of the old portal answers 301 to the canonical article URL', async () => {
    const { app, path } = get();
    const res = await app.inject({ url: '/portal/pages/2021-10-15/Dang-uy-phuong-Nam-Hong-tong-ket-13-nam-thuc-hien-Nghi-quyet-22-NQTW-va-10-614123.aspx', headers: { host: NAM_HONG_LINH } });
    assert.equal(res.statusCode, 301);
    assert.equal(res.headers.location, path);
    assert.match(path, /^\/bai-viet\/dang-uy-phuong-nam-hong-tong-ket-13-nam-[a-z0-9-]+-\d+$/);
  });

  test('shows the seed article exactly as published, with its date, category and source', async () => {
    const { app, path } = get();
    const res = await app.inject({ url: path, headers: { host: NAM_HONG_LINH } });
    assert.equal(res.statusCode, 200);
    assert.equal(res.headers['content-type'], 'text/html; charset=utf-8');
    const html = res.body;
    const page = text(html);
    assert.ok(page.includes(seed.article.title), 'title');
    for (const p of seed.article.paragraphs as string[]) assert.ok(page.includes(p), `paragraph verbatim: ${p.slice(0, 40)}…`);
    assert.ok(page.includes('quán triển') && page.includes('nâng co hiệu quả') && page.includes('ấp uỷ'), 'typos kept');
    assert.ok(page.includes('Thứ Sáu, 15/10/2021 08:30'), 'date in Vietnamese format');
    assert.match(html, /<nav class="breadcrumb"[^>]*>.*Trang chủ.*Xây dựng Đảng/s);
    assert.match(page, /Nguồn: \S/);
    assert.match(html, /<html lang="vi">/);
    assert.equal(html, html.normalize('NFC'), 'the page is NFC');
  });

  test('has share links, print and font-size controls, related articles', async () => {
    const { app, path } = get();
    const html = (await app.inject({ url: path, headers: { host: NAM_HONG_LINH } })).body;
    assert.match(html, /https:\/\/www\.facebook\.com\/sharer\/sharer\.php\?u=http%3A%2F%2Fnamhonglinh\.localhost/);
    assert.match(html, /Zalo/);
    assert.match(html, /data-copy-link="http:\/\/namhonglinh\.localhost\/bai-viet\//);
    assert.match(html, /data-print/);
    assert.match(html, /data-font="-1"[^>]*>A-</);
    assert.match(html, /data-font="0"[^>]*>A</);
    assert.match(html, /data-font="1"[^>]*>A\+</);
    assert.match(html, /Tin cùng chuyên mục/);
    const related = html.split('Tin cùng chuyên mục')[1]!.match(/href="\/bai-viet\//g) ?? [];
    assert.ok(related.length >= 3, 'at least three related articles');
  });

  test('carries canonical, OpenGraph and JSON-LD NewsArticle + BreadcrumbList', async () => {
    const { app, path } = get();
    const html = (await app.inject({ url: path, headers: { host: NAM_HONG_LINH } })).body;
    assert.ok(html.includes(`<link rel="canonical" href="http://namhonglinh.localhost${path}"/>`));
    assert.match(html, /<meta property="og:type" content="article"\/>/);
    assert.ok(html.includes(`<meta property="og:title" content="${seed.article.title}"/>`));
    const ld = [...html.matchAll(/<script type="application\/ld\+json">(.*?)<\/script>/g)].map((m) => JSON.parse(m[1]!));
    const article = ld.find((d) => d['@type'] === 'NewsArticle');
    assert.ok(article, 'NewsArticle');
    assert.equal(article.datePublished, '2021-10-15T01:30:00.000Z');
    assert.equal(article.articleSection, 'Xây dựng Đảng');
    const crumbs = ld.find((d) => d['@type'] === 'BreadcrumbList');
    assert.deepEqual(crumbs.itemListElement.map((i: { name: string }) => i.name), ['Trang chủ', 'Xây dựng Đảng', seed.article.title]);
  });

  test('a wrong or outdated slug gets a 301 to the canonical one; the id routes', async () => {
    const { app, path } = get();
    const id = path.split('-').pop();
    for (const url of [`/bai-viet/${id}`, `/bai-viet/ten-cu-${id}`, `/bai-viet/DANG-UY-${id}`]) {
      const res = await app.inject({ url, headers: { host: NAM_HONG_LINH } });
      assert.equal(res.statusCode, 301, url);
      assert.equal(res.headers.location, path);
    }
  });

  test('unknown articles and legacy ids get the Vietnamese 404 page', async () => {
    const { app } = get();
    for (const url of ['/bai-viet/khong-co-999999', '/bai-viet/abc', '/portal/pages/2021-10-15/Bai-999999.aspx', '/portal/pages/x/y.aspx']) {
      const res = await app.inject({ url, headers: { host: NAM_HONG_LINH } });
      assert.equal(res.statusCode, 404, url);
      assert.match(res.body, /Không tìm thấy trang/);
      assert.equal(res.headers['cache-control'], 'no-store');
    }
  });
}, async ({ app }: { app: FastifyInstance }) => {
  await app.close();
});

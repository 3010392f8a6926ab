import assert from 'node:assert/strict';
import { test } from 'node:test';
import { h } from 'preact';
import { features } from '../src/features/index.js';
import { hasRole } from '../src/kernel/access/actor.js';
import { KERNEL_TABLES } from '../src/kernel/db/schema.js';
import type { Feature } from '../src/kernel/feature.js';
import { htmlPage } from '../src/kernel/http/render.js';
import { AdminClient, makeUser } from './helpers/admin.js';
import { buildTestApp, NAM_HONG_LINH } from './helpers/app.js';
import { describeEachDb } from './helpers/db.js';

/**
 * A new section costs one folder and one line in src/features/index.ts: here a small feature is
 * added to the list and shows up everywhere the list is read, without touching another file.
 */
const gazette: Feature = {
  key: 'gazette',
  label: 'Công báo',
  publicRoutes: async (app) => {
    app.get('/cong-bao', async (_request, reply) => {
      const page = htmlPage(h('p', null, 'Công báo phường'));
      return reply.type(page.contentType).send(page.body);
    });
  },
  adminRoutes: async (admin) => {
    admin.get('/quan-tri/cong-bao', async () => 'Công báo (quản trị)');
  },
  adminNav: [{ href: '/quan-tri/cong-bao', label: 'Công báo phường', order: 35, visible: (a, siteId) => hasRole(a, siteId, 'site_admin') }],
  section: { key: 'cong-bao', label: 'Công báo phường', path: '/cong-bao', order: 25 },
  sitemap: async () => [{ path: '/cong-bao/so-1-2026', lastmod: '2026-11-30T08:00:00.000Z' }],
  search: {
    order: 5,
    search: async (_db, _siteId, query) =>
      query.clauses.some((c) => c.includes('gazette')) ? { heading: 'Công báo phường', total: 1, items: [{ title: 'Công báo số 1/2026', href: '/cong-bao/so-1-2026' }] } : null,
  },
};

describeEachDb('a feature added to the list', async (db) => {
  const app = await buildTestApp(db, { features: [...features, gazette] });
  await makeUser(db.db, 'quantri', [{ siteId: 1, role: 'site_admin' }]);
  await makeUser(db.db, 'phongvien', [{ siteId: 1, role: 'contributor' }]);
  return { app };
}, (get) => {
  const page = (url: string) => get().app.inject({ url, headers: { host: NAM_HONG_LINH } });

  test('its public route answers and its section is in the sidebar of every page, in its order', async () => {
    assert.equal((await page('/cong-bao')).statusCode, 200);
    const home = (await page('/')).body;
    const block = /<ul class="section-links">(.*?)<\/ul>/s.exec(home)![1]!;
    const labels = [...block.matchAll(/<a href="([^"]+)">([^<]+)<\/a>/g)].map((m) => m[2]);
    assert.deepEqual(labels.slice(0, 3), ['Giới thiệu', 'Văn bản', 'Công báo phường']);
  });

  test('its URLs are in the sitemap', async () => {
    const xml = (await page('/sitemap.xml')).body;
    assert.match(xml, /<loc>http:\/\/namhonglinh\.localhost\/cong-bao\/so-1-2026<\/loc><lastmod>2026-11-30<\/lastmod>/);
  });

  test('its group is on the search page, with its heading and results', async () => {
    const html = (await page('/tim-kiem?q=gazette')).body;
    assert.match(html, /Công báo phường \(1\)<\/h2>/);
    assert.match(html, /<a href="\/cong-bao\/so-1-2026">Công báo số 1\/2026<\/a>/);
  });

  test('its section can be put in the header menu', async () => {
    const admin = await AdminClient.login(get().app, NAM_HONG_LINH, 'quantri');
    const form = await admin.get('/quan-tri/trang-web/menu');
    assert.match(form.body, /value="s:cong-bao"/);
    const res = await admin.post('/quan-tri/trang-web/menu', { target: 's:cong-bao' });
    assert.equal(res.statusCode, 303);
    assert.match((await page('/')).body, /<nav class="main-nav"[^]*<a href="\/cong-bao"[^>]*>Công báo phường<\/a>[^]*<\/nav>/);
  });

  test('its back-office entry is in the menu of those its policy lets in, at its place', async () => {
    const admin = await AdminClient.login(get().app, NAM_HONG_LINH, 'quantri');
    const nav = /<nav class="admin-nav"[^>]*>(.*?)<\/nav>/s.exec((await admin.get('/quan-tri')).body)![1]!;
    const labels = [...nav.matchAll(/>([^<]+)<\/a>/g)].map((m) => m[1]);
    assert.deepEqual(labels.slice(0, 5), ['Tổng quan', 'Bài viết', 'Bình luận', 'Văn bản', 'Công báo phường']);
    const writer = await AdminClient.login(get().app, NAM_HONG_LINH, 'phongvien');
    assert.doesNotMatch((await writer.get('/quan-tri')).body, /Công báo phường/);
    assert.equal((await admin.get('/quan-tri/cong-bao')).body, 'Công báo (quản trị)');
  });

  test('the same key or path twice is refused at start', async () => {
    await assert.rejects(buildTestApp(get().db, { seed: false, features: [...features, gazette, { ...gazette }] }), /same feature:gazette/);
    await assert.rejects(buildTestApp(get().db, { seed: false, features: [...features, { key: 'other', label: 'Khác', section: { ...gazette.section!, key: 'x' } }, gazette] }), /same path:\/cong-bao/);
  });
});

describeEachDb('the features own the tables', async () => ({}), (get) => {
  test('every table of the migrated database belongs to the kernel or to exactly one feature', async () => {
    const owners = new Map<string, string[]>();
    for (const [owner, tables] of [['kernel', KERNEL_TABLES] as const, ...features.map((f) => [f.key, f.tables ?? []] as const)]) {
      for (const t of tables) owners.set(t, [...(owners.get(t) ?? []), owner]);
    }
    // Not ours to declare: the migrator's own tables, and the SQLite full-text indexes (search_fts,
    // search_titles and their shadow tables) kept in step with search_documents.
    const tables = (await get().db.db.introspection.getTables()).map((t) => t.name).filter((n) => !/^(kysely_migration|search_fts|search_titles)/.test(n));
    assert.deepEqual(tables.filter((t) => !owners.has(t)), [], 'tables no feature declares');
    assert.deepEqual([...owners].filter(([, o]) => o.length > 1), [], 'tables two owners declare');
    assert.deepEqual([...owners.keys()].filter((t) => !tables.includes(t)), [], 'declared tables that do not exist');
  });
});

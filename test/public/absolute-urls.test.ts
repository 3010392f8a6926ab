import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { urls } from '../../src/kernel/http/urls.js';
import { AdminClient, makeUser } from '../helpers/admin.js';
import { buildTestApp, NAM_HONG_LINH } from '../helpers/app.js';
import { describeEachDb } from '../helpers/db.js';

const ORIGIN = 'https://namhonglinh.hatinh.gov.vn';
/** A client that forges every header an origin could be read from (and the proxy is trusted: CONG_TRUST_PROXY=true). */
const FORGED = { host: NAM_HONG_LINH, 'x-forwarded-host': 'attacker.example', 'x-forwarded-proto': 'http' };

/**
 * The origins of the absolute URLs in a body that could be this site's (share links carry theirs
 * URL-encoded), or the forged one's; links to other sites (schema.org, the national portals) are left out.
 */
function ownOrigins(body: string): Set<string> {
  const decoded = body.replace(/%3A/gi, ':').replace(/%2F/gi, '/');
  const all = decoded.match(/https?:\/\/[a-z0-9.:[\]-]+/gi) ?? [];
  return new Set(all.filter((u) => /localhost|namhonglinh|attacker|127\.0\.0\.1/.test(u)));
}

describeEachDb('absolute URLs come from the site\'s primary host and scheme, never from the request', async (db) => {
  const app = await buildTestApp(db, { env: { CONG_TRUST_PROXY: 'true' } });
  await makeUser(db.db, 'hethong', [], true);
  const system = await AdminClient.login(app, NAM_HONG_LINH, 'hethong');
  const article = await db.db.selectFrom('articles').select(['id', 'slug']).where('site_id', '=', 1).where('status', '=', 'published').orderBy('id').executeTakeFirstOrThrow();
  return { app, system, articlePath: urls.article(article) };
}, (get) => {
  test('the hosts screen sets the primary host (first line) and the scheme, with an audit row; the site\'s cache is purged', async () => {
    const { app, system, db } = get();
    const before = await app.inject({ url: '/', headers: FORGED });
    assert.match(before.body, /<link rel="canonical" href="http:\/\/namhonglinh\.localhost\/"\/>/, 'the demo site links to its own loopback name in development');
    const form = await system.get('/quan-tri/trang-web/cac-trang/1');
    assert.match(form.body, /<select id="f-scheme" name="scheme"/);
    const bad = await system.post('/quan-tri/trang-web/cac-trang/1', { hosts: 'namhonglinh.hatinh.gov.vn', scheme: 'gopher' });
    assert.equal(bad.statusCode, 422);
    assert.match(bad.body, /Vui lòng chọn giao thức trong danh sách\./);
    const saved = await system.post('/quan-tri/trang-web/cac-trang/1', { hosts: 'namhonglinh.hatinh.gov.vn\nnamhonglinh.localhost', scheme: 'https' });
    assert.equal(saved.statusCode, 303);
    const row = await db.db.selectFrom('sites').select(['primary_host', 'scheme']).where('id', '=', 1).executeTakeFirstOrThrow();
    assert.deepEqual(row, { primary_host: 'namhonglinh.hatinh.gov.vn', scheme: 'https' });
    const audit = await db.db.selectFrom('audit_log').select(['after_json']).where('action', '=', 'site.hosts').orderBy('id', 'desc').executeTakeFirstOrThrow();
    assert.deepEqual(JSON.parse(audit.after_json!), { hosts: ['namhonglinh.hatinh.gov.vn', 'namhonglinh.localhost'], primaryHost: 'namhonglinh.hatinh.gov.vn', scheme: 'https' });
    assert.equal((await system.get('/quan-tri/trang-web/cac-trang/1')).statusCode, 303, 'now https: the session cookie is __Host- named, so one signs in again');
    const again = await AdminClient.login(get().app, NAM_HONG_LINH, 'hethong');
    assert.match((await again.get('/quan-tri/trang-web/cac-trang/1')).body, /namhonglinh\.hatinh\.gov\.vn\nnamhonglinh\.localhost<\/textarea>[\s\S]*<option value="https" selected/);
  });

  test('pages: canonical, og:url, hreflang and JSON-LD use the configured origin under a forged Host and X-Forwarded-*', async () => {
    const { app, articlePath } = get();
    for (const path of ['/', '/chuyen-muc/kinh-te', articlePath, '/gioi-thieu', '/en']) {
      const res = await app.inject({ url: path, headers: FORGED });
      assert.equal(res.statusCode, 200, path);
      assert.ok(res.body.includes(`<link rel="canonical" href="${ORIGIN}${path === '/' ? '/' : path}"/>`), path);
      assert.ok(res.body.includes(`<meta property="og:url" content="${ORIGIN}`), path);
      assert.deepEqual([...ownOrigins(res.body)], [ORIGIN], path);
    }
    const article = await app.inject({ url: articlePath, headers: FORGED });
    assert.match(article.body, new RegExp(`"mainEntityOfPage":"${ORIGIN}${articlePath}"`));
  });

  test('feeds, sitemap, robots.txt, OpenSearch and iCal use the configured origin', async () => {
    const { app } = get();
    for (const path of ['/rss.xml', '/chuyen-muc/kinh-te/rss.xml', '/sitemap.xml', '/robots.txt', '/opensearch.xml', '/lich-cong-tac.ics', '/van-ban/rss.xml', '/hoi-dap/rss.xml']) {
      const res = await app.inject({ url: path, headers: FORGED });
      assert.equal(res.statusCode, 200, path);
      assert.deepEqual([...ownOrigins(res.body)], [ORIGIN], path);
    }
    assert.match((await app.inject({ url: '/robots.txt', headers: FORGED })).body, /Sitemap: https:\/\/namhonglinh\.hatinh\.gov\.vn\/sitemap\.xml/);
  });

  test('an https site\'s cookies are Secure and __Host- named, though the request itself came over http', async () => {
    const { app } = get();
    const form = await app.inject({ url: '/quan-tri/dang-nhap', headers: { host: NAM_HONG_LINH } });
    const cookie = String(([] as string[]).concat(form.headers['set-cookie'] ?? [])[0]);
    assert.match(cookie, /^__Host-cong_lcsrf=[^;]+; Path=\/; HttpOnly; Secure; SameSite=Lax$/);
    const c = await AdminClient.login(app, NAM_HONG_LINH, 'hethong');
    assert.match(c.cookie, /^__Host-cong_sid=/);
    assert.equal((await c.get('/quan-tri')).statusCode, 200, 'the prefixed session cookie is the one read back');
    assert.equal((await app.inject({ url: '/quan-tri', headers: { host: NAM_HONG_LINH, cookie: c.cookie.replace('__Host-', '') } })).statusCode, 303, 'the unprefixed name is not accepted');
  });
}, async ({ app }: { app: FastifyInstance }) => {
  await app.close();
});

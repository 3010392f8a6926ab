import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { buildTestApp, NAM_HONG_LINH, BAC_HONG_LINH, ROOT } from '../helpers/app.js';
import { describeEachDb } from '../helpers/db.js';

const hasXmllint = spawnSync('xmllint', ['--version']).status === 0;

function xmllint(xml: string, schema?: string): { ok: boolean; out: string } {
  const dir = mkdtempSync(join(tmpdir(), 'cong-xml-'));
  const file = join(dir, 'doc.xml');
  writeFileSync(file, xml);
  const args = ['--noout', ...(schema ? ['--schema', schema] : []), file];
  const r = spawnSync('xmllint', args, { encoding: 'utf8' });
  return { ok: r.status === 0, out: r.stderr };
}

describeEachDb('RSS, sitemap and robots.txt', async (db) => ({ app: await buildTestApp(db) }), (get) => {
  const req = (url: string, host = NAM_HONG_LINH) => get().app.inject({ url, headers: { host } });

  test('sitemap.xml lists the site\'s pages and articles only, valid against the sitemaps.org schema', async (t) => {
    const res = await req('/sitemap.xml');
    assert.equal(res.statusCode, 200);
    assert.equal(res.headers['content-type'], 'application/xml; charset=utf-8');
    const locs = [...res.body.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]!);
    assert.ok(locs.includes('http://namhonglinh.localhost/'));
    assert.ok(locs.includes('http://namhonglinh.localhost/chuyen-muc/xay-dung-dang'));
    assert.ok(locs.includes('http://namhonglinh.localhost/trang/gioi-thieu'));
    assert.ok(locs.filter((l) => l.includes('/bai-viet/')).length >= 35);
    assert.ok(locs.every((l) => l.startsWith('http://namhonglinh.localhost/')));
    const ward = await req('/sitemap.xml', BAC_HONG_LINH);
    const wardLocs = [...ward.body.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]!);
    const paths = (l: string[]) => l.filter((u) => u.includes('/bai-viet/')).map((u) => new URL(u).pathname);
    assert.ok(paths(wardLocs).length > 0);
    assert.deepEqual(paths(wardLocs).filter((p) => paths(locs).includes(p)), [], 'no article of one site in the other\'s sitemap');
    if (!hasXmllint) {
      if (process.env.CI) assert.fail('xmllint is required in CI');
      t.diagnostic('xmllint not installed: schema validation skipped');
      return;
    }
    const v = xmllint(res.body, join(ROOT, 'test/fixtures/sitemap-0.9.xsd'));
    assert.ok(v.ok, v.out);
  });

  test('RSS 2.0 for the site and per category, newest first, in Vietnamese', async () => {
    const res = await req('/rss.xml');
    assert.equal(res.statusCode, 200);
    assert.match(res.headers['content-type'] as string, /^application\/rss\+xml/);
    assert.match(res.body, /<rss version="2\.0"/);
    assert.match(res.body, /<language>vi<\/language>/);
    assert.equal((res.body.match(/<item>/g) ?? []).length, 20);
    if (hasXmllint) assert.ok(xmllint(res.body).ok);
    const cat = await req('/chuyen-muc/xay-dung-dang/rss.xml');
    assert.equal(cat.statusCode, 200);
    assert.match(cat.body, /<title><!\[CDATA\[Xây dựng Đảng - Cổng thông tin điện tử phường Nam Hồng Lĩnh\]\]><\/title>|<title>Xây dựng Đảng - Cổng thông tin điện tử phường Nam Hồng Lĩnh<\/title>/);
    const dates = [...cat.body.matchAll(/<pubDate>([^<]+)<\/pubDate>/g)].map((m) => Date.parse(m[1]!));
    assert.deepEqual(dates, [...dates].sort((a, b) => b - a));
    assert.equal((await req('/chuyen-muc/khong-co/rss.xml')).statusCode, 404);
  });

  test('robots.txt points at the sitemap of the host asked', async () => {
    const res = await req('/robots.txt', BAC_HONG_LINH);
    assert.match(res.body, /Sitemap: http:\/\/bachonglinh\.localhost\/sitemap\.xml/);
  });
}, async ({ app }: { app: FastifyInstance }) => {
  await app.close();
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { buildTestApp, NAM_HONG_LINH, BAC_HONG_LINH } from '../helpers/app.js';
import { describeEachDb } from '../helpers/db.js';

describeEachDb('page-frame widgets', async (db) => ({ app: await buildTestApp(db) }), (get) => {
  const form = (id: string) => `id=${encodeURIComponent(id)}`;
  const post = (payload: string, host = NAM_HONG_LINH) =>
    get().app.inject({ method: 'POST', url: '/lien-ket', payload, headers: { host, 'content-type': 'application/x-www-form-urlencoded' } });

  test('the links drop-down is plain links in a disclosure: no form, so it works without JS under form-action \'self\'', async () => {
    const { app, db } = get();
    const home = (await app.inject({ url: '/', headers: { host: NAM_HONG_LINH } })).body;
    const widget = /<section class="widget widget-links"[\s\S]*?<\/section>/.exec(home)?.[0] ?? '';
    assert.match(widget, /<details class="links-menu"><summary>Chọn website<\/summary>/);
    assert.doesNotMatch(widget, /<form|<select/);
    const links = await db.db.selectFrom('links').selectAll().where('site_id', '=', 1).orderBy('position').orderBy('id').execute();
    assert.ok(links.length >= 2);
    const hrefs = [...widget.matchAll(/<a href="([^"]+)" rel="noopener">/g)].map((m) => m[1]!.replace(/&amp;/g, '&'));
    assert.deepEqual(hrefs, links.map((l) => l.url));
  });

  test('a stored link that is not a web address is not rendered as a link', async () => {
    const { app, db } = get();
    const row = await db.db.insertInto('links').values({ site_id: 1, title: 'Lạ', url: 'javascript:alert(1)', position: 99 }).returning('id').executeTakeFirstOrThrow();
    app.cong.pageCache.purgeSite(1);
    try {
      const home = (await app.inject({ url: '/', headers: { host: NAM_HONG_LINH } })).body;
      assert.match(home, /<section class="widget widget-links"/);
      assert.doesNotMatch(home, /javascript:alert/);
    } finally {
      await db.db.deleteFrom('links').where('id', '=', row.id).execute();
      app.cong.pageCache.purgeSite(1);
    }
  });

  test('every page, public and back office, allows forms to post to the site only', async () => {
    const { app } = get();
    for (const url of ['/', '/quan-tri/dang-nhap', '/khong-co-trang-nay']) {
      const csp = (await app.inject({ url, headers: { host: NAM_HONG_LINH } })).headers['content-security-policy'] as string;
      assert.match(csp, /(^|; )form-action 'self'(;|$)/, url);
    }
  });

  test('the old links redirect still answers the site\'s own links with a 303', async () => {
    const { db } = get();
    const link = await db.db.selectFrom('links').selectAll().where('site_id', '=', 1).orderBy('position').executeTakeFirstOrThrow();
    const res = await post(form(String(link.id)));
    assert.equal(res.statusCode, 303);
    assert.equal(res.headers.location, link.url);
  });

  test('the redirect refuses anything that is not one of the site\'s links', async () => {
    const { db } = get();
    const otherSite = await db.db.selectFrom('links').select('id').where('site_id', '=', 2).executeTakeFirstOrThrow();
    for (const payload of [form(String(otherSite.id)), form('https://evil.example'), form(''), form('999999'), 'url=https://evil.example', '']) {
      const res = await post(payload);
      assert.equal(res.statusCode, 400, payload);
      assert.equal(res.headers.location, undefined);
      assert.match(res.body, /Liên kết bạn chọn không có trong danh sách liên kết của trang/);
    }
  });

  test('the playlist lists the site\'s songs and the audio files are real WAV with range support', async () => {
    const { app } = get();
    const home = (await app.inject({ url: '/', headers: { host: NAM_HONG_LINH } })).body;
    const songs = [...home.matchAll(/<a href="(\/bai-hat\/\d+)" data-track/g)].map((m) => m[1]!);
    assert.ok(songs.length >= 3, 'several songs');
    assert.match(home, /<audio controls preload="none" src="\/bai-hat\/\d+"/);
    const res = await app.inject({ url: songs[0]!, headers: { host: NAM_HONG_LINH } });
    assert.equal(res.statusCode, 200);
    assert.equal(res.headers['content-type'], 'audio/wav');
    assert.equal(res.rawPayload.subarray(0, 4).toString('ascii'), 'RIFF');
    assert.equal(res.rawPayload.subarray(8, 12).toString('ascii'), 'WAVE');
    assert.ok(res.rawPayload.length > 10_000);
    const part = await app.inject({ url: songs[0]!, headers: { host: NAM_HONG_LINH, range: 'bytes=0-99' } });
    assert.equal(part.statusCode, 206);
    assert.equal(part.rawPayload.length, 100);
    const foreign = await app.inject({ url: songs[0]!, headers: { host: BAC_HONG_LINH } });
    assert.equal(foreign.statusCode, 404, 'songs are scoped to their site');
  });

  test('the map page has Leaflet config with the tile URL, markers, and the static fallback image', async () => {
    const { app } = get();
    const res = await app.inject({ url: '/ban-do', headers: { host: NAM_HONG_LINH } });
    assert.equal(res.statusCode, 200);
    const m = /data-map="([^"]+)"/.exec(res.body);
    assert.ok(m);
    const cfg = JSON.parse(m[1]!.replace(/&quot;/g, '"').replace(/&amp;/g, '&'));
    assert.equal(cfg.tileUrl, 'https://tile.openstreetmap.org/{z}/{x}/{y}.png');
    assert.ok(cfg.offices.length >= 5);
    assert.match(res.body, /<img class="map-static" src="\/ban-do\/ban-do\.svg"/);
    assert.match(res.body, /Địa chỉ các cơ quan/);
    assert.match(res.headers['content-security-policy'] as string, /img-src 'self' data: https:\/\/tile\.openstreetmap\.org/);
    const svg = await app.inject({ url: '/ban-do/ban-do.svg', headers: { host: NAM_HONG_LINH } });
    assert.equal(svg.headers['content-type'], 'image/svg+xml; charset=utf-8');
    assert.match(svg.body, /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    assert.equal((svg.body.match(/<circle /g) ?? []).length, cfg.offices.length);
    assert.match(svg.body, /<title>Bản đồ phường Nam Hồng Lĩnh<\/title>/);
  });
}, async ({ app }: { app: FastifyInstance }) => {
  await app.close();
});

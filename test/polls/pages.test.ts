import assert from 'node:assert/strict';
import { test } from 'node:test';
import { renderToString } from 'preact-render-to-string';
import { percentText, totalText } from '../../src/features/polls/results.js';
import { pollSearch } from '../../src/features/polls/search.js';
import { newestOpenPoll, PollWidget } from '../../src/features/polls/public/widget.js';
import { parseQuery } from '../../src/kernel/search/query.js';
import { BAC_HONG_LINH } from '../helpers/app.js';
import { describeEachDb } from '../helpers/db.js';
import { get, text } from '../interact/helpers.js';
import { setup } from './helpers.js';

test('results read in vi-VN: "42,9%", "Tổng số: 1.234 lượt bình chọn"', () => {
  assert.equal(percentText(3, 7), '42,9%');
  assert.equal(percentText(0, 0), '0,0%');
  assert.equal(percentText(1234, 1234), '100,0%');
  assert.equal(totalText(1234), 'Tổng số: 1.234 lượt bình chọn');
});

describeEachDb('poll pages', setup, (env) => {
  test('the newest open poll is a vote form in the sidebar of other pages, not beside the polls themselves', async () => {
    const { app, db, siteId } = env();
    const newest = await newestOpenPoll(db.db, siteId, new Date());
    assert.ok(newest, 'the demo has an open poll');
    for (const path of ['/', '/chuyen-muc/thong-bao']) {
      const sidebar = /<aside class="sidebar"[\s\S]*<\/aside>/.exec((await get(app, path)).body)?.[0] ?? '';
      assert.match(sidebar, /<section class="widget poll-widget" aria-labelledby="widget-tham-do">/, path);
      assert.match(sidebar, new RegExp(`<form method="post" action="/tham-do-y-kien/${newest.poll.id}"`), path);
    }
    for (const path of ['/tham-do-y-kien', `/tham-do-y-kien/${newest.poll.id}`]) {
      assert.doesNotMatch((await get(app, path)).body, /poll-widget/, path);
    }
  });

  test('/tham-do-y-kien lists open and closed polls of this site only', async () => {
    const { app } = env();
    const res = await get(app, '/tham-do-y-kien');
    assert.equal(res.statusCode, 200);
    assert.match(res.headers['cache-control'] as string, /public/);
    const t = text(res.body);
    const open = t.indexOf('Đang diễn ra');
    const closed = t.indexOf('Đã kết thúc Ông/bà thường tìm');
    assert.ok(open > 0 && closed > open, 'two sections, the closed poll in the second');
    assert.ok(t.indexOf('Bộ phận Một cửa') > open && t.indexOf('Bộ phận Một cửa') < closed);
    assert.match(t, /1\.234 lượt bình chọn/);
    assert.doesNotMatch(t, /thu gom rác thải sinh hoạt tại tổ dân phố/);
    const theirs = text((await get(app, '/tham-do-y-kien', { host: BAC_HONG_LINH })).body);
    assert.match(theirs, /thu gom rác thải sinh hoạt tại tổ dân phố/);
    assert.doesNotMatch(theirs, /Bộ phận Một cửa/);
  });

  test('a closed poll shows its results as text and bars, no form', async () => {
    const { app, db, siteId } = env();
    const p = await db.db.selectFrom('polls').select('id').where('site_id', '=', siteId).where('question', 'like', 'Ông/bà thường tìm%').executeTakeFirstOrThrow();
    const res = await get(app, `/tham-do-y-kien/${p.id}`);
    const t = text(res.body);
    assert.match(t, /Cổng thông tin điện tử phường 33,4% 33,4% \(412 lượt\)/);
    assert.match(t, /Hỏi trực tiếp tại Bộ phận Một cửa 43,6% 43,6% \(538 lượt\)/);
    assert.match(t, /Tổng số: 1\.234 lượt bình chọn/);
    assert.equal(res.body.match(/<meter /g)?.length, 4);
    assert.doesNotMatch(res.body, /name="phuong_an"/);
    assert.match(res.body, /<h1 class="page-title">Ông\/bà thường tìm/);
  });

  test('search (for /tim-kiem): folded whole words, this site only, published polls only', async () => {
    const { db, siteId, otherSiteId } = env();
    const q = (text: string) => parseQuery(text) as Extract<ReturnType<typeof parseQuery>, { kind: 'ok' }>;
    const found = await pollSearch(db.db, siteId, q('bo phan mot cua'), new Date(), 5);
    assert.equal(found?.heading, 'Thăm dò ý kiến');
    assert.deepEqual(found?.items.map((i) => i.title), ['Ông/bà đánh giá thế nào về chất lượng phục vụ của Bộ phận Một cửa phường Nam Hồng Lĩnh?']);
    assert.match(found!.items[0]!.href, /^\/tham-do-y-kien\/\d+$/);
    assert.equal(await pollSearch(db.db, otherSiteId, q('Một cửa'), new Date(), 5), null);
    assert.equal(await pollSearch(db.db, siteId, q('mot cu'), new Date(), 5), null, 'whole words only');
  });

  test('sidebar widget (for the lead to wire): the newest open poll as a plain form', async () => {
    const { db, siteId } = env();
    const html = renderToString(PollWidget({ poll: await newestOpenPoll(db.db, siteId, new Date()) })!);
    assert.match(html, /ngân sách phường/);
    assert.match(html, /<form method="post" action="\/tham-do-y-kien\/\d+"/);
    assert.match(html, /id="wg-\d+"/);
    assert.doesNotMatch(html, /Tổng số/);
  });

  test('/sitemap.xml lists the list page and each published poll', async () => {
    const { app, db, siteId } = env();
    const ids = (await db.db.selectFrom('polls').select('id').where('site_id', '=', siteId).execute()).map((p) => p.id);
    const xml = (await get(app, '/sitemap.xml')).body;
    assert.match(xml, /<loc>[^<]*\/tham-do-y-kien<\/loc>/);
    for (const id of ids) assert.match(xml, new RegExp(`/tham-do-y-kien/${id}</loc>`));
  });
}, async ({ app }) => app.close());

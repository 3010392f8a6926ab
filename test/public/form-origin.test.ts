import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { NAM_HONG_LINH, BAC_HONG_LINH } from '../helpers/app.js';
import { describeEachDb } from '../helpers/db.js';
import { freshIp, get, post, setup, type Env } from '../interact/helpers.js';

/**
 * Citizen forms take a post only from the site's own pages (issue 16, item 9): the Origin names
 * the site's host, or — when a browser sends no Origin — the Referer does. "null" is refused.
 */
const REFUSED = 'Biểu mẫu này phải được gửi từ chính trang thông tin điện tử. Vui lòng mở lại trang rồi gửi lại.';

describeEachDb('citizen forms check where a post comes from', (db) => setup(db), (get_: () => Env & { db: import('../helpers/db.js').TestDb }) => {
  const votes = async () => Number((await get_().db.db.selectFrom('rating_votes').select((eb) => eb.fn.countAll<number>().as('n')).where('article_id', '=', get_().articleId).executeTakeFirstOrThrow()).n);
  const rate = (headers: Record<string, string>) => {
    const { app, articleId } = get_();
    // No Origin at all unless the case gives one (the helper's default is the page's own origin).
    return app.inject({
      method: 'POST',
      url: `/danh-gia/${articleId}`,
      remoteAddress: freshIp(),
      headers: { host: NAM_HONG_LINH, accept: 'application/json', 'content-type': 'application/x-www-form-urlencoded', 'user-agent': 'Mozilla/5.0 (X11; Linux x86_64) Firefox/128.0', ...headers },
      payload: 'sao=4',
    });
  };

  test('without an Origin, a Referer from a page of the site is accepted', async () => {
    const before = await votes();
    const res = await rate({ referer: `http://${NAM_HONG_LINH}${get_().path}` });
    assert.equal(res.statusCode, 200);
    assert.equal(await votes(), before + 1);
  });

  test('without an Origin, a missing Referer or one from another site (another ward of the install too) is refused, and nothing is stored', async () => {
    const before = await votes();
    const cases: Record<string, string>[] = [{}, { referer: 'https://evil.example/trang' }, { referer: `http://${BAC_HONG_LINH}/` }, { referer: 'not a url' }, { referer: `ftp://${NAM_HONG_LINH}/` }];
    for (const headers of cases) {
      const res = await rate(headers);
      assert.equal(res.statusCode, 403, JSON.stringify(headers));
      assert.equal(res.json().error.message, REFUSED);
    }
    assert.equal(await votes(), before);
  });

  test('Origin "null" is refused even with a same-site Referer and Sec-Fetch-Site; another ward\'s Origin is refused', async () => {
    const before = await votes();
    const cases: Record<string, string>[] = [{ origin: 'null' }, { origin: 'null', referer: `http://${NAM_HONG_LINH}${get_().path}`, 'sec-fetch-site': 'same-origin' }, { origin: `http://${BAC_HONG_LINH}`, referer: `http://${NAM_HONG_LINH}/` }, { origin: '' }];
    for (const headers of cases) {
      assert.equal((await rate(headers)).statusCode, 403, JSON.stringify(headers));
    }
    assert.equal(await votes(), before);
    assert.equal((await rate({ origin: `http://${NAM_HONG_LINH}` })).statusCode, 200, 'the page\'s own origin');
  });

  test('a plain (no-JS) form gets the refusal as a Vietnamese page', async () => {
    const res = await post(get_().app, '/hoi-dap/tra-cuu', { ma: 'KHONGCO' }, { ip: freshIp(), headers: { origin: 'null' } });
    assert.equal(res.statusCode, 403);
    assert.match(res.headers['content-type'] as string, /text\/html/);
    assert.ok(res.body.includes(REFUSED));
  });

  test('pages say Referrer-Policy: same-origin, so that browsers name the origin of their own posts and tell other sites nothing', async () => {
    for (const path of ['/', get_().path]) {
      const res = await get(get_().app, path);
      assert.equal(res.statusCode, 200);
      assert.equal(res.headers['referrer-policy'], 'same-origin', path);
    }
  });
}, async ({ app }: { app: FastifyInstance }) => {
  await app.close();
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { markArchived } from '../../src/kernel/sites/archive.js';
import { AdminClient, makeUser } from '../helpers/admin.js';
import { buildTestApp, NAM_HONG_LINH, BAC_HONG_LINH } from '../helpers/app.js';
import { describeEachDb } from '../helpers/db.js';
import { encodeCursor } from '../../src/features/open-data/cursor.js';
import { apiGet, cloneRow, type Page } from './helpers.js';

describeEachDb('open data API over HTTP', async (db) => {
  const app = await buildTestApp(db);
  await makeUser(db.db, 'bientap', [{ siteId: 1, role: 'editor' }]);
  return { app, editor: await AdminClient.login(app, NAM_HONG_LINH, 'bientap') };
}, (ctx) => {
  test('ETag: the same answer again is a 304 without a body, from the cache and for a query string alike; HEAD has the headers', async () => {
    const { app } = ctx();
    for (const url of ['/api/v1/documents', '/api/v1/documents?limit=2&type=quyet-dinh', '/api/openapi.json', '/api/v1/procedures.csv']) {
      const first = await apiGet(app, url);
      assert.equal(first.statusCode, 200, url);
      const etag = first.headers.etag as string;
      assert.match(etag, /^"[\w-]{20}"$/, url);
      assert.match(first.headers['cache-control'] as string, /^public, max-age=60/, url);
      const again = await apiGet(app, url, NAM_HONG_LINH, { 'if-none-match': etag });
      assert.equal(again.statusCode, 304, url);
      assert.equal(again.body, '');
      assert.equal(again.headers.etag, etag);
      assert.equal(again.headers['access-control-allow-origin'], '*', `${url}: a 304 is readable cross-origin too`);
      assert.equal((await apiGet(app, url, NAM_HONG_LINH, { 'if-none-match': '"something-else"' })).statusCode, 200);
      const head = await app.inject({ method: 'HEAD', url, headers: { host: NAM_HONG_LINH } });
      assert.equal(head.statusCode, 200);
      assert.equal(head.body, '');
      assert.equal(head.headers.etag, etag);
    }
  });

  test('CORS: any origin may read GET and HEAD answers (errors too) without credentials; the preflight allows GET and HEAD only; other methods get no CORS header', async () => {
    const { app } = ctx();
    const origin = { origin: 'https://tinh.example.gov.vn' };
    for (const url of ['/api/v1/articles', '/api/v1/articles', '/api/v1/articles?limit=1', '/api/v1/articles?limit=1000', '/api/v1/khong-co']) {
      // Gzip: the second bare request is answered by the cache's fast path, with the stored headers.
      const res = await apiGet(app, url, NAM_HONG_LINH, { ...origin, 'accept-encoding': 'gzip' });
      assert.equal(res.headers['access-control-allow-origin'], '*', url);
      assert.equal(res.headers['access-control-allow-credentials'], undefined, url);
      assert.equal(res.headers['cross-origin-resource-policy'], 'cross-origin', url);
      assert.match(res.headers['access-control-expose-headers'] as string, /\bETag\b/, url);
      assert.equal(res.headers['set-cookie'], undefined, url);
    }
    const pre = await app.inject({ method: 'OPTIONS', url: '/api/v1/documents?limit=5', headers: { host: NAM_HONG_LINH, ...origin, 'access-control-request-method': 'GET', 'access-control-request-headers': 'if-none-match' } });
    assert.equal(pre.statusCode, 204);
    assert.equal(pre.headers['access-control-allow-origin'], '*');
    assert.equal(pre.headers['access-control-allow-methods'], 'GET, HEAD');
    assert.match(pre.headers['access-control-allow-headers'] as string, /If-None-Match/);
    assert.equal(pre.headers['access-control-allow-credentials'], undefined);
    for (const method of ['POST', 'PUT', 'DELETE'] as const) {
      const res = await app.inject({ method, url: '/api/v1/documents', headers: { host: NAM_HONG_LINH, ...origin, 'content-type': 'application/json' }, payload: '{}' });
      assert.equal(res.statusCode, 404, method);
      assert.equal(res.headers['access-control-allow-origin'], undefined, method);
      assert.equal(res.json().error.code, 'not_found');
    }
  });

  test('bad input: 400 with a JSON error naming the parameter, in Vietnamese, whatever the Accept header; typed values come back as text', async () => {
    const { app } = ctx();
    const otherKind = encodeCursor('articles', ['2026-11-18T01:45:00.000Z', 43]);
    const cases: [string, string, RegExp][] = [
      ['/api/v1/articles?limit=101', 'limit', /limit phải là một số nguyên từ 1 đến 100/],
      ['/api/v1/articles?limit=0', 'limit', /từ 1 đến 100/],
      ['/api/v1/documents?limit=abc', 'limit', /số nguyên/],
      ['/api/v1/questions?limit=2.5', 'limit', /số nguyên/],
      ['/api/v1/articles?cursor=%25%25', 'cursor', /cursor không hợp lệ/],
      ['/api/v1/articles?cursor=abc', 'cursor', /nextCursor của trang trước/],
      [`/api/v1/documents?cursor=${otherKind}`, 'cursor', /cursor không hợp lệ/],
      [`/api/v1/articles?cursor=${encodeCursor('articles', ['2026-11-18', -4])}`, 'cursor', /cursor không hợp lệ/],
      [`/api/v1/schedule?cursor=${encodeCursor('schedule', ['2026-11-18', 5])}`, 'cursor', /cursor không hợp lệ/],
      ['/api/v1/articles?from=2026-02-30', 'from', /from phải là một ngày có thật/],
      ['/api/v1/documents?to=26%2F11%2F2026', 'to', /YYYY-MM-DD/],
      ['/api/v1/schedule?from=2026-12-01&to=2026-11-01', 'from', /phải trước hoặc trùng ngày to/],
      ['/api/v1/articles?category=khong-co', 'category', /Không có chuyên mục “khong-co” trên trang này.*tin-tuc-su-kien/],
      ['/api/v1/documents?type=sac-lenh', 'type', /Không có loại văn bản “sac-lenh”.*quyet-dinh/],
      ['/api/v1/documents?status=sap-het', 'status', /con-hieu-luc, het-hieu-luc, du-thao/],
      ['/api/v1/documents?field=vu-tru', 'field', /Không có lĩnh vực “vu-tru”/],
      ['/api/v1/procedures?field=chan-nuoi', 'field', /ho-tich/],
      ['/api/v1/procedures.csv?field=chan-nuoi', 'field', /Không có lĩnh vực/],
      ['/api/v1/questions?topic=%3Cscript%3Ealert(1)%3C%2Fscript%3E', 'topic', /“<script>alert\(1\)<\/script>”/],
      ['/api/v1/organisation/people?unit=99999', 'unit', /Không có đơn vị “99999”/],
      ['/api/v1/organisation/people?unit=x', 'unit', /Tham số unit không hợp lệ/],
    ];
    for (const [url, parameter, message] of cases) {
      for (const accept of ['application/json', 'text/html,application/xhtml+xml']) {
        const res = await apiGet(app, url, NAM_HONG_LINH, { accept });
        assert.equal(res.statusCode, 400, `${url}: ${res.body}`);
        assert.equal(res.headers['content-type'], 'application/json; charset=utf-8', url);
        assert.equal(res.headers['cache-control'], 'no-store', url);
        const { error } = res.json() as { error: { code: string; message: string; parameter: string } };
        assert.equal(error.code, 'bad_request', url);
        assert.equal(error.parameter, parameter, url);
        assert.match(error.message, message, url);
        assert.equal(error.message, error.message.normalize('NFC'));
      }
    }
    const missing = await apiGet(app, '/api/v1/tin-tuc', NAM_HONG_LINH, { accept: 'text/html' });
    assert.equal(missing.statusCode, 404);
    assert.match(missing.json().error.message, /Không có tài nguyên này.*\/api\/openapi\.json/);
  });

  test('a parameter the API does not know is ignored, and a repeated one counts once', async () => {
    const { app } = ctx();
    const plain = (await apiGet(app, '/api/v1/articles?limit=2')).json() as Page;
    const extra = await apiGet(app, '/api/v1/articles?limit=2&_=12345&utm_source=x');
    assert.equal(extra.statusCode, 200);
    assert.deepEqual((extra.json() as Page).data, plain.data);
    assert.equal(new URL((extra.json() as Page).next!).search, new URL(plain.next!).search, 'the next link carries only what the API knows');
    assert.equal((await apiGet(app, '/api/v1/articles?category=kinh-te&category=khong-co')).statusCode, 200);
  });

  test('filters: date ranges, category, type, field, status and unit narrow the lists', async () => {
    const { app, db } = ctx();
    const inNov = (await apiGet(app, '/api/v1/articles?from=2026-11-10&to=2026-11-15&limit=100')).json() as Page;
    assert.ok(inNov.data.length > 0);
    for (const a of inNov.data) {
      const local = new Date(Date.parse(a.publishedAt as string) + 7 * 3600_000).toISOString().slice(0, 10);
      assert.ok(local >= '2026-11-10' && local <= '2026-11-15', `${String(a.publishedAt)} is inside the range (Vietnamese days)`);
    }
    const cat = (await apiGet(app, '/api/v1/articles?category=kinh-te&limit=100')).json() as Page<{ category: { slug: string } }>;
    assert.ok(cat.data.length > 0 && cat.data.every((a) => a.category.slug === 'kinh-te'));
    const decisions = (await apiGet(app, '/api/v1/documents?type=quyet-dinh&limit=100')).json() as Page;
    assert.ok(decisions.data.length > 0 && decisions.data.every((d) => d.type === 'Quyết định'));
    const all = (await apiGet(app, '/api/v1/documents?limit=100')).json() as Page;
    const since = all.data[Math.floor(all.data.length / 2)]!.issuedOn as string;
    const recent = (await apiGet(app, `/api/v1/documents?from=${since}&limit=100`)).json() as Page;
    assert.ok(recent.data.length > 0 && recent.data.length < all.data.length && recent.data.every((d) => (d.issuedOn as string) >= since));
    const drafts = (await apiGet(app, '/api/v1/documents?status=du-thao&limit=100')).json() as Page;
    assert.ok(drafts.data.length > 0 && drafts.data.every((d) => d.status === 'du-thao'));
    const hoTich = (await apiGet(app, '/api/v1/procedures?field=ho-tich&limit=100')).json() as Page;
    assert.ok(hoTich.data.length > 0 && hoTich.data.every((p) => p.field === 'Hộ tịch'));
    const week = (await apiGet(app, '/api/v1/schedule?from=2026-11-24&to=2026-11-25&limit=100')).json() as Page;
    assert.ok(week.data.length > 0 && week.data.every((e) => e.day === '2026-11-24' || e.day === '2026-11-25'));
    const unit = await db.db.selectFrom('org_people').select('unit_id').where('site_id', '=', 1).where('unit_id', 'is not', null).executeTakeFirstOrThrow();
    const people = (await apiGet(app, `/api/v1/organisation/people?unit=${unit.unit_id}&limit=100`)).json() as Page;
    assert.ok(people.data.length > 0 && people.data.every((p) => p.unitId === unit.unit_id));
    const otherUnit = await db.db.selectFrom('org_units').select('id').where('site_id', '=', 2).executeTakeFirstOrThrow();
    assert.equal((await apiGet(app, `/api/v1/organisation/people?unit=${otherUnit.id}`)).statusCode, 400, "another site's unit is unknown here");
  });

  test('the bare lists are kept like pages, and a change made in the back office reaches them (its purge drops them)', async () => {
    const { app, db, editor } = ctx();
    const before = (await apiGet(app, '/api/v1/procedures?limit=100')).json() as Page;
    const cached = await apiGet(app, '/api/v1/procedures');
    assert.equal(cached.statusCode, 200);
    // A row written behind the application's back: the kept answer does not see it, a fresh one does.
    const hidden = await cloneRow(db.db, 'procedures', 1, { published: 1, slug: 'viet-thang-vao-bang', title: 'Viết thẳng vào bảng' });
    const hits = app.cong.pageCache.counters.hits;
    assert.equal((await apiGet(app, '/api/v1/procedures')).body, cached.body, 'answered from the page cache');
    assert.ok(app.cong.pageCache.counters.hits > hits);
    assert.ok(((await apiGet(app, '/api/v1/procedures?limit=100')).json() as Page).data.some((p) => p.id === hidden), 'a query string is made fresh');
    assert.equal(before.data.length + 1, ((await apiGet(app, '/api/v1/procedures?limit=100')).json() as Page).data.length);
    const saved = await editor.post('/quan-tri/thu-tuc/moi', {
      title: 'Đăng ký giám hộ', code: '1.004837', field: 'Hộ tịch', level: 'Cấp xã', duration: '03 ngày làm việc', fee: 'Miễn lệ phí',
      dossier: 'Tờ khai', method: 'Nộp trực tiếp', portal_url: '', online_level: 'mot-phan', published: '1',
    });
    assert.equal(saved.statusCode, 303, saved.body.slice(0, 300));
    const after = await apiGet(app, '/api/v1/procedures?');
    const all = await apiGet(app, '/api/v1/procedures');
    assert.notEqual(all.body, cached.body, 'the purge reached the kept answer');
    assert.equal(all.body, after.body);
    const titles = ((await apiGet(app, '/api/v1/procedures.csv')).body);
    assert.match(titles, /Đăng ký giám hộ/, 'the kept CSV was dropped too');
    // The other site's kept answers stay.
    const other = await apiGet(app, '/api/v1/procedures', BAC_HONG_LINH);
    assert.doesNotMatch(other.body, /Đăng ký giám hộ/);
  });

  test('over the rate limit: a 429 in JSON with Retry-After, for HTML clients too', async () => {
    const { app } = ctx();
    const ask = () => app.inject({ url: '/api/v1/articles?limit=1', remoteAddress: '203.0.113.77', headers: { host: NAM_HONG_LINH, accept: 'text/html' } });
    const answers = [];
    for (let i = 0; i < 121; i++) answers.push((await ask()).statusCode);
    assert.deepEqual([...new Set(answers.slice(0, 120))], [200]);
    const refused = await ask();
    assert.equal(refused.statusCode, 429);
    assert.ok(Number(refused.headers['retry-after']) > 0);
    assert.equal(refused.json().error.code, 'rate_limited');
    assert.equal(refused.headers['access-control-allow-origin'], '*');
    assert.equal((await app.inject({ url: '/api/v1/articles?limit=1', remoteAddress: '203.0.113.78', headers: { host: NAM_HONG_LINH } })).statusCode, 200, 'another client is not limited');
  });

  test('an archived site still answers (read-only), and the OpenAPI document names each site’s own address', async () => {
    const { app, db } = ctx();
    const spec = (await apiGet(app, '/api/openapi.json', BAC_HONG_LINH)).json() as { servers: { url: string }[] };
    assert.deepEqual(spec.servers, [{ url: `http://${BAC_HONG_LINH}` }]);
    await markArchived(db.db, 2, [1], new Date());
    await app.cong.sites.reload();
    try {
      assert.ok(app.cong.sites.byIdOrNull(2)?.archivedAt);
      for (const url of ['/api/v1/articles', '/api/v1/documents?limit=3', '/api/v1/organisation', '/api/v1/documents.csv']) {
        const res = await apiGet(app, url, BAC_HONG_LINH);
        assert.equal(res.statusCode, 200, url);
      }
      const posted = await app.inject({ method: 'POST', url: '/api/v1/articles', headers: { host: BAC_HONG_LINH } });
      assert.equal(posted.statusCode, 404);
    } finally {
      await markArchived(db.db, 2, null, new Date());
      await app.cong.sites.reload();
    }
  });
});

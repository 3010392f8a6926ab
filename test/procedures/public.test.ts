import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildTestApp, NAM_HONG_LINH, BAC_HONG_LINH } from '../helpers/app.js';
import { describeEachDb, type TestDb } from '../helpers/db.js';

async function setup(db: TestDb) {
  const app = await buildTestApp(db);
  const byTitle = async (site: number, title: string) =>
    db.db.selectFrom('procedures').selectAll().where('site_id', '=', site).where('title', '=', title).executeTakeFirstOrThrow();
  return { app, khaiSinh: await byTitle(1, 'Đăng ký khai sinh'), otherKhaiSinh: await byTitle(2, 'Đăng ký khai sinh') };
}

const get = (app: Awaited<ReturnType<typeof setup>>['app'], url: string, host = NAM_HONG_LINH) => app.inject({ url, headers: { host } });

describeEachDb('public administrative procedures', setup, (ctx) => {
  test('the list is grouped by lĩnh vực, links each procedure, and filters by lĩnh vực', async () => {
    const { app, khaiSinh } = ctx();
    const res = await get(app, '/thu-tuc-hanh-chinh');
    assert.equal(res.statusCode, 200);
    const groups = [...res.body.matchAll(/<h2 id="lv-[a-z-]+">([^<]+) </g)].map((m) => m[1]);
    assert.deepEqual(groups.slice(0, 4), ['Hộ tịch', 'Chứng thực', 'Đất đai', 'Bảo trợ xã hội']);
    assert.match(res.body, new RegExp(`href="/thu-tuc-hanh-chinh/dang-ky-khai-sinh-${khaiSinh.id}">Đăng ký khai sinh</a>`));
    const filtered = await get(app, '/thu-tuc-hanh-chinh?linh-vuc=chung-thuc');
    assert.match(filtered.body, /<h1 class="page-title">Thủ tục hành chính – Chứng thực<\/h1>/);
    assert.match(filtered.body, /Chứng thực chữ ký/);
    assert.doesNotMatch(filtered.body, /Đăng ký khai sinh</);
    // The path-only cache must not answer a filtered URL with the whole list, or the reverse.
    assert.match((await get(app, '/thu-tuc-hanh-chinh')).body, /Đăng ký khai sinh</);
    assert.doesNotMatch((await get(app, '/thu-tuc-hanh-chinh?linh-vuc=chung-thuc')).body, /Đăng ký khai sinh</);
    const unknown = await get(app, '/thu-tuc-hanh-chinh?linh-vuc=khong-co');
    assert.equal(unknown.statusCode, 200);
    assert.match(unknown.body, /Không có lĩnh vực này/);
  });

  test('search without diacritics finds procedures, by name or code; HTML typed in the box is shown as text', async () => {
    const { app } = ctx();
    for (const q of ['khai sinh', 'KHAI SINH', 'đăng ký khai sinh', 'dang ky khai sinh', '1.001193']) {
      const res = await get(app, `/thu-tuc-hanh-chinh?q=${encodeURIComponent(q)}`);
      assert.equal(res.statusCode, 200);
      assert.match(res.body, />Đăng ký khai sinh</, q);
      assert.doesNotMatch(res.body, />Đăng ký kết hôn</, q);
    }
    assert.match((await get(app, '/thu-tuc-hanh-chinh?q=ket+hon')).body, />Đăng ký kết hôn</);
    assert.match((await get(app, '/thu-tuc-hanh-chinh?q=tro+cap+xa+hoi')).body, /trợ cấp xã hội hằng tháng/);
    const none = await get(app, `/thu-tuc-hanh-chinh?q=${encodeURIComponent('<script>alert(1)</script>')}`);
    assert.equal(none.statusCode, 200);
    assert.doesNotMatch(none.body, /<script>alert/);
    assert.match(none.body, /Không có thủ tục nào phù hợp/);
    const combined = await get(app, '/thu-tuc-hanh-chinh?q=chung+thuc&linh-vuc=ho-tich');
    assert.match(combined.body, /Không có thủ tục nào phù hợp/);
    // The site-wide search shows a "Thủ tục hành chính" group.
    const site = await get(app, '/tim-kiem?q=khai+sinh');
    assert.match(site.body, /Thủ tục hành chính/);
    assert.match(site.body, /\/thu-tuc-hanh-chinh\/dang-ky-khai-sinh-\d+/);
  });

  test('procedure page: the fields, the national portal link (https, noopener, external), canonical slug redirect', async () => {
    const { app, khaiSinh, otherKhaiSinh } = ctx();
    const path = `/thu-tuc-hanh-chinh/dang-ky-khai-sinh-${khaiSinh.id}`;
    const res = await get(app, path);
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /<dt>Mã thủ tục<\/dt><dd>1\.001193<\/dd>/);
    assert.match(res.body, /<dt>Lĩnh vực<\/dt><dd>Hộ tịch<\/dd>/);
    assert.match(res.body, /<dt>Cấp thực hiện<\/dt><dd>Cấp xã<\/dd>/);
    assert.match(res.body, /Thời hạn giải quyết/);
    assert.match(res.body, /Phí, lệ phí/);
    assert.match(res.body, /Thành phần hồ sơ/);
    assert.match(res.body, /Dịch vụ công trực tuyến toàn trình/);
    const link = /<a class="external-link" href="([^"]+)" rel="([^"]+)">Nộp hồ sơ trực tuyến trên Cổng Dịch vụ công quốc gia<span class="visually-hidden"> \(liên kết ngoài\)<\/span>/.exec(res.body);
    assert.ok(link, 'portal link');
    assert.equal(link[1], 'https://dichvucong.gov.vn/p/home/dvc-tthc-thu-tuc-hanh-chinh-chi-tiet.html?ma_thu_tuc=1.001193');
    assert.match(link[2]!, /\bnoopener\b/);
    assert.match(link[2]!, /\bexternal\b/);
    for (const wrong of [`/thu-tuc-hanh-chinh/khai-sinh-${khaiSinh.id}`, `/thu-tuc-hanh-chinh/${khaiSinh.id}`]) {
      const r = await get(app, wrong);
      assert.equal(r.statusCode, 301, wrong);
      assert.equal(r.headers.location, path);
    }
    assert.equal((await get(app, `/thu-tuc-hanh-chinh/dang-ky-khai-sinh-${otherKhaiSinh.id}`)).statusCode, 404);
    assert.equal((await get(app, `/thu-tuc-hanh-chinh/dang-ky-khai-sinh-${khaiSinh.id}`, BAC_HONG_LINH)).statusCode, 404);
    assert.equal((await get(app, '/thu-tuc-hanh-chinh/khong-phai-so')).statusCode, 404);
    assert.match((await get(app, '/sitemap.xml')).body, new RegExp(`${path}</loc>`));
  });
});

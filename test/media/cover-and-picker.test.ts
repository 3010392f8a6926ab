import assert from 'node:assert/strict';
import { test } from 'node:test';
import { COVER_MISSING } from '../../src/features/articles/commands/save-article.js';
import { AdminClient, makeUser } from '../helpers/admin.js';
import { buildTestApp, NAM_HONG_LINH, BAC_HONG_LINH } from '../helpers/app.js';
import { describeEachDb } from '../helpers/db.js';
import { emptyLibrary, idFromLocation, jpeg, pdf, upload } from './fixtures.js';

const NOW = '2026-11-26T03:00:00.000Z';
const PICKER = '/quan-tri/thu-vien/chon';

/** The images the editor can choose from, and the cover image an article shows. */
describeEachDb('choosing images from the library: the picker and the cover image', async (db) => {
  const app = await buildTestApp(db, { now: () => new Date(NOW) });
  await emptyLibrary(db.db);
  await makeUser(db.db, 'truongban', [{ siteId: 1, role: 'approver' }]);
  await makeUser(db.db, 'kiemduyet', [{ siteId: 1, role: 'moderator' }]);
  await makeUser(db.db, 'quantri2', [{ siteId: 2, role: 'site_admin' }]);
  const approver = await AdminClient.login(app, NAM_HONG_LINH, 'truongban');
  const moderator = await AdminClient.login(app, NAM_HONG_LINH, 'kiemduyet');
  const otherSite = await AdminClient.login(app, BAC_HONG_LINH, 'quantri2');
  const uploaded = async (client: AdminClient, name: string, data: Buffer, alt = '') => {
    const res = await upload(client, { name, data }, { alt, title: name.replace(/\.\w+$/, '') });
    assert.equal(res.statusCode, 303, res.body);
    return idFromLocation(res.headers.location);
  };
  const bridge = await uploaded(approver, 'Cầu Hồng Lĩnh.jpg', await jpeg(1600, 900), 'Cây cầu bắc qua sông');
  const minutes = await uploaded(approver, 'Biên bản.pdf', pdf());
  const theirs = await uploaded(otherSite, 'Ảnh của phường khác.jpg', await jpeg(800, 600), 'Ảnh khác');
  const category = await db.db.selectFrom('categories').select('id').where('site_id', '=', 1).where('slug', '=', 'thong-bao').executeTakeFirstOrThrow();
  return { app, approver, moderator, bridge, minutes, theirs, categoryId: String(category.id) };
}, (get) => {
  test('the picker lists this site\'s images only, as JSON, searchable without diacritics', async () => {
    const { approver, bridge } = get();
    const res = await approver.get(PICKER);
    assert.equal(res.statusCode, 200);
    assert.equal(res.headers['cache-control'], 'no-store');
    const { images, next } = res.json() as { images: { id: number; title: string; alt: string; src: string; thumb: string; width: number }[]; next: string | null };
    assert.deepEqual(images.map((i) => i.id), [bridge], 'no PDF, nothing of the other site');
    assert.equal(next, null);
    const [img] = images;
    assert.equal(img!.alt, 'Cây cầu bắc qua sông');
    assert.match(img!.src, /^\/media\/namhonglinh\/.+\.jpg$/);
    assert.ok(img!.width > 0 && img!.width <= 960, `the inserted copy fits the column (${img!.width}px)`);
    assert.notEqual(img!.thumb, img!.src, 'a smaller copy for the grid');
    for (const path of [img!.src, img!.thumb]) assert.equal((await approver.app.inject({ url: path, headers: { host: NAM_HONG_LINH } })).statusCode, 200, path);

    assert.deepEqual((await approver.get(`${PICKER}?q=cau hong`)).json().images.map((i: { id: number }) => i.id), [bridge]);
    // Symbols are no search words (and never a LIKE wildcard): the same list as no query.
    assert.deepEqual((await approver.get(`${PICKER}?q=${encodeURIComponent('%_')}`)).json().images.map((i: { id: number }) => i.id), [bridge]);
    assert.deepEqual((await approver.get(`${PICKER}?q=khong+co+anh+nao`)).json().images, []);
  });

  test('the picker needs a session and the right to browse the library', async () => {
    const { app, moderator } = get();
    const anonymous = await app.inject({ url: PICKER, headers: { host: NAM_HONG_LINH } });
    assert.ok([302, 303, 401].includes(anonymous.statusCode), String(anonymous.statusCode));
    assert.equal((await moderator.get(PICKER)).statusCode, 403);
  });

  test('a cover must be an image of this site: another site\'s image, a PDF or an unknown number is refused with the form kept', async () => {
    const { approver, minutes, theirs, categoryId } = get();
    for (const cover of [theirs, minutes, 999999]) {
      const res = await approver.post('/quan-tri/bai-viet/moi', { title: 'Bài có ảnh lạ', category_id: categoryId, body: '<p>Nội dung</p>', cover_media_id: String(cover), cover_alt: 'Mô tả tôi đã gõ' });
      assert.equal(res.statusCode, 422, String(cover));
      assert.ok(res.body.includes(COVER_MISSING), String(cover));
      assert.match(res.body, /value="Bài có ảnh lạ"/);
      assert.match(res.body, /value="Mô tả tôi đã gõ"/);
    }
    const missingAlt = await approver.post('/quan-tri/bai-viet/moi', { title: 'Thiếu mô tả', category_id: categoryId, body: '<p>x</p>', cover_media_id: String(get().bridge), cover_alt: ' ' });
    assert.equal(missingAlt.statusCode, 422);
    assert.ok(missingAlt.body.includes('Vui lòng nhập mô tả ảnh đại diện cho người khiếm thị.'));
  });

  test('the published article shows its cover with srcset, WebP copies, size and the alt text, also in the preview and JSON-LD', async () => {
    const { app, approver, bridge, categoryId } = get();
    const created = await approver.post('/quan-tri/bai-viet/moi', { title: 'Khánh thành cầu mới', category_id: categoryId, body: '<p>Sáng nay…</p>', cover_media_id: String(bridge), cover_alt: 'Cầu mới trong ngày khánh thành' });
    assert.equal(created.statusCode, 303, created.body);
    const id = Number(/\/bai-viet\/(\d+)/.exec(String(created.headers.location))![1]);
    const preview = await approver.get(`/quan-tri/bai-viet/${id}/xem-truoc`);
    assert.match(preview.body, /<figure class="article-cover">/);
    assert.equal((await approver.post(`/quan-tri/bai-viet/${id}/xuat-ban`)).statusCode, 303);
    const row = await approver.app.cong.db.selectFrom('articles').select('slug').where('id', '=', id).executeTakeFirstOrThrow();
    const page = await app.inject({ url: `/bai-viet/${row.slug}-${id}`, headers: { host: NAM_HONG_LINH } });
    assert.equal(page.statusCode, 200);
    const figure = /<figure class="article-cover">([\s\S]*?)<\/figure>/.exec(page.body)?.[1] ?? '';
    assert.match(figure, /<source type="image\/webp" srcset="[^"]+\.webp 480w, [^"]+\.webp 960w/);
    assert.match(figure, /<img src="\/media\/namhonglinh\/[^"]+\.jpg" srcset="[^"]+ 480w, [^"]+ 960w, [^"]+ 1600w"/);
    assert.match(figure, /width="1600" height="900" alt="Cầu mới trong ngày khánh thành"/);
    const ld = [...page.body.matchAll(/<script type="application\/ld\+json">([^<]+)<\/script>/g)].map((m) => JSON.parse(m[1]!));
    const news = ld.find((x) => x['@type'] === 'NewsArticle');
    assert.match(news.image, /^http:\/\/namhonglinh\.localhost\/media\/namhonglinh\/.+\.jpg$/);
  });

  test('images of the library inside the article text get srcset, sizes, width and height; others are left alone', async () => {
    const { app, approver, bridge, theirs, categoryId } = get();
    const picked = (await approver.get(PICKER)).json().images.find((i: { id: number }) => i.id === bridge) as { src: string };
    const foreign = (await approver.app.cong.db.selectFrom('media').select('disk_path').where('id', '=', theirs).executeTakeFirstOrThrow()).disk_path;
    const body = `<p>Ảnh cầu:</p><figure><img src="${picked.src}" alt="Cầu"><figcaption>Cầu mới</figcaption></figure>` +
      `<p><img src="https://example.org/anh.jpg" alt="Ảnh ngoài"></p><p><img src="/media/${foreign}" alt="Ảnh phường khác"></p>`;
    const created = await approver.post('/quan-tri/bai-viet/moi', { title: 'Ảnh trong bài', category_id: categoryId, body });
    assert.equal(created.statusCode, 303, created.body);
    const id = Number(/\/bai-viet\/(\d+)/.exec(String(created.headers.location))![1]);
    assert.equal((await approver.post(`/quan-tri/bai-viet/${id}/xuat-ban`)).statusCode, 303);
    const row = await approver.app.cong.db.selectFrom('articles').select('slug').where('id', '=', id).executeTakeFirstOrThrow();
    const html = (await app.inject({ url: `/bai-viet/${row.slug}-${id}`, headers: { host: NAM_HONG_LINH } })).body;
    const imgs = [...html.matchAll(/<div class="article-body">[\s\S]*?<\/div>/g)][0]![0].match(/<img[^>]*>/g)!;
    assert.equal(imgs.length, 3);
    assert.match(imgs[0]!, new RegExp(`^<img src="${picked.src}" alt="Cầu" srcset="[^"]+ 480w, [^"]+ 960w, [^"]+ 1600w" sizes="\\(max-width: 820px\\) 100vw, 820px" width="1600" height="900" loading="lazy" decoding="async">$`));
    assert.doesNotMatch(imgs[1]!, /srcset|loading/, 'an image from elsewhere is left as it is');
    assert.doesNotMatch(imgs[2]!, /srcset|loading/, 'another site\'s file is not looked up');
  });
});

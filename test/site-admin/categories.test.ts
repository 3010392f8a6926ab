import assert from 'node:assert/strict';
import { test } from 'node:test';
import { describeEachDb } from '../helpers/db.js';
import { auditRows, count, fieldError, lastAudit, publicGet, setupSiteAdmin } from './helpers.js';

const PATH = '/quan-tri/trang-web/chuyen-muc';

describeEachDb('managing categories', setupSiteAdmin, (get) => {
  const catBySlug = (slug: string) => get().db.db.selectFrom('categories').selectAll().where('site_id', '=', 1).where('slug', '=', slug).executeTakeFirst();
  const order = async () => (await get().db.db.selectFrom('categories').select('slug').where('site_id', '=', 1).orderBy('position').execute()).map((c) => c.slug);
  /**
   * The "Chuyển đổi số" › "Đô thị văn minh" pair the create test makes, made here when missing, so
   * that each test that works on it also runs alone.
   */
  const ensureTree = async () => {
    const { admin } = get();
    if (!(await catBySlug('chuyen-doi-so'))) assert.equal((await admin.post(PATH, { name: 'Chuyển đổi số', slug: '', parent_id: '' })).statusCode, 303);
    const parent = (await catBySlug('chuyen-doi-so'))!;
    if (!(await catBySlug('do-thi-van-minh'))) assert.equal((await admin.post(PATH, { name: 'Đô thị văn minh', slug: '', parent_id: String(parent.id) })).statusCode, 303);
  };

  test('the list shows the tree with article counts; the hub lists the screens', async () => {
    const { admin } = get();
    const hub = await admin.get('/quan-tri/trang-web');
    assert.equal(hub.statusCode, 200);
    for (const label of ['Chuyên mục', 'Thanh menu', 'Trang tĩnh', 'Liên kết website', 'Bài hát', 'Bản đồ', 'Cài đặt trang']) assert.match(hub.body, new RegExp(label));
    assert.doesNotMatch(hub.body, /Các trang thông tin/, 'creating sites is for system admins');
    const res = await admin.get(PATH);
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /<th scope="row">Xây dựng Đảng<\/th>/);
  });

  test('bad input: Vietnamese messages next to the fields, typed text kept, nothing stored', async () => {
    const { admin, db } = get();
    const before = await count(db, 'categories', 1);
    const empty = await admin.post(PATH, { name: '   ', slug: 'Có Dấu', parent_id: '' });
    assert.equal(empty.statusCode, 422);
    assert.equal(fieldError(empty.body, 'name'), 'Vui lòng nhập tên chuyên mục.');
    assert.match(fieldError(empty.body, 'slug')!, /chữ thường không dấu/);
    assert.match(empty.body, /value="Có Dấu"/);
    const taken = await admin.post(PATH, { name: 'Thông báo <mới>', slug: 'thong-bao', parent_id: '' });
    assert.equal(taken.statusCode, 422);
    assert.equal(fieldError(taken.body, 'slug'), 'Đường dẫn “thong-bao” đã được dùng cho chuyên mục khác của trang.');
    assert.match(taken.body, /value="Thông báo &lt;mới>"/);
    const badParent = await admin.post(PATH, { name: 'Mục lạc', slug: '', parent_id: '999999' });
    assert.equal(fieldError(badParent.body, 'parent_id'), 'Chuyên mục cha không hợp lệ.');
    assert.equal(await count(db, 'categories', 1), before);
  });

  test('create with the default slug, under a parent; the public menu shows it at once', async () => {
    const { admin, app, db } = get();
    assert.doesNotMatch((await publicGet(app, '/')).body, /Đô thị văn minh/);
    assert.equal((await admin.post(PATH, { name: 'Chuyển đổi số', slug: '', parent_id: '' })).statusCode, 303);
    const parent = (await catBySlug('chuyen-doi-so'))!;
    const res = await admin.post(PATH, { name: 'Đô thị văn minh', slug: '', parent_id: String(parent.id) });
    assert.equal(res.statusCode, 303);
    assert.equal(res.headers.location, `${PATH}?tb=da-them`);
    const created = (await catBySlug('do-thi-van-minh'))!;
    assert.equal(created.parent_id, parent.id);
    const slugs = await order();
    assert.deepEqual(slugs.slice(-2), ['chuyen-doi-so', 'do-thi-van-minh'], 'a child follows its parent');
    assert.match((await publicGet(app, '/')).body, /href="\/chuyen-muc\/do-thi-van-minh">Đô thị văn minh</);
    const audit = await lastAudit(db, 'category.create');
    assert.deepEqual(audit.after, { name: 'Đô thị văn minh', slug: 'do-thi-van-minh', parent_id: parent.id });
    const list = await admin.get(`${PATH}?tb=da-them`);
    assert.match(list.body, /Đã thêm chuyên mục\./);
    assert.match(list.body, /<span aria-hidden="true">— <\/span>Đô thị văn minh/);
  });

  test('rename and change the slug: the cached public pages show the new name and the new address', async () => {
    const { admin, app, db } = get();
    const cat = (await catBySlug('kinh-te'))!;
    assert.match((await publicGet(app, '/')).body, />Kinh tế</);
    const res = await admin.post(`${PATH}/${cat.id}`, { name: 'Kinh tế – Đầu tư', slug: 'kinh-te-dau-tu', parent_id: '' });
    assert.equal(res.statusCode, 303);
    const home = (await publicGet(app, '/')).body;
    assert.match(home, /href="\/chuyen-muc\/kinh-te-dau-tu">Kinh tế – Đầu tư</);
    assert.equal((await publicGet(app, '/chuyen-muc/kinh-te-dau-tu')).statusCode, 200);
    const old = await publicGet(app, '/chuyen-muc/kinh-te');
    assert.equal(old.statusCode, 301, 'the old address leads to the new one');
    assert.equal(old.headers.location, '/chuyen-muc/kinh-te-dau-tu');
    const audit = await lastAudit(db, 'category.update');
    assert.deepEqual(audit.before, { name: 'Kinh tế', slug: 'kinh-te', parent_id: null });
    assert.equal(audit.after.slug, 'kinh-te-dau-tu');
    assert.equal(audit.userId !== null, true);
  });

  test('a category cannot go under itself or its own child', async () => {
    const { admin } = get();
    await ensureTree();
    const parent = (await catBySlug('chuyen-doi-so'))!;
    const child = (await catBySlug('do-thi-van-minh'))!;
    const res = await admin.post(`${PATH}/${parent.id}`, { name: parent.name, slug: parent.slug, parent_id: String(child.id) });
    assert.equal(res.statusCode, 422);
    assert.equal(fieldError(res.body, 'parent_id'), 'Không thể đặt chuyên mục nằm trong chính nó hoặc chuyên mục con của nó.');
    assert.equal((await catBySlug('chuyen-doi-so'))!.parent_id, null);
  });

  test('move up and down among siblings: children move with their parent; the menu order follows', async () => {
    const { admin, app, db } = get();
    await ensureTree();
    await publicGet(app, '/');
    const parent = (await catBySlug('chuyen-doi-so'))!;
    const before = await order();
    assert.deepEqual(before.slice(-3), ['thong-bao', 'chuyen-doi-so', 'do-thi-van-minh']);
    assert.equal((await admin.post(`${PATH}/${parent.id}/len`)).statusCode, 303);
    assert.deepEqual((await order()).slice(-3), ['chuyen-doi-so', 'do-thi-van-minh', 'thong-bao']);
    const nav = /<nav class="main-nav"[\s\S]*?<\/nav>/.exec((await publicGet(app, '/')).body)![0];
    assert.ok(nav.indexOf('Chuyển đổi số') < nav.indexOf('Thông báo'), 'the cached menu shows the new order');
    const audit = await lastAudit(db, 'category.move');
    assert.equal(audit.after.order.indexOf(parent.id) + 1, audit.before.order.indexOf(parent.id));
    const after = await order();
    const first = (await catBySlug(after[0]!))!;
    const n = (await auditRows(db, 'category.move')).length;
    await admin.post(`${PATH}/${first.id}/len`);
    assert.equal((await auditRows(db, 'category.move')).length, n, 'the first cannot go higher: nothing written');
  });

  test('delete is refused while articles use the category (with the count), or while it has children', async () => {
    const { admin, db } = get();
    await ensureTree();
    const used = (await catBySlug('xay-dung-dang'))!;
    const n = Number((await db.db.selectFrom('articles').select((eb) => eb.fn.countAll<number>().as('n')).where('category_id', '=', used.id).executeTakeFirstOrThrow()).n);
    const res = await admin.post(`${PATH}/${used.id}/xoa`);
    assert.equal(res.statusCode, 409);
    assert.match(res.body, new RegExp(`Không thể xoá chuyên mục “Xây dựng Đảng” vì còn ${n} bài viết thuộc chuyên mục này`));
    assert.ok(await catBySlug('xay-dung-dang'));
    const parent = (await catBySlug('chuyen-doi-so'))!;
    const withChild = await admin.post(`${PATH}/${parent.id}/xoa`);
    assert.equal(withChild.statusCode, 409);
    assert.match(withChild.body, /còn 1 chuyên mục con/);
  });

  test('delete an unused category: gone from the public menu, audited', async () => {
    const { admin, app, db } = get();
    await ensureTree();
    const cat = (await catBySlug('do-thi-van-minh'))!;
    assert.match((await publicGet(app, '/')).body, /Đô thị văn minh/);
    assert.equal((await admin.post(`${PATH}/${cat.id}/xoa`)).statusCode, 303);
    assert.equal(await catBySlug('do-thi-van-minh'), undefined);
    assert.doesNotMatch((await publicGet(app, '/')).body, /Đô thị văn minh/);
    assert.equal((await lastAudit(db, 'category.delete')).before.slug, 'do-thi-van-minh');
  });

  test('an editor, or the admin of another site, gets 403 and changes nothing', async () => {
    const { editor, otherAdmin, db } = get();
    const cat = (await catBySlug('thong-bao'))!;
    for (const c of [editor, otherAdmin]) {
      assert.equal((await c.get(PATH)).statusCode, 403);
      assert.equal((await c.post(PATH, { name: 'Trái phép', slug: '', parent_id: '' })).statusCode, 403);
      assert.equal((await c.post(`${PATH}/${cat.id}`, { name: 'Trái phép', slug: 'thong-bao', parent_id: '' })).statusCode, 403);
      assert.equal((await c.post(`${PATH}/${cat.id}/xoa`)).statusCode, 403);
    }
    assert.equal((await catBySlug('thong-bao'))!.name, 'Thông báo');
    assert.equal(await catBySlug('trai-phep'), undefined);
  });

  test('a category of another site cannot be reached through this one', async () => {
    const { admin, db } = get();
    const theirs = await db.db.selectFrom('categories').selectAll().where('site_id', '=', 2).executeTakeFirstOrThrow();
    assert.equal((await admin.get(`${PATH}/${theirs.id}`)).statusCode, 404);
    assert.equal((await admin.post(`${PATH}/${theirs.id}`, { name: 'x', slug: 'x', parent_id: '' })).statusCode, 404);
    assert.equal((await admin.post(`${PATH}/${theirs.id}/xoa`)).statusCode, 404);
  });

  test('a post without the CSRF token is refused', async () => {
    const { admin } = get();
    assert.equal((await admin.post(PATH, { name: 'Không token', slug: '', parent_id: '' }, { csrf: null })).statusCode, 403);
    assert.equal(await catBySlug('khong-token'), undefined);
  });
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { AdminClient, makeUser } from '../helpers/admin.js';
import { NAM_HONG_LINH, BAC_HONG_LINH } from '../helpers/app.js';
import { describeEachDb } from '../helpers/db.js';
import { count, fieldError, lastAudit, publicGet, setupSiteAdmin } from '../site-admin/helpers.js';

const SITES = '/quan-tri/trang-web/cac-trang';
const banner = (html: string) => /<aside class="archive-banner"[^>]*>([\s\S]*?)<\/aside>/.exec(html)?.[1];
const text = (html: string) => html.replace(/<[^>]+>/g, '').replace(/<!-- -->/g, '');

describeEachDb(
  'archive mode: a site made read-only after the 2025 reorganisation',
  async (db) => {
    const fixture = await setupSiteAdmin(db);
    await makeUser(db.db, 'quantrinam', [{ siteId: 2, role: 'site_admin' }]);
    const namAdmin = await AdminClient.login(fixture.app, BAC_HONG_LINH, 'quantrinam');
    const namSystem = await AdminClient.login(fixture.app, BAC_HONG_LINH, 'hethong');
    const article = await db.db.selectFrom('articles').select(['id', 'title', 'rating_count']).where('site_id', '=', 2).where('status', '=', 'published').orderBy('id').executeTakeFirstOrThrow();
    const poll = await db.db.selectFrom('polls').select('id').where('site_id', '=', 2).where('published', '=', 1).orderBy('id').executeTakeFirst();
    return { ...fixture, namAdmin, namSystem, article, poll };
  },
  (get) => {
    /** GET on the archive, following the slug's canonicalising 301. */
    const view = async (path: string) => {
      const first = await publicGet(get().app, path, BAC_HONG_LINH);
      return first.statusCode === 301 ? publicGet(get().app, first.headers.location as string, BAC_HONG_LINH) : first;
    };
    const citizenPost = (url: string, payload: Record<string, string>, json = false) =>
      get().app.inject({
        method: 'POST',
        url,
        headers: { host: BAC_HONG_LINH, origin: `http://${BAC_HONG_LINH}`, 'content-type': 'application/x-www-form-urlencoded', accept: json ? 'application/json' : 'text/html' },
        payload: new URLSearchParams(payload).toString(),
      });

    test('bad input: only a system admin archives; successors are required, other and live; the default site stays live', async () => {
      const { admin, system, db } = get();
      assert.equal((await admin.post(`${SITES}/2/luu-tru`, { successors: '1' })).statusCode, 403);
      const none = await system.post(`${SITES}/2/luu-tru`, {});
      assert.equal(none.statusCode, 422);
      assert.equal(fieldError(none.body, 'successors'), 'Vui lòng chọn ít nhất một trang tiếp nhận thông tin của trang này.');
      const self = await system.post(`${SITES}/2/luu-tru`, { successors: ['2', '1'] });
      assert.equal(fieldError(self.body, 'successors'), 'Trang tiếp nhận phải là một trang khác.');
      assert.match(self.body, /id="ke-tiep-1" name="successors" value="1" checked/, 'the choice comes back');
      const unknown = await system.post(`${SITES}/2/luu-tru`, { successors: '999' });
      assert.equal(fieldError(unknown.body, 'successors'), 'Trang tiếp nhận không tồn tại.');
      const dflt = await system.post(`${SITES}/1/luu-tru`, { successors: '2' });
      assert.match(fieldError(dflt.body, 'successors')!, /^Không thể lưu trữ trang mặc định/);
      const rows = await db.db.selectFrom('sites').select(['archived_at']).where('id', 'in', [1, 2]).execute();
      assert.ok(rows.every((r) => r.archived_at === null), 'nothing archived (the demo\'s former town, site 3, was archived when seeded)');
      assert.equal((await db.db.selectFrom('audit_log').select('id').where('action', '=', 'site.archive').execute()).length, 0);
    });

    test('archiving writes its audit row, and every public page shows the banner naming and linking the successor', async () => {
      const { system, app, db, article } = get();
      const before = await publicGet(app, '/', BAC_HONG_LINH);
      assert.equal(banner(before.body), undefined, 'a live site has no banner');
      const res = await system.post(`${SITES}/2/luu-tru`, { successors: '1' });
      assert.equal(res.statusCode, 303);
      const audit = await lastAudit(db, 'site.archive');
      assert.equal(audit.siteId, 2);
      assert.deepEqual(audit.after.successors, [1]);
      const site = await db.db.selectFrom('sites').select(['name', 'archived_at', 'successors']).where('id', '=', 2).executeTakeFirstOrThrow();
      assert.ok(site.archived_at);
      const successorName = (await db.db.selectFrom('sites').select('name').where('id', '=', 1).executeTakeFirstOrThrow()).name;
      const day = new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Ho_Chi_Minh', day: '2-digit', month: '2-digit', year: 'numeric' }).format(new Date(site.archived_at!));
      for (const path of ['/', `/bai-viet/x-${article.id}`, '/tim-kiem?q=tin', '/khong-co-trang-nay']) {
        const page = await view(path);
        const b = banner(page.body);
        assert.ok(b, `${path} (${page.statusCode}) has the banner`);
        assert.equal(text(b!).trim(), `Trang lưu trữ – ${site.name} ngừng cập nhật từ ngày ${day}. Thông tin mới được đăng trên ${successorName}.`, path);
        assert.match(b!, /<a href="http:\/\/namhonglinh\.localhost\/">/, path);
      }
      assert.equal(banner((await publicGet(app, '/', NAM_HONG_LINH)).body), undefined, 'the successor has no banner');
      const list = await system.get(SITES);
      assert.match(list.body, /Lưu trữ từ \d\d\/\d\d\/\d{4}/);
    });

    test('every citizen form is replaced by the archive notice, and a post anyway is refused without writing', async () => {
      const { app, db, article, poll } = get();
      const body = (await view(`/bai-viet/x-${article.id}`)).body;
      assert.match(body, /<p class="archive-closed">Trang lưu trữ không nhận đánh giá mới\.<\/p>/);
      assert.match(body, /<p class="archive-closed">Trang lưu trữ không nhận bình luận mới\.<\/p>/);
      assert.doesNotMatch(body, /class="rating-form"|data-comment-form/);
      const ask = await publicGet(app, '/hoi-dap/gui-cau-hoi', BAC_HONG_LINH);
      assert.match(ask.body, /Trang lưu trữ không nhận câu hỏi, phản ánh mới\./);
      assert.doesNotMatch(ask.body, /class="qa-form"/);
      if (poll) {
        const p = await publicGet(app, `/tham-do-y-kien/${poll.id}`, BAC_HONG_LINH);
        assert.doesNotMatch(p.body, /class="poll-form"/);
      }
      const comments = await count(db, 'audit_log');
      const votes = Number((await db.db.selectFrom('poll_votes').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
      const msg = 'Trang lưu trữ không nhận bình luận, đánh giá, câu hỏi, bình chọn hay góp ý mới.';
      for (const [url, payload] of [
        [`/danh-gia/${article.id}`, { sao: '5' }],
        [`/binh-luan/${article.id}`, { ho_ten: 'Nguyễn Văn A', noi_dung: 'Bình luận' }],
        ['/hoi-dap/gui-cau-hoi', { ho_ten: 'Nguyễn Văn A', tieu_de: 'Hỏi' }],
        [`/tham-do-y-kien/${poll?.id ?? 1}`, { phuong_an: '1' }],
        ['/gop-y-du-thao/1', { ho_ten: 'Nguyễn Văn A', noi_dung: 'Góp ý' }],
      ] as const) {
        const html = await citizenPost(url, payload);
        assert.equal(html.statusCode, 409, url);
        assert.match(html.body, new RegExp(msg.replace(/\./g, '\\.')), url);
        assert.equal(html.headers['cache-control'], 'no-store', url);
        const json = await citizenPost(url, payload, true);
        assert.equal(json.statusCode, 409, url);
        assert.deepEqual(json.json(), { error: { code: 'archived', message: msg } }, url);
      }
      const after = await db.db.selectFrom('articles').select('rating_count').where('id', '=', article.id).executeTakeFirstOrThrow();
      assert.equal(Number(after.rating_count), Number(article.rating_count), 'no rating counted');
      assert.equal(Number((await db.db.selectFrom('poll_votes').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n), votes);
      assert.equal(await count(db, 'audit_log'), comments);
      // Looking up an earlier question's answer still works (it writes nothing).
      assert.equal((await citizenPost('/hoi-dap/tra-cuu', { ma: 'KHONGCO' })).statusCode, 404);
    });

    test("the back office takes no new content on the archive, says why, and the successor's is untouched", async () => {
      const { namAdmin, admin, db } = get();
      const home = await namAdmin.get('/quan-tri');
      assert.match(home.body, /Trang này là trang lưu trữ: nội dung chỉ còn để đọc/);
      const articles = await db.db.selectFrom('articles').select('id').where('site_id', '=', 2).execute();
      for (const url of ['/quan-tri/bai-viet/moi', '/quan-tri/trang-web/chuyen-muc', '/quan-tri/trang-web/lien-ket']) {
        const res = await namAdmin.post(url, { title: 'Bài mới', name: 'Mục mới', slug: 'muc-moi', url: 'https://example.gov.vn', tieu_de: 'Bài mới' });
        assert.equal(res.statusCode, 409, url);
        assert.match(res.body, /Trang lưu trữ không nhận nội dung mới/, url);
      }
      assert.equal((await db.db.selectFrom('articles').select('id').where('site_id', '=', 2).execute()).length, articles.length);
      // The successor's back office is open as before (a validation answer, not a refusal).
      assert.notEqual((await admin.post('/quan-tri/trang-web/lien-ket', { name: '' })).statusCode, 409);
    });

    test('the archived site stays searchable and its article pages are served', async () => {
      const { app, article } = get();
      const word = article.title.split(/\s+/).slice(0, 3).join(' ');
      const res = await publicGet(app, `/tim-kiem?q=${encodeURIComponent(word)}`, BAC_HONG_LINH);
      assert.equal(res.statusCode, 200);
      assert.ok(res.body.includes(`-${article.id}"`), 'the archived article is found');
    });

    test('a system admin makes it live again from the archive itself: banner gone, forms back, audit row', async () => {
      const { namSystem, app, db, article } = get();
      const res = await namSystem.post(`${SITES}/2/hoat-dong-lai`);
      assert.equal(res.statusCode, 303);
      const audit = await lastAudit(db, 'site.unarchive');
      assert.deepEqual(audit.before.successors, [1]);
      const home = await publicGet(app, '/', BAC_HONG_LINH);
      assert.equal(banner(home.body), undefined);
      assert.match((await view(`/bai-viet/x-${article.id}`)).body, /class="rating-form"/);
      assert.notEqual((await citizenPost(`/danh-gia/${article.id}`, { sao: '5' })).statusCode, 409);
    });
  },
);

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { describeEachDb } from '../helpers/db.js';
import { COMMENT, freshIp, freshQuestion, get, otherArticle, post, questionOf, setup, solvedAltcha, text } from './helpers.js';

const WRONG = 'Mã xác thực không đúng.';
const PENDING = 'Bình luận của bạn đã được gửi và đang chờ duyệt.';

/** The verification fieldset of a page (where its error must appear). */
function verifyStep(html: string): string {
  const m = /<fieldset class="verify-step"[^>]*>(.*?)<\/fieldset>/s.exec(html);
  assert.ok(m, 'the page has a verification step');
  return m[1]!;
}

describeEachDb('posting a comment', setup, (env) => {
  test('the article page: "Bình luận (0)", the form for JS, a link for no-JS, a privacy note and no error before any post', async () => {
    const { app, path, articleId } = env();
    const res = await get(app, path);
    const html = res.body;
    assert.match(html, /<h2 id="binh-luan-tieu-de" class="section-title">Bình luận \(0\)<\/h2>/);
    assert.match(html, /Chưa có bình luận nào\./);
    assert.match(html, new RegExp(`<noscript><p><a class="button" href="/binh-luan/${articleId}/viet">Viết bình luận</a></p></noscript>`));
    assert.match(html, /data-altcha-challenge="\/binh-luan\/thu-thach"/);
    assert.match(html, /data-altcha-worker="\/assets\/altcha-pbkdf2\.[0-9a-f]+\.js"/);
    assert.match(html, /không lưu địa chỉ IP/);
    assert.ok(!html.includes(WRONG), 'the verification error never shows before a post');
    assert.ok(!html.includes('ma_cau_hoi'), 'no per-visitor token in the cached page');
    assert.match(res.headers['cache-control'] as string, /^public/);
  });

  test('the no-JS page has the form and a fresh question, is not cached, and shows no error', async () => {
    const { app, articleId } = env();
    const a = await get(app, `/binh-luan/${articleId}/viet`);
    const b = await get(app, `/binh-luan/${articleId}/viet`);
    assert.equal(a.statusCode, 200);
    assert.equal(a.headers['cache-control'], 'no-store');
    assert.match(a.body, /<meta name="robots" content="noindex"\/>/);
    assert.ok(!a.body.includes(WRONG));
    assert.match(verifyStep(a.body), /<label for="bl-dap-an">Câu hỏi: \S+ (cộng|trừ) \S+ bằng mấy\? \(viết bằng chữ số\)<\/label>/);
    assert.notEqual(questionOf(a.body).token, questionOf(b.body).token, 'every visit gets its own question');
  });

  test('no JS, right answer: stored as waiting, "received" page, not yet on the article; no IP address kept', async () => {
    const { app, db, path, articleId } = env();
    const q = await freshQuestion(app, articleId);
    const res = await post(app, `/binh-luan/${articleId}`, { ...COMMENT, ma_cau_hoi: q.token, dap_an: q.answer }, { ip: freshIp() });
    assert.equal(res.statusCode, 303);
    assert.equal(res.headers.location, `/binh-luan/${articleId}/da-gui`);
    const sent = await get(app, res.headers.location as string);
    assert.equal(sent.headers['cache-control'], 'no-store');
    assert.match(text(sent.body), new RegExp(PENDING));
    const row = await db.db.selectFrom('comments').selectAll().where('content', '=', COMMENT.noi_dung).executeTakeFirstOrThrow();
    assert.equal(row.status, 'pending');
    assert.equal(row.hold_reason, 'moderation');
    assert.equal(row.author_email, COMMENT.email);
    assert.match(row.visitor, /^[A-Za-z0-9_-]{22}$/, 'the salted visitor hash is kept');
    assert.doesNotMatch(JSON.stringify(row), /198\.51\.|203\.0\.113/, 'never the IP address');
    assert.ok(!(await get(app, path)).body.includes(COMMENT.noi_dung), 'waiting comments are not shown');
  });

  test('no JS, wrong answer: "Mã xác thực không đúng." in the verification step, everything typed kept, a new question, nothing stored', async () => {
    const { app, db, articleId } = env();
    const q = await freshQuestion(app, articleId);
    const typed = { ho_ten: 'Trần Văn Bình', email: 'binh@example.vn', noi_dung: 'Xin hỏi lịch tiếp dân\ntháng này?', tra_loi: '' };
    const res = await post(app, `/binh-luan/${articleId}`, { ...typed, ma_cau_hoi: q.token, dap_an: String(Number(q.answer) + 1) }, { ip: freshIp() });
    assert.equal(res.statusCode, 422);
    assert.equal(res.headers['cache-control'], 'no-store');
    const step = verifyStep(res.body);
    assert.match(step, /<p class="field-error" id="bl-xac-thuc-loi">Mã xác thực không đúng\.<\/p>/);
    assert.match(step, /aria-describedby="bl-xac-thuc-loi"/);
    assert.match(res.body, /<input id="bl-ho-ten" name="ho_ten" type="text" value="Trần Văn Bình"/);
    assert.match(res.body, /value="binh@example\.vn"/);
    assert.match(res.body, /<textarea id="bl-noi-dung"[^>]*>Xin hỏi lịch tiếp dân\ntháng này\?<\/textarea>/);
    assert.notEqual(questionOf(res.body).token, q.token, 'a new question');
    assert.equal((await db.db.selectFrom('comments').select('id').where('author_name', '=', typed.ho_ten).execute()).length, 0);
  });

  test('missing verification, an answer in words, a replayed token, a token of another site or a forged one', async () => {
    const { app, db, articleId } = env();
    const missing = await post(app, `/binh-luan/${articleId}`, { ...COMMENT, noi_dung: 'Thiếu xác thực' }, { ip: freshIp() });
    assert.equal(missing.statusCode, 422);
    assert.match(verifyStep(missing.body), /Mã xác thực không đúng\./);

    const q = await freshQuestion(app, articleId);
    const units = ['không', 'một', 'hai', 'ba', 'bốn', 'năm', 'sáu', 'bảy', 'tám', 'chín', 'mười'];
    const n = Number(q.answer);
    const words = n <= 10 ? units[n]! : `mười ${n === 15 ? 'lăm' : units[n - 10]}`;
    const ok = await post(app, `/binh-luan/${articleId}`, { ...COMMENT, noi_dung: 'Trả lời bằng chữ', ma_cau_hoi: q.token, dap_an: ` ${words.toUpperCase()} ` }, { ip: freshIp(), json: true });
    assert.equal(ok.statusCode, 200, `"${words}" is accepted for ${n}`);

    const again = await post(app, `/binh-luan/${articleId}`, { ...COMMENT, noi_dung: 'Dùng lại câu hỏi cũ', ma_cau_hoi: q.token, dap_an: q.answer }, { ip: freshIp(), json: true });
    assert.equal(again.statusCode, 422, 'a token is accepted once');
    assert.deepEqual(again.json().errors, { xac_thuc: WRONG });

    const forged = q.token.replace(/\.\d+\./, '.9999999999.');
    const bad = await post(app, `/binh-luan/${articleId}`, { ...COMMENT, noi_dung: 'Token giả', ma_cau_hoi: forged, dap_an: q.answer }, { ip: freshIp(), json: true });
    assert.deepEqual(bad.json().errors, { xac_thuc: WRONG });
    assert.equal((await db.db.selectFrom('comments').select('id').where('content', 'in', ['Thiếu xác thực', 'Dùng lại câu hỏi cũ', 'Token giả']).execute()).length, 0);
  });

  test('with JS: a real ALTCHA challenge solved with altcha-lib is accepted once; a replay or a tampered proof is refused', async () => {
    const { app, db, articleId } = env();
    const altcha = await solvedAltcha(app);
    const first = await post(app, `/binh-luan/${articleId}`, { ...COMMENT, noi_dung: 'Góp ý qua ALTCHA', altcha }, { ip: freshIp(), json: true });
    assert.equal(first.statusCode, 200);
    assert.deepEqual({ ...(first.json() as object), commentId: null }, { ok: true, status: 'pending', message: PENDING, commentId: null });
    const replay = await post(app, `/binh-luan/${articleId}`, { ...COMMENT, noi_dung: 'Gửi lại cùng lời giải', altcha }, { ip: freshIp(), json: true });
    assert.equal(replay.statusCode, 422);
    assert.deepEqual(replay.json(), { ok: false, errors: { xac_thuc: WRONG }, verificationUsed: true });

    const fresh = JSON.parse(Buffer.from(await solvedAltcha(app), 'base64').toString());
    const tampered = [
      { ...fresh, solution: { ...fresh.solution, derivedKey: fresh.solution.derivedKey.replace(/^./, (c: string) => (c === '0' ? '1' : '0')) } },
      { ...fresh, challenge: { ...fresh.challenge, parameters: { ...fresh.challenge.parameters, cost: 1 } } },
      { ...fresh, challenge: { ...fresh.challenge, signature: '0'.repeat(64) } },
      { challenge: null, solution: null, test: true },
    ];
    for (const t of tampered) {
      const r = await post(app, `/binh-luan/${articleId}`, { ...COMMENT, noi_dung: 'Lời giải giả', altcha: Buffer.from(JSON.stringify(t)).toString('base64') }, { ip: freshIp(), json: true });
      assert.deepEqual(r.json().errors, { xac_thuc: WRONG });
    }
    for (const junk of ['abc', '!!!', 'x'.repeat(5000)]) {
      const r = await post(app, `/binh-luan/${articleId}`, { ...COMMENT, noi_dung: 'Lời giải rác', altcha: junk }, { ip: freshIp(), json: true });
      assert.deepEqual(r.json().errors, { xac_thuc: WRONG });
    }
    assert.equal((await db.db.selectFrom('comments').select('id').where('content', 'in', ['Gửi lại cùng lời giải', 'Lời giải giả', 'Lời giải rác']).execute()).length, 0);
  });

  test('bad fields: messages next to each field; the verification proof is not used up, so it still works once fixed', async () => {
    const { app, db, articleId } = env();
    const altcha = await solvedAltcha(app);
    const ip = freshIp();
    const cases: [Record<string, string>, Record<string, string>][] = [
      [{ ho_ten: '', email: '', noi_dung: '' }, { ho_ten: 'Vui lòng nhập họ tên.', noi_dung: 'Vui lòng nhập nội dung bình luận.' }],
      [{ ho_ten: '   ', email: 'không phải email', noi_dung: ' \n ' }, { ho_ten: 'Vui lòng nhập họ tên.', email: 'Địa chỉ email không hợp lệ, ví dụ ten@gmail.com. Có thể để trống.', noi_dung: 'Vui lòng nhập nội dung bình luận.' }],
      [{ ho_ten: 'A'.repeat(81), email: '', noi_dung: 'ư'.repeat(3001) }, { ho_ten: 'Họ tên dài tối đa 80 ký tự.', noi_dung: 'Nội dung bình luận dài tối đa 3.000 ký tự (bạn đã nhập 3.001 ký tự).' }],
    ];
    for (const [fields, errors] of cases) {
      const r = await post(app, `/binh-luan/${articleId}`, { ...fields, altcha }, { ip, json: true });
      assert.equal(r.statusCode, 422);
      assert.deepEqual(r.json(), { ok: false, errors, verificationUsed: false });
    }
    const html = await post(app, `/binh-luan/${articleId}`, { ho_ten: '', email: '', noi_dung: '', altcha }, { ip });
    assert.match(html.body, /<p class="field-error" id="bl-ho-ten-loi">Vui lòng nhập họ tên\.<\/p><input id="bl-ho-ten"[^>]*aria-invalid="true" aria-describedby="bl-ho-ten-loi"/);
    assert.ok(!verifyStep(html.body).includes(WRONG), 'the verification step is not blamed for other fields');
    const fixed = await post(app, `/binh-luan/${articleId}`, { ...COMMENT, noi_dung: 'Đã sửa lỗi và gửi lại', altcha }, { ip, json: true });
    assert.equal(fixed.statusCode, 200);
    assert.equal((await db.db.selectFrom('comments').select('id').where('content', '=', 'Đã sửa lỗi và gửi lại').execute()).length, 1);
  });

  test('HTML and script in every field are stored as typed and always shown escaped', async () => {
    const { app, db } = env();
    const a = await otherArticle(env(), db, 1);
    const evil = { ho_ten: '<script>alert("tên")</script>', email: '"><img src=x onerror=alert(1)>@x.vn', noi_dung: '<img src=x onerror=alert(2)><b>đậm</b>', tra_loi: '"><script>alert(3)</script>' };
    const bad = await post(app, `/binh-luan/${a.id}`, { ...evil, dap_an: '<svg onload=alert(4)>' }, { ip: freshIp() });
    assert.equal(bad.statusCode, 422);
    assert.ok(!/<script>alert|<img src=x|<svg onload/.test(bad.body), 'nothing typed becomes markup');
    assert.match(bad.body, /value="&lt;script>alert\(&quot;tên&quot;\)&lt;\/script>"|value="&lt;script&gt;alert\(&quot;tên&quot;\)&lt;\/script&gt;"/);
    assert.match(bad.body, /&lt;img src=x onerror=alert\(2\)>&lt;b>đậm&lt;\/b>|&lt;img src=x onerror=alert\(2\)&gt;&lt;b&gt;đậm&lt;\/b&gt;/);

    const q = await freshQuestion(app, a.id);
    const ok = await post(app, `/binh-luan/${a.id}`, { ...evil, email: '', ma_cau_hoi: q.token, dap_an: q.answer }, { ip: freshIp() });
    assert.equal(ok.statusCode, 303);
    const row = await db.db.selectFrom('comments').selectAll().where('article_id', '=', a.id).executeTakeFirstOrThrow();
    assert.equal(row.author_name, evil.ho_ten, 'stored as text, as typed');
    assert.equal(row.content, evil.noi_dung);
    assert.equal(row.parent_id, null, 'a junk reply-to is ignored');
    await db.db.updateTable('comments').set({ status: 'published', published_at: new Date().toISOString() }).where('id', '=', row.id).execute();
    const page = (await get(app, a.path)).body;
    assert.ok(!/<script>alert|<img src=x|<b>đậm/.test(page), 'the article page escapes them');
    assert.ok(text(page).includes('<img src=x onerror=alert(2)><b>đậm</b>'), 'and shows the characters typed');
    assert.ok(text(page).includes('<script>alert("tên")</script>'));
  });

  test('a filled honeypot looks accepted but stores nothing; a duplicate is refused', async () => {
    const { app, db } = env();
    const a = await otherArticle(env(), db, 2);
    const q = await freshQuestion(app, a.id);
    const bot = await post(app, `/binh-luan/${a.id}`, { ...COMMENT, noi_dung: 'Mua thuốc giá rẻ', website: 'http://spam.example', ma_cau_hoi: q.token, dap_an: q.answer }, { ip: freshIp(), json: true });
    assert.deepEqual(bot.json(), { ok: true, status: 'pending', message: PENDING, commentId: null });
    assert.equal((await db.db.selectFrom('comments').select('id').where('article_id', '=', a.id).execute()).length, 0);

    const first = await post(app, `/binh-luan/${a.id}`, { ...COMMENT, noi_dung: 'Đề nghị sửa đường Nguyễn Du.', altcha: await solvedAltcha(app) }, { ip: freshIp(), json: true });
    assert.equal(first.statusCode, 200);
    const dup = await post(app, `/binh-luan/${a.id}`, { ...COMMENT, noi_dung: '  đề nghị SỬA đường Nguyễn Du!! ', altcha: await solvedAltcha(app) }, { ip: freshIp(), json: true });
    assert.equal(dup.statusCode, 422);
    assert.deepEqual(dup.json().errors, { noi_dung: 'Bình luận này đã được gửi trước đó.' });
    assert.equal(dup.json().verificationUsed, false);
  });
}, async ({ app }) => app.close());

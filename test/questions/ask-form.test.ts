import assert from 'node:assert/strict';
import { test } from 'node:test';
import { NAM_HONG_LINH } from '../helpers/app.js';
import { describeEachDb } from '../helpers/db.js';
import { ask, ASK, firstTopic, formQuestion, freshIp, get, post, setup, solvedAltcha, text, validQuestion } from './helpers.js';

const WRONG = 'Mã xác thực không đúng.';

function verifyStep(html: string): string {
  const m = /<fieldset class="verify-step"[^>]*>(.*?)<\/fieldset>/s.exec(html);
  assert.ok(m, 'the page has a verification step');
  return m[1]!;
}

describeEachDb('Hỏi đáp: the question form', setup, (env) => {
  const count = async () => Number((await env().db.db.selectFrom('questions').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

  test('the list links the form; the form is uncached, noindex, has topics, both kinds, a question in words and no error', async () => {
    const { app } = env();
    assert.match((await get(app, '/hoi-dap')).body, /<a class="button primary" href="\/hoi-dap\/gui-cau-hoi">Gửi câu hỏi<\/a>/);
    const res = await get(app, ASK);
    assert.equal(res.statusCode, 200);
    assert.equal(res.headers['cache-control'], 'no-store');
    assert.match(res.body, /<meta name="robots" content="noindex"\/>/);
    for (const t of ['Đất đai – Xây dựng', 'Hộ tịch – Chứng thực', 'Chính sách xã hội', 'Môi trường', 'Khác']) assert.ok(res.body.includes(`>${t}</option>`), t);
    assert.match(res.body, /value="cau-hoi" checked\/> Câu hỏi/);
    assert.match(res.body, /value="phan-anh"\/> Phản ánh, kiến nghị/);
    assert.match(verifyStep(res.body), /Câu hỏi: \S+ (cộng|trừ) \S+ bằng mấy\?/);
    assert.ok(!res.body.includes(WRONG));
    assert.match(res.body, /không bao giờ được đăng công khai/);
  });

  test('right answer without JS: stored as received, a code like HD-XXXX-XXXX, only its hash kept, no IP address', async () => {
    const { app, db, siteId } = env();
    const before = await count();
    const { code, fields } = await ask(app, db, siteId, { ip: freshIp() });
    assert.equal(await count(), before + 1);
    const row = await db.db.selectFrom('questions').selectAll().where('title', '=', fields.tieu_de!).executeTakeFirstOrThrow();
    assert.equal(row.status, 'received');
    assert.equal(row.site_id, siteId);
    assert.equal(row.asker_phone, '0912345678');
    assert.equal(row.asker_email, 'lan.nguyen@gmail.com');
    assert.equal(row.kind, 'question');
    assert.equal(row.published, 0);
    const raw = code.replace(/^HD-|-/g, '');
    assert.ok(!JSON.stringify(row).includes(raw), 'the code itself is not stored');
    assert.doesNotMatch(JSON.stringify(row), /198\.51\.|203\.0\.113/);
  });

  test('wrong answer: "Mã xác thực không đúng." in the verification step, everything typed back, a new question, nothing stored', async () => {
    const { app, db, siteId } = env();
    const q = await formQuestion(app);
    const fields = validQuestion(await firstTopic(db, siteId), { loai: 'phan-anh', noi_dung: 'Đèn đường hỏng\nđã một tuần rồi.' });
    const before = await count();
    const res = await post(app, ASK, { ...fields, ma_cau_hoi: q.token, dap_an: String(Number(q.answer) + 1) }, { ip: freshIp() });
    assert.equal(res.statusCode, 422);
    assert.equal(res.headers['cache-control'], 'no-store');
    assert.match(verifyStep(res.body), /<p class="field-error" id="bl-xac-thuc-loi" role="alert">Mã xác thực không đúng\.<\/p>/);
    assert.match(res.body, /id="hd-ho-ten" name="ho_ten" aria-describedby="[^"]*"|id="hd-ho-ten" name="ho_ten"[^>]*value="Nguyễn Thị Lan"/);
    assert.match(res.body, /value="Nguyễn Thị Lan"/);
    assert.match(res.body, /value="0912 345 678"/);
    assert.match(res.body, /value="lan\.nguyen@gmail\.com"/);
    assert.match(res.body, /value="Tổ dân phố 6, phường Bắc Hồng"/);
    assert.match(res.body, new RegExp(`value="${fields.tieu_de}"`));
    assert.match(res.body, /<textarea[^>]*>Đèn đường hỏng\nđã một tuần rồi\.<\/textarea>/);
    assert.match(res.body, /value="phan-anh" checked/);
    assert.match(res.body, new RegExp(`<option value="${fields.chu_de}" selected>`));
    assert.notEqual(formQuestionToken(res.body), q.token, 'a new question');
    assert.equal(await count(), before);
  });

  test('missing verification, a replayed token, a forged token: refused, nothing stored', async () => {
    const { app, db, siteId } = env();
    const topic = await firstTopic(db, siteId);
    const before = await count();
    const missing = await post(app, ASK, validQuestion(topic), { ip: freshIp() });
    assert.equal(missing.statusCode, 422);
    assert.match(verifyStep(missing.body), /Mã xác thực không đúng\./);
    const q = await formQuestion(app);
    const ok = await post(app, ASK, { ...validQuestion(topic), ma_cau_hoi: q.token, dap_an: q.answer }, { ip: freshIp() });
    assert.equal(ok.statusCode, 200);
    const replay = await post(app, ASK, { ...validQuestion(topic), ma_cau_hoi: q.token, dap_an: q.answer }, { ip: freshIp() });
    assert.equal(replay.statusCode, 422, 'a used token is refused');
    assert.match(verifyStep(replay.body), /Mã xác thực không đúng\./);
    const forged = await post(app, ASK, { ...validQuestion(topic), ma_cau_hoi: `${q.token.slice(0, -3)}AAA`, dap_an: q.answer }, { ip: freshIp() });
    assert.equal(forged.statusCode, 422);
    assert.equal(await count(), before + 1);
  });

  test('with JavaScript: a solved ALTCHA is accepted once, a replayed one refused', async () => {
    const { app, db, siteId } = env();
    const topic = await firstTopic(db, siteId);
    const payload = await solvedAltcha(app);
    const a = await post(app, ASK, { ...validQuestion(topic), altcha: payload }, { ip: freshIp() });
    assert.equal(a.statusCode, 200);
    assert.match(a.body, /HD-[2-9A-Z]{4}-[2-9A-Z]{4}/);
    const b = await post(app, ASK, { ...validQuestion(topic), altcha: payload }, { ip: freshIp() });
    assert.equal(b.statusCode, 422);
    assert.match(verifyStep(b.body), /Mã xác thực không đúng\./);
    const junk = await post(app, ASK, { ...validQuestion(topic), altcha: 'bm90IGEgcGF5bG9hZA==' }, { ip: freshIp() });
    assert.equal(junk.statusCode, 422);
  });

  test('every bad field gets its own message next to it and nothing is stored', async () => {
    const { app, db, siteId } = env();
    const topic = await firstTopic(db, siteId);
    const cases: [Record<string, string>, string, RegExp][] = [
      [{ ho_ten: '  ' }, 'ho-ten', /Vui lòng nhập họ tên\./],
      [{ ho_ten: 'A'.repeat(81) }, 'ho-ten', /Họ tên dài tối đa 80 ký tự \(bạn đã nhập 81 ký tự\)\./],
      [{ dien_thoai: '', email: '' }, 'dien-thoai', /Vui lòng nhập số điện thoại hoặc email để nhận trả lời\./],
      [{ dien_thoai: '12345' }, 'dien-thoai', /Số điện thoại không hợp lệ/],
      [{ dien_thoai: '', email: 'lan@' }, 'email', /Địa chỉ email không hợp lệ/],
      [{ dia_chi: 'x'.repeat(201) }, 'dia-chi', /Địa chỉ dài tối đa 200 ký tự/],
      [{ chu_de: '' }, 'chu-de', /Vui lòng chọn chủ đề\./],
      [{ chu_de: '999999' }, 'chu-de', /Vui lòng chọn chủ đề\./],
      [{ loai: 'khac' }, 'loai', /Vui lòng chọn loại/],
      [{ tieu_de: '' }, 'tieu-de', /Vui lòng nhập tiêu đề\./],
      [{ tieu_de: 'T'.repeat(201) }, 'tieu-de', /Tiêu đề dài tối đa 200 ký tự/],
      [{ noi_dung: '' }, 'noi-dung', /Vui lòng nhập nội dung câu hỏi\./],
      [{ noi_dung: 'ngắn' }, 'noi-dung', /Nội dung quá ngắn/],
      [{ noi_dung: 'a '.repeat(2600) }, 'noi-dung', /Nội dung dài tối đa 5\.000 ký tự/],
    ];
    const before = await count();
    for (const [bad, id, msg] of cases) {
      const q = await formQuestion(app);
      const res = await post(app, ASK, { ...validQuestion(topic), ...bad, ma_cau_hoi: q.token, dap_an: q.answer }, { ip: freshIp() });
      assert.equal(res.statusCode, 422, JSON.stringify(bad));
      const err = new RegExp(`<p class="field-error" id="hd-${id}-loi">([^<]*)</p>`).exec(res.body);
      assert.ok(err, `an error next to ${id}`);
      assert.match(err[1]!, msg);
      assert.match(res.body, new RegExp(`aria-describedby="[^"]*hd-${id}-loi`), `${id} is described by its error`);
      assert.match(res.body, /Câu hỏi chưa được gửi/);
    }
    assert.equal(await count(), before);
  });

  test('the other site\'s topic is refused; a site without topics does not ask for one', async () => {
    const { app, db, otherSiteId } = env();
    const q = await formQuestion(app);
    const res = await post(app, ASK, { ...validQuestion(await firstTopic(db, otherSiteId)), ma_cau_hoi: q.token, dap_an: q.answer }, { ip: freshIp() });
    assert.equal(res.statusCode, 422);
    assert.match(res.body, /id="hd-chu-de-loi">Vui lòng chọn chủ đề\./);
  });

  test('HTML and script typed in every field are stored as text and shown escaped', async () => {
    const { app, db, siteId } = env();
    const evil = '<script>alert(1)</script><b onmouseover="x">đậm</b>';
    const topic = await firstTopic(db, siteId);
    // Back with an error: every field comes back escaped.
    const q1 = await formQuestion(app);
    const fields = { ho_ten: evil, dien_thoai: '', email: 'lan@example.vn', dia_chi: evil, chu_de: String(topic), loai: 'cau-hoi', tieu_de: `Hỏi ${evil}`, noi_dung: `Nội dung ${evil} ${Date.now()}` };
    const back = await post(app, ASK, { ...fields, ma_cau_hoi: q1.token, dap_an: String(Number(q1.answer) + 1) }, { ip: freshIp() });
    assert.equal(back.statusCode, 422);
    assert.ok(!back.body.includes('<script>alert(1)'), 'no raw script');
    assert.ok(!back.body.includes('<b onmouseover'), 'no raw tag');
    assert.ok(back.body.includes('&lt;script>alert(1)&lt;/script>') || back.body.includes('&lt;script&gt;alert(1)&lt;/script&gt;'));
    // Stored: as typed.
    const q2 = await formQuestion(app);
    const ok = await post(app, ASK, { ...fields, ma_cau_hoi: q2.token, dap_an: q2.answer }, { ip: freshIp() });
    assert.equal(ok.statusCode, 200);
    const row = await db.db.selectFrom('questions').selectAll().where('body', '=', fields.noi_dung).executeTakeFirstOrThrow();
    assert.equal(row.asker_name, evil);
    assert.equal(row.asker_address, evil);
    assert.equal(row.title, fields.tieu_de);
  });

  test('a filled honeypot: a "received" page for the robot, nothing stored', async () => {
    const { app, db, siteId } = env();
    const before = await count();
    const q = await formQuestion(app);
    const res = await post(app, ASK, { ...validQuestion(await firstTopic(db, siteId)), website: 'http://spam.example', ma_cau_hoi: q.token, dap_an: q.answer }, { ip: freshIp() });
    assert.equal(res.statusCode, 200);
    assert.match(text(res.body), /Câu hỏi của bạn đã được tiếp nhận\./);
    assert.equal(await count(), before);
  });

  test('the same text again (whatever the case, accents or spacing) is refused as a duplicate', async () => {
    const { app, db, siteId } = env();
    const { fields } = await ask(app, db, siteId, { ip: freshIp() });
    const q = await formQuestion(app);
    const again = { ...validQuestion(await firstTopic(db, siteId)), noi_dung: `  ${fields.noi_dung!.toUpperCase()}  ` };
    const before = await count();
    const res = await post(app, ASK, { ...again, ma_cau_hoi: q.token, dap_an: q.answer }, { ip: freshIp() });
    assert.equal(res.statusCode, 422);
    assert.match(res.body, /id="hd-noi-dung-loi">Câu hỏi với nội dung này đã được gửi trước đó\./);
    assert.equal(await count(), before);
  });

  test('rate limit: the fourth question within an hour from one address is refused, other addresses go on', async () => {
    const { app, db, siteId } = env();
    const ip = freshIp();
    for (let i = 0; i < 3; i++) await ask(app, db, siteId, { ip });
    const q = await formQuestion(app);
    const before = await count();
    const res = await post(app, ASK, { ...validQuestion(await firstTopic(db, siteId)), ma_cau_hoi: q.token, dap_an: q.answer }, { ip });
    assert.equal(res.statusCode, 422);
    assert.match(res.body, /Bạn đã gửi nhiều câu hỏi trong thời gian ngắn\./);
    assert.equal(await count(), before);
    await ask(app, db, siteId, { ip: freshIp() });
  });

  test('a post from another site\'s page is refused', async () => {
    const { app, db, siteId } = env();
    const q = await formQuestion(app);
    const res = await post(app, ASK, { ...validQuestion(await firstTopic(db, siteId)), ma_cau_hoi: q.token, dap_an: q.answer }, { ip: freshIp(), headers: { origin: 'https://evil.example', host: NAM_HONG_LINH } });
    assert.equal(res.statusCode, 403);
  });
});

function formQuestionToken(html: string): string {
  return /name="ma_cau_hoi" value="([^"]+)"/.exec(html)?.[1] ?? '';
}

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { describeEachDb } from '../helpers/db.js';
import { freshIp, get, post, questionOf, solvedAltcha } from '../interact/helpers.js';
import { FEEDBACK, feedbackCount, setup } from './helpers.js';

/**
 * A draft's feedback budget (60 per ten minutes) is shared by everyone. Junk `altcha` values used
 * to spend it (issue 16). Now the proof is checked first (after the sender's own address limit);
 * answers to the fallback question, which a script can solve, use at most 15 of the 60.
 */
const WRONG = 'Mã xác thực không đúng.';
const BUSY = 'Dự thảo đang nhận quá nhiều góp ý. Vui lòng thử lại sau ít phút.';

describeEachDb('Góp ý dự thảo: the draft\'s feedback budget', setup, (env) => {
  test('sixty-one junk proofs from sixty-one addresses spend none of it: a solved ALTCHA still goes through', async () => {
    const { app, db, openId } = env();
    const before = await feedbackCount(db.db, openId);
    const answers = await Promise.all(Array.from({ length: 61 }, (_, i) => {
      const proof: Record<string, string> = i % 2 ? { ma_cau_hoi: 'x', dap_an: '3' } : { altcha: 'bm90IGEgcGF5bG9hZA==' };
      return post(app, `/gop-y-du-thao/${openId}`, { ...FEEDBACK, noi_dung: `Góp ý rác số ${i}`, ...proof }, { ip: freshIp(), json: true });
    }));
    assert.deepEqual([...new Set(answers.map((r) => `${r.statusCode} ${JSON.stringify(r.json().errors)}`))], [`422 {"xac_thuc":"${WRONG}"}`]);
    const ip = freshIp();
    const real = await post(app, `/gop-y-du-thao/${openId}`, { ...FEEDBACK, noi_dung: 'Góp ý thật sau đợt góp ý rác.', altcha: await solvedAltcha(app, ip) }, { ip, json: true });
    assert.equal(real.statusCode, 200, JSON.stringify(real.json()));
    assert.equal(await feedbackCount(db.db, openId), before + 1);
  });

  test('answers to the fallback question use at most 15 of the 60; a proof of work still goes through', async () => {
    const { app, db, openId } = env();
    const byFallback = async (n: number) => {
      const ip = freshIp();
      const q = questionOf((await get(app, `/gop-y-du-thao/${openId}`, { ip })).body);
      return post(app, `/gop-y-du-thao/${openId}`, { ...FEEDBACK, noi_dung: `Góp ý không có JavaScript số ${n}.`, ma_cau_hoi: q.token, dap_an: q.answer }, { ip, json: true });
    };
    const before = await feedbackCount(db.db, openId);
    for (let i = 1; i <= 15; i++) assert.equal((await byFallback(i)).statusCode, 200, `fallback answer ${i}`);
    const sixteenth = await byFallback(16);
    assert.equal(sixteenth.statusCode, 429);
    assert.deepEqual(sixteenth.json(), { ok: false, errors: { _form: BUSY }, verificationUsed: true });
    assert.equal(await feedbackCount(db.db, openId), before + 15);
    const ip = freshIp();
    const real = await post(app, `/gop-y-du-thao/${openId}`, { ...FEEDBACK, noi_dung: 'Góp ý có JavaScript.', altcha: await solvedAltcha(app, ip) }, { ip, json: true });
    assert.equal(real.statusCode, 200, 'the fallback part is full, the draft is not');
  });
}, async ({ app }) => app.close());

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { describeEachDb, type TestDb } from '../helpers/db.js';
import { ASK, firstTopic, formQuestion, freshIp, post, setup, solvedAltcha, text, validQuestion } from './helpers.js';

/**
 * The site's hourly question budget (60) is shared by everyone. Junk `altcha` values used to
 * spend it, so one script could close Hỏi đáp for everyone for an hour (issue 16). Now the proof
 * is checked first (after the sender's own address limit); answers to the fallback question,
 * which a script can solve, use at most 15 of the 60.
 */
const WRONG = 'Mã xác thực không đúng.';
const BUSY = 'Hệ thống đang nhận quá nhiều câu hỏi. Vui lòng thử lại sau ít phút.';
const count = async (db: TestDb) => Number((await db.db.selectFrom('questions').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

describeEachDb('Hỏi đáp: the site\'s question budget', setup, (env) => {
  test('sixty-one junk proofs from sixty-one addresses spend none of it: a solved ALTCHA still goes through', async () => {
    const { app, db, siteId } = env();
    const topic = await firstTopic(db, siteId);
    const before = await count(db);
    const junk = ['abc', 'bm90IGEgcGF5bG9hZA==', Buffer.from('{"challenge":{},"solution":{}}').toString('base64')];
    const answers = await Promise.all(Array.from({ length: 61 }, (_, i) => {
      const proof: Record<string, string> = i % 4 === 3 ? { ma_cau_hoi: 'x', dap_an: '5' } : { altcha: junk[i % 3]! };
      return post(app, ASK, { ...validQuestion(topic), ...proof }, { ip: freshIp() });
    }));
    assert.deepEqual([...new Set(answers.map((r) => r.statusCode))], [422]);
    assert.ok(answers.every((r) => text(r.body).includes(WRONG) && !text(r.body).includes(BUSY)), 'each is told the code is wrong, none that the site is busy');
    const ip = freshIp();
    const real = await post(app, ASK, { ...validQuestion(topic), altcha: await solvedAltcha(app, ip) }, { ip });
    assert.equal(real.statusCode, 200, text(real.body).slice(0, 400));
    assert.match(real.body, /HD-[2-9A-Z]{4}-[2-9A-Z]{4}/);
    assert.equal(await count(db), before + 1);
  });

  test('answers to the fallback question use at most 15 of the 60 an hour; they wait for staff; a proof of work still goes through', async () => {
    const { app, db, siteId } = env();
    const topic = await firstTopic(db, siteId);
    const byFallback = async () => {
      const ip = freshIp();
      const q = await formQuestion(app, undefined, ip);
      return post(app, ASK, { ...validQuestion(topic), ma_cau_hoi: q.token, dap_an: q.answer }, { ip });
    };
    const before = await count(db);
    for (let i = 1; i <= 15; i++) assert.equal((await byFallback()).statusCode, 200, `fallback question ${i}`);
    const sixteenth = await byFallback();
    assert.equal(sixteenth.statusCode, 422);
    assert.ok(text(sixteenth.body).includes(BUSY));
    assert.equal(await count(db), before + 15);
    const held = await db.db.selectFrom('questions').select(['status', 'published']).orderBy('id', 'desc').limit(15).execute();
    assert.deepEqual([...new Set(held.map((q) => `${q.status}/${q.published}`))], ['received/0'], 'received, not published');
    const ip = freshIp();
    const real = await post(app, ASK, { ...validQuestion(topic), altcha: await solvedAltcha(app, ip) }, { ip });
    assert.equal(real.statusCode, 200, 'the fallback part is full, the site is not');
  });
}, async ({ app }) => app.close());

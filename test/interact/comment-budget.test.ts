import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import type { CommentModeration } from '../../src/kernel/sites/settings.js';
import { AdminClient, makeUser } from '../helpers/admin.js';
import { NAM_HONG_LINH } from '../helpers/app.js';
import { describeEachDb, type TestDb } from '../helpers/db.js';
import { COMMENT, freshIp, freshQuestion, otherArticle, post, setup, solvedAltcha } from './helpers.js';

/**
 * The article's comment budget is shared by everyone (30 per ten minutes). Junk `altcha` values
 * used to spend it, so one script could close an article's comments for everyone (issue 16). Now
 * the proof is checked first (after the sender's own address limit); answers to the fallback
 * question, which a script can solve, use at most 10 of the 30 and are always held for moderation.
 */
const WRONG = 'Mã xác thực không đúng.';
const BUSY = 'Bài viết đang nhận quá nhiều bình luận. Vui lòng thử lại sau ít phút.';
const FORGED = Buffer.from(JSON.stringify({ challenge: { parameters: { algorithm: 'PBKDF2/SHA-256', nonce: 'x', expiresAt: 9999999999 }, signature: '0'.repeat(64) }, solution: { counter: 1, derivedKey: '00' } })).toString('base64');

async function setMode(app: FastifyInstance, db: TestDb, siteId: number, mode: CommentModeration) {
  const row = await db.db.selectFrom('sites').select('settings').where('id', '=', siteId).executeTakeFirstOrThrow();
  await db.db.updateTable('sites').set({ settings: JSON.stringify({ ...JSON.parse(row.settings), commentModeration: mode }) }).where('id', '=', siteId).execute();
  await app.cong.sites.reload();
}

async function byFallback(app: FastifyInstance, articleId: number, content: string) {
  const ip = freshIp();
  const q = await freshQuestion(app, articleId, ip);
  return post(app, `/binh-luan/${articleId}`, { ...COMMENT, noi_dung: content, ma_cau_hoi: q.token, dap_an: q.answer }, { ip, json: true });
}

async function byAltcha(app: FastifyInstance, articleId: number, content: string) {
  const ip = freshIp();
  return post(app, `/binh-luan/${articleId}`, { ...COMMENT, noi_dung: content, altcha: await solvedAltcha(app, ip) }, { ip, json: true });
}

describeEachDb('the article\'s comment budget', setup, (env) => {
  test('forty junk proofs from forty addresses spend none of it: a solved ALTCHA still goes through', async () => {
    const { app, db } = env();
    const a = await otherArticle(env(), db, 8);
    const junk = ['abc', 'bm90IGEgcGF5bG9hZA==', FORGED, ''];
    const answers = await Promise.all(Array.from({ length: 40 }, (_, i) => {
      const proof: Record<string, string> = i % 5 === 4 ? { ma_cau_hoi: 'x', dap_an: '7' } : { altcha: junk[i % 4]! };
      return post(app, `/binh-luan/${a.id}`, { ...COMMENT, noi_dung: `Tin rác số ${i}`, ...proof }, { ip: freshIp(), json: true });
    }));
    assert.deepEqual([...new Set(answers.map((r) => `${r.statusCode} ${JSON.stringify(r.json().errors)}`))], [`422 {"xac_thuc":"${WRONG}"}`]);
    const real = await byAltcha(app, a.id, 'Góp ý thật sau đợt tin rác');
    assert.equal(real.statusCode, 200, JSON.stringify(real.json()));
    assert.equal((await db.db.selectFrom('comments').select('content').where('article_id', '=', a.id).execute()).length, 1);
  });

  test('answers to the fallback question are held even where verified comments are published at once, and use at most 10 of the 30', async () => {
    const { app, db, siteId } = env();
    const a = await otherArticle(env(), db, 9);
    await setMode(app, db, siteId, 'publish');
    try {
      const first = await byFallback(app, a.id, 'Góp ý không có JavaScript');
      assert.equal(first.statusCode, 200);
      assert.equal(first.json().status, 'pending', 'held, although the site publishes at once');
      const row = await db.db.selectFrom('comments').select(['status', 'hold_reason', 'published_at']).where('id', '=', first.json().commentId).executeTakeFirstOrThrow();
      assert.deepEqual({ ...row }, { status: 'pending', hold_reason: 'fallback', published_at: null });
      const verified = await byAltcha(app, a.id, 'Góp ý có JavaScript');
      assert.equal(verified.json().status, 'published', 'a proof of work is published at once');

      for (let i = 2; i <= 10; i++) assert.equal((await byFallback(app, a.id, `Góp ý không có JavaScript số ${i}`)).statusCode, 200);
      const eleventh = await byFallback(app, a.id, 'Góp ý không có JavaScript số 11');
      assert.equal(eleventh.statusCode, 422);
      assert.deepEqual(eleventh.json(), { ok: false, errors: { _form: BUSY }, verificationUsed: true });
      const still = await byAltcha(app, a.id, 'Vẫn gửi được bằng ALTCHA');
      assert.equal(still.json().status, 'published', 'the fallback part is full, the article is not');
      const rows = await db.db.selectFrom('comments').select(['status', 'hold_reason']).where('article_id', '=', a.id).execute();
      assert.equal(rows.filter((r) => r.hold_reason === 'fallback' && r.status === 'pending').length, 10);
      assert.equal(rows.filter((r) => r.status === 'published').length, 2);
      // The moderators see why they wait.
      await makeUser(db.db, 'kiemduyetngansach', [{ siteId, role: 'moderator' }]);
      const queue = await (await AdminClient.login(app, NAM_HONG_LINH, 'kiemduyetngansach')).get('/quan-tri/binh-luan');
      assert.match(queue.body, /Lý do chờ: Gửi qua câu hỏi xác thực \(không có JavaScript\)/);
    } finally {
      await setMode(app, db, siteId, 'hold_all');
    }
  });
}, async ({ app }) => app.close());

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { CommentLimiter, MemoryCounter, RedisCounter } from '../../src/kernel/citizen/limits.js';
import { checkAnswer, makeQuestion, parseAnswer, QUESTION_TTL_MS } from '../../src/kernel/citizen/question.js';
import { ratingText } from '../../src/features/ratings/rating.js';
import { DbReplayStore, RedisReplayStore } from '../../src/kernel/citizen/replay-store.js';
import { loadSecrets } from '../../src/kernel/citizen/secrets.js';
import { connectRedis } from '../../src/kernel/redis.js';
import { describeEachDb } from '../helpers/db.js';
import { dropPrefix, redisMissing, REDIS_URL, testPrefix } from '../stats/helpers.js';

const SECRET = 'k'.repeat(64);

/** The right answer, read from the question as a person would. */
function solve(question: string): number {
  const m = /^(\S+) (cộng|trừ) (\S+) bằng mấy\? \(viết bằng chữ số\)$/.exec(question)!;
  const [a, b] = [parseAnswer(m[1]!)!, parseAnswer(m[3]!)!];
  return m[2] === 'cộng' ? a + b : a - b;
}

describe('the fallback question', () => {
  test('is a small sum in plain Vietnamese words, answered in digits or in words', () => {
    for (let i = 0; i < 50; i++) {
      const q = makeQuestion(SECRET, 1, Date.now());
      assert.match(q.question, /^[A-ZĐÂÊÔƠƯÁÀẢÃẠ][^\d]* (cộng|trừ) [^\d]+ bằng mấy\? \(viết bằng chữ số\)$/u);
      const n = solve(q.question);
      assert.ok(n >= 0 && n <= 18);
      assert.ok(checkAnswer(SECRET, 1, q.token, String(n), Date.now()), `${q.question} → ${n}`);
    }
    assert.deepEqual(['8', ' 8 ', 'tám', 'Tám', 'mười', 'mười một', 'Mười lăm', 'hai mươi', 'hai mươi mốt', 'bốn', 'tư', '08'].map(parseAnswer), [8, 8, 8, 8, 10, 11, 15, 20, 21, 4, 4, 8]);
    assert.deepEqual(['', 'abc', '100', '8.5', 'tám tám tám', '<script>'].map(parseAnswer), [null, null, null, null, null, null]);
  });

  test('its token is refused with a wrong answer, after expiry, on another site or when altered', () => {
    const now = Date.now();
    const q = makeQuestion(SECRET, 1, now);
    const n = solve(q.question);
    assert.equal(checkAnswer(SECRET, 1, q.token, String(n + 1), now), null);
    assert.equal(checkAnswer(SECRET, 1, q.token, String(n), now + QUESTION_TTL_MS + 1000), null, 'expired');
    assert.equal(checkAnswer(SECRET, 2, q.token, String(n), now), null, 'another site');
    assert.equal(checkAnswer('other'.repeat(13), 1, q.token, String(n), now), null, 'another installation');
    const [id, exp, mac] = q.token.split('.');
    assert.equal(checkAnswer(SECRET, 1, `${id}.${Number(exp) + 3600}.${mac}`, String(n), now), null, 'a longer life');
    assert.equal(checkAnswer(SECRET, 1, `${id}x.${exp}.${mac}`, String(n), now), null);
    assert.ok(checkAnswer(SECRET, 1, q.token, String(n), now));
  });
});

describe('ratings text', () => {
  test('vi-VN numbers, never blanks', () => {
    assert.equal(ratingText({ count: 0, sum: 0 }), 'Chưa có đánh giá');
    assert.equal(ratingText({ count: 12, sum: 52 }), '12 lượt đánh giá · trung bình 4,3/5');
    assert.equal(ratingText({ count: 1234, sum: 6170 }), '1.234 lượt đánh giá · trung bình 5,0/5');
  });
});

describe('comment limits', () => {
  test('per IP address and per article, in fixed windows', async () => {
    const l = new CommentLimiter(new MemoryCounter(), SECRET, { perIp: 2, perArticle: 3, perArticleFallback: 3, windowMs: 60_000 });
    const t = 1_000_000;
    // The address first, then (once the proof passed) the article.
    const take = async (article: number, ip: string, at: number) => (await l.takeAddress(ip, at)) ?? (await l.takeArticle(1, article, at, false));
    assert.equal(await take(10, '1.1.1.1', t), null);
    assert.equal(await take(10, '1.1.1.1', t), null);
    assert.match((await take(10, '1.1.1.1', t))!, /nhiều bình luận/);
    assert.equal(await take(10, '2.2.2.2', t), null);
    assert.match((await take(10, '3.3.3.3', t))!, /quá nhiều bình luận/);
    assert.equal(await take(11, '3.3.3.3', t), null, 'another article');
    assert.equal(await take(10, '1.1.1.1', t + 60_000), null, 'a new window');
  });

  test('answers to the fallback question use only their part of the article\'s budget', async () => {
    const l = new CommentLimiter(new MemoryCounter(), SECRET, { perIp: 5, perArticle: 4, perArticleFallback: 2, windowMs: 60_000 });
    const t = 1_000_000;
    assert.equal(await l.takeArticle(1, 10, t, true), null);
    assert.equal(await l.takeArticle(1, 10, t, true), null);
    assert.match((await l.takeArticle(1, 10, t, true))!, /quá nhiều bình luận/, 'the fallback part is used up');
    assert.equal(await l.takeArticle(1, 10, t, false), null, 'a proof of work still goes through');
    assert.equal(await l.takeArticle(1, 10, t, false), null);
    assert.match((await l.takeArticle(1, 10, t, false))!, /quá nhiều bình luận/, 'the whole budget counts both');
  });
});

describeEachDb('the replay store and the secrets', async () => ({}), (env) => {
  test('an id is accepted once, even by many simultaneous requests', async () => {
    const store = new DbReplayStore(env().db.db);
    const exp = new Date(Date.now() + 60_000);
    const results = await Promise.all(Array.from({ length: 20 }, () => store.useOnce('a:same-nonce', exp)));
    assert.equal(results.filter(Boolean).length, 1);
    assert.equal(await store.useOnce('a:other-nonce', exp), true);
  });

  test('the HMAC keys are generated once, kept in the database, the same for every instance', async () => {
    const { db } = env();
    const a = await loadSecrets(db.db, new Date());
    const b = await loadSecrets(db.db, new Date());
    assert.deepEqual(a, b);
    assert.equal(new Set(Object.values(a)).size, 4, 'one key per purpose');
    const row = await db.db.selectFrom('interact_secrets').selectAll().execute();
    assert.equal(row.length, 1);
    assert.match(row[0]!.value, /^[A-Za-z0-9_-]{43}$/);
  });
});

/**
 * On the machine's Redis (TEST_REDIS_URL), under a key prefix of this run. Without a Redis the
 * test is skipped with the reason, unless CONG_REQUIRE_REDIS=1, which makes that a failure.
 */
describe('the replay store and the limits in Redis', () => {
  let missing: string | null = 'not checked';
  const prefix = testPrefix();
  before(async () => {
    missing = await redisMissing(); // throws under CONG_REQUIRE_REDIS=1 when Redis does not answer
  });
  after(async () => {
    if (!missing) await dropPrefix(prefix);
  });

  test('SET NX: accepted once across instances; counters shared', async (t) => {
    if (missing) return t.skip(missing);
    // Two instances, each with its own connections.
    const [ra, rb] = [connectRedis(REDIS_URL, prefix), connectRedis(REDIS_URL, prefix)];
    const [a, b] = [new RedisReplayStore(ra.client, prefix), new RedisReplayStore(rb.client, prefix)];
    try {
      const exp = new Date(Date.now() + 60_000);
      const r = await Promise.all([a.useOnce('q:1', exp), b.useOnce('q:1', exp), a.useOnce('q:1', exp)]);
      assert.equal(r.filter(Boolean).length, 1);
      const limiter = new CommentLimiter(new RedisCounter(a.client, prefix), SECRET, { perIp: 1, perArticle: 10, perArticleFallback: 5, windowMs: 60_000 });
      const other = new CommentLimiter(new RedisCounter(b.client, prefix), SECRET, { perIp: 1, perArticle: 10, perArticleFallback: 5, windowMs: 60_000 });
      assert.equal(await limiter.takeAddress('9.9.9.9', Date.now()), null);
      assert.match((await other.takeAddress('9.9.9.9', Date.now()))!, /nhiều bình luận/);
    } finally {
      await ra.close();
      await rb.close();
    }
  });
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { addDays, dayOf, dayStartMs, liveDays, weekStart } from '../../src/kernel/lib/calendar.js';
import { articleFromPath, deviceClass, referrerDomain, skipReason } from '../../src/features/stats/classify.js';
import { visitorHash } from '../../src/kernel/citizen/identity.js';
import { NEW_VISIT, ONLINE_MS, SAVE, VISIT_GAP_MS, VisitorWindow } from '../../src/features/stats/window.js';

const T0 = Date.parse('2026-11-26T03:00:00.000Z');
/** Whether a hit starts a visit. */
const visit = (w: VisitorWindow, v: string, prev: string | null, at: number) => (w.hit(v, prev, at) & NEW_VISIT) !== 0;
const CHROME = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0 Safari/537.36';

test('online = distinct visitors of the last five minutes; a visit starts after 30 minutes of silence', () => {
  const w = new VisitorWindow(1000);
  assert.equal(visit(w, 'a', null, T0), true, 'first hit starts a visit');
  assert.equal(visit(w, 'a', null, T0 + 60_000), false, 'same visit');
  assert.equal(visit(w, 'b', null, T0 + 120_000), true);
  assert.equal(w.onlineAt(T0 + 120_000), 2);
  assert.equal(w.onlineAt(T0 + 60_000 + ONLINE_MS + 1), 1, 'a left the window, b is still in it');
  assert.equal(w.onlineAt(T0 + 120_000 + ONLINE_MS + 1), 0);
  assert.equal(visit(w, 'a', null, T0 + 60_000 + VISIT_GAP_MS - 1), false, 'back within 30 minutes: same visit');
  assert.equal(visit(w, 'a', null, T0 + 60_000 + 2 * VISIT_GAP_MS), true, 'back after 30 minutes: a new visit');
});

test('the window stays bounded: expired visitors are dropped and a hard cap holds under any load', () => {
  const w = new VisitorWindow(10_000);
  for (let i = 0; i < 100_000; i++) w.hit(`v${i}`, null, T0 + i * 100);
  // 100 000 visitors over 10 000 s: only those of the last 30 minutes (18 000) are kept, capped at 10 000.
  assert.ok(w.size <= 10_000, `size ${w.size}`);
  assert.equal(w.onlineAt(T0 + 100_000 * 100), 3000, 'five minutes of visitors at one per 100 ms');
  const later = new VisitorWindow(1_000_000);
  for (let i = 0; i < 50_000; i++) later.hit(`v${i}`, null, T0 + i * 100);
  assert.equal(later.size, 18_001, 'exactly the visitors of the last 30 minutes (both ends included)');
});

test('agrees with a naive model over a long random run', () => {
  let seed = 42;
  const rnd = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
  const w = new VisitorWindow(1_000_000);
  const model = new Map<string, number>();
  let now = T0;
  for (let i = 0; i < 20_000; i++) {
    now += rnd(4) === 0 ? rnd(20 * 60_000) : rnd(20_000);
    const v = `v${rnd(60)}`;
    const last = model.get(v);
    const expectNew = last === undefined || last < now - VISIT_GAP_MS;
    assert.equal(visit(w, v, null, now), expectNew, `visit at step ${i}`);
    model.set(v, now);
    if (i % 7 === 0) {
      const probe = now + rnd(6 * 60_000);
      const expected = [...model.values()].filter((t) => t >= probe - ONLINE_MS).length;
      assert.equal(w.onlineAt(probe), expected, `online at step ${i}`);
      now = probe;
    }
  }
});

test('just after midnight a visitor keeps their visit and is not online twice (previous salt)', () => {
  const w = new VisitorWindow(100);
  const midnight = dayStartMs('2026-11-27');
  assert.equal(visit(w, 'yesterday-hash', null, midnight - 60_000), true);
  assert.equal(w.hit('today-hash', 'yesterday-hash', midnight + 60_000), SAVE, 'the same visit goes on (not a new visit), under a hash the database has not seen');
  assert.equal(w.onlineAt(midnight + 60_000), 1);
});

test('a returning visitor is handed over for saving at most once a minute; new ones at once', () => {
  const w = new VisitorWindow(100);
  assert.equal(w.hit('a', null, T0), NEW_VISIT | SAVE);
  assert.equal(w.hit('a', null, T0 + 30_000), 0, 'seen, saved a moment ago');
  assert.equal(w.hit('a', null, T0 + 60_000), SAVE, 'a minute later: saved again');
  assert.equal(w.hit('b', null, T0 + 61_000), NEW_VISIT | SAVE);
});

test('Vietnamese calendar days, weeks from Monday', () => {
  assert.equal(dayOf(Date.parse('2026-11-26T16:59:59.999Z')), '2026-11-26');
  assert.equal(dayOf(Date.parse('2026-11-26T17:00:00.000Z')), '2026-11-27', 'midnight in Hà Nội');
  assert.equal(dayStartMs('2026-11-27'), Date.parse('2026-11-26T17:00:00.000Z'));
  assert.equal(addDays('2026-03-01', -1), '2026-02-28');
  assert.equal(weekStart('2026-11-26'), '2026-11-23', 'Thursday → Monday');
  assert.equal(weekStart('2026-11-29'), '2026-11-23', 'Sunday → Monday');
  assert.deepEqual(liveDays(Date.parse('2026-12-01T01:00:00.000Z')), { today: '2026-12-01', yesterday: '2026-11-30', month: '2026-12' });
});

test('bots, prefetches and other sites do not count; people do', () => {
  assert.equal(skipReason({ 'user-agent': CHROME }), null);
  assert.equal(skipReason({ 'user-agent': 'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)' }), 'bot');
  assert.equal(skipReason({ 'user-agent': 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/124.0 Safari/537.36' }), 'bot');
  assert.equal(skipReason({}), 'bot', 'no user agent');
  assert.equal(skipReason({ 'user-agent': 'curl/8.5.0' }), 'bot');
  assert.equal(skipReason({ 'user-agent': CHROME, 'sec-purpose': 'prefetch' }), 'prefetch');
  assert.equal(skipReason({ 'user-agent': CHROME, 'sec-purpose': 'prefetch;prerender' }), 'prefetch');
  assert.equal(skipReason({ 'user-agent': CHROME, purpose: 'prefetch' }), 'prefetch');
  assert.equal(skipReason({ 'user-agent': CHROME, 'x-moz': 'prefetch' }), 'prefetch');
  assert.equal(skipReason({ 'user-agent': CHROME, 'sec-fetch-site': 'cross-site' }), 'cross-site');
  assert.equal(skipReason({ 'user-agent': CHROME, 'sec-fetch-site': 'same-origin' }), null);
});

test('device class, referrer domain and the article of a page address', () => {
  assert.equal(deviceClass(CHROME), 'desktop');
  assert.equal(deviceClass('Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 Mobile/15E148'), 'mobile');
  assert.equal(deviceClass('Mozilla/5.0 (Linux; Android 10; SM-A105F) AppleWebKit/537.36 Chrome/120 Mobile Safari/537.36'), 'mobile');
  assert.equal(deviceClass('Mozilla/5.0 (Linux; Android 13; SM-X200) AppleWebKit/537.36 Chrome/120 Safari/537.36'), 'tablet');
  assert.equal(deviceClass('Mozilla/5.0 (iPad; CPU OS 17_0 like Mac OS X)'), 'tablet');
  assert.equal(referrerDomain('https://www.google.com.vn/search?q=nam+hong', 'namhonglinh.localhost'), 'google.com.vn');
  assert.equal(referrerDomain('https://m.facebook.com/story.php?id=1', 'namhonglinh.localhost'), 'm.facebook.com');
  assert.equal(referrerDomain('http://namhonglinh.localhost/chuyen-muc/x', 'namhonglinh.localhost'), null, 'our own pages');
  assert.equal(referrerDomain('javascript:alert(1)', 'x'), null);
  assert.equal(referrerDomain('not a url', 'x'), null);
  assert.equal(referrerDomain(42, 'x'), null);
  assert.equal(articleFromPath('/bai-viet/dang-uy-phuong-nam-hong-12'), 12);
  assert.equal(articleFromPath('/bai-viet/12?x=1'), 12);
  assert.equal(articleFromPath('/chuyen-muc/tin-tuc'), null);
});

test('visitor hashes differ by salt, site, IP and browser, and do not contain them', () => {
  const h = visitorHash('salt-1', 1, '203.113.1.2', CHROME);
  assert.equal(h.length, 22);
  assert.notEqual(h, visitorHash('salt-2', 1, '203.113.1.2', CHROME), 'a new day is a new hash');
  assert.notEqual(h, visitorHash('salt-1', 2, '203.113.1.2', CHROME), 'another site');
  assert.notEqual(h, visitorHash('salt-1', 1, '203.113.1.3', CHROME));
  assert.ok(!h.includes('203') || !h.includes('113'));
  assert.equal(h, visitorHash('salt-1', 1, '203.113.1.2', CHROME), 'stable within the day');
});

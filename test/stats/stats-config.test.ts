import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ConfigError, loadConfig } from '../../src/config.js';

test('statistics settings: Redis is optional, flushes at least every second, the beacon rate limit can be lifted', () => {
  const d = loadConfig({}, '/srv/cong');
  assert.equal(d.redisUrl, null);
  assert.equal(d.redisPrefix, 'cong:');
  assert.equal(d.statsFlushMs, 500);
  assert.equal(d.statsRateLimit, 600);
  const c = loadConfig({ REDIS_URL: 'redis://127.0.0.1:6379/2', CONG_REDIS_PREFIX: 'tinh:', CONG_STATS_FLUSH_MS: '1000', CONG_STATS_RATE_LIMIT: '0' }, '/');
  assert.equal(c.redisUrl, 'redis://127.0.0.1:6379/2');
  assert.equal(c.redisPrefix, 'tinh:');
  assert.equal(c.statsFlushMs, 1000);
  assert.equal(c.statsRateLimit, 0);
  assert.throws(() => loadConfig({ REDIS_URL: 'http://x' }), ConfigError);
  assert.throws(() => loadConfig({ CONG_STATS_FLUSH_MS: '5000' }), ConfigError, 'a crash may lose at most a second');
});

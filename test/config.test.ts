import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { ConfigError, loadConfig } from '../src/config.js';
import { pageCacheShare } from '../src/kernel/context.js';

test('defaults: SQLite in ./data, port 3000, demo content on', () => {
  const c = loadConfig({}, '/srv/cong');
  assert.equal(c.port, 3000);
  assert.equal(c.dataDir, '/srv/cong/data');
  assert.equal(c.databaseUrl, null);
  assert.equal(c.seedDemo, true);
});

test('environment overrides are validated', () => {
  const c = loadConfig({ PORT: '8080', CONG_DATA_DIR: '/var/lib/cong', DATABASE_URL: 'postgres://u@h/db', CONG_DEMO: 'false' }, '/');
  assert.equal(c.port, 8080);
  assert.equal(c.dataDir, '/var/lib/cong');
  assert.equal(c.databaseUrl, 'postgres://u@h/db');
  assert.equal(c.seedDemo, false);
  assert.throws(() => loadConfig({ PORT: 'abc' }), ConfigError);
  assert.throws(() => loadConfig({ PORT: '70000' }), ConfigError);
  assert.throws(() => loadConfig({ DATABASE_URL: 'mysql://x' }), ConfigError);
  assert.throws(() => loadConfig({ CONG_DEMO: 'maybe' }), ConfigError);
});

test('npm start runs the server with the flags the benchmarks measure it with', async () => {
  const { PRODUCTION_ENV, PRODUCTION_NODE_ARGS } = await import('../bench/servers.js');
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { scripts: Record<string, string> };
  const env = Object.entries(PRODUCTION_ENV).map(([k, v]) => `${k}=${v}`);
  assert.equal(pkg.scripts.serve, [...env, 'node', ...PRODUCTION_NODE_ARGS, 'dist/src/main.js'].join(' '));
  assert.match(pkg.scripts.start!, /&& npm run serve$/);
});

test('CONG_WORKERS: one process by default, a count, or one per CPU with "auto"; anything else is refused', () => {
  assert.equal(loadConfig({}, '/').workers, 1);
  assert.equal(loadConfig({ CONG_WORKERS: '4' }, '/').workers, 4);
  assert.equal(loadConfig({ CONG_WORKERS: 'auto' }, '/', 6).workers, 6);
  assert.equal(loadConfig({ CONG_WORKERS: 'AUTO' }, '/', 2).workers, 2);
  for (const bad of ['0', '-1', 'abc', '1.5', '257']) {
    assert.throws(() => loadConfig({ CONG_WORKERS: bad }, '/'), (err: Error) => err instanceof ConfigError && err.message === `CONG_WORKERS must be "auto" or an integer between 1 and 256, got "${bad}"`);
  }
});

test('CONG_PAGE_CACHE_MB: 24 MB by default, a whole number of MB, anything else refused', () => {
  assert.equal(loadConfig({}, '/').pageCacheMb, 24);
  assert.equal(loadConfig({ CONG_PAGE_CACHE_MB: '64' }, '/').pageCacheMb, 64);
  for (const bad of ['0', '-5', '1.5', 'lots']) {
    assert.throws(() => loadConfig({ CONG_PAGE_CACHE_MB: bad }, '/'), (err: Error) => err instanceof ConfigError && err.message === `CONG_PAGE_CACHE_MB must be an integer between 1 and 4096, got "${bad}"`);
  }
});

test('CONG_PAGE_CACHE_MB is the whole server\'s: each of CONG_WORKERS processes holds its share', () => {
  assert.deepEqual(pageCacheShare(loadConfig({}, '/')), { maxBytes: 24 * 1024 * 1024, maxEntries: 5000 });
  assert.deepEqual(pageCacheShare(loadConfig({ CONG_WORKERS: '2' }, '/')), { maxBytes: 12 * 1024 * 1024, maxEntries: 2500 });
  assert.deepEqual(pageCacheShare(loadConfig({ CONG_WORKERS: '3', CONG_PAGE_CACHE_MB: '64' }, '/')), { maxBytes: Math.floor((64 * 1024 * 1024) / 3), maxEntries: 1667 });
});

test('CONG_METRICS_PORT: off by default, a port of its own on loopback unless CONG_METRICS_HOST says otherwise', () => {
  const off = loadConfig({}, '/');
  assert.equal(off.metricsPort, null);
  assert.equal(off.metricsHost, '127.0.0.1');
  const on = loadConfig({ CONG_METRICS_PORT: '9464', CONG_METRICS_HOST: '10.0.0.5' }, '/');
  assert.equal(on.metricsPort, 9464);
  assert.equal(on.metricsHost, '10.0.0.5');
  for (const bad of ['0', 'abc', '70000', '1.5']) assert.throws(() => loadConfig({ CONG_METRICS_PORT: bad }, '/'), ConfigError);
  assert.throws(
    () => loadConfig({ PORT: '8080', CONG_METRICS_PORT: '8080' }, '/'),
    (err: Error) => err instanceof ConfigError && /CONG_METRICS_PORT must differ from PORT/.test(err.message),
  );
  assert.throws(() => loadConfig({ CONG_METRICS_PORT: '3000' }, '/'), ConfigError, 'the default public port is refused too');
});

test('media: <dataDir>/media by default; a bucket when every CONG_S3_* is set; some of them is refused, naming the missing ones', () => {
  assert.deepEqual(loadConfig({ CONG_DATA_DIR: '/var/lib/cong' }, '/').media, { kind: 'local', dir: '/var/lib/cong/media' });
  const s3 = {
    CONG_S3_ENDPOINT: 'https://s3.example.vn',
    CONG_S3_BUCKET: 'cong-media',
    CONG_S3_REGION: 'hn-1',
    CONG_S3_ACCESS_KEY_ID: 'khoa-thu',
    CONG_S3_SECRET_ACCESS_KEY: 'bi-mat-thu',
  };
  assert.deepEqual(loadConfig(s3, '/').media, {
    kind: 's3', endpoint: 'https://s3.example.vn', bucket: 'cong-media', region: 'hn-1', accessKeyId: 'khoa-thu', secretAccessKey: 'bi-mat-thu', forcePathStyle: false,
  });
  assert.equal((loadConfig({ ...s3, CONG_S3_FORCE_PATH_STYLE: 'true' }, '/').media as { forcePathStyle: boolean }).forcePathStyle, true);
  const refused = (env: Record<string, string>, message: string) =>
    assert.throws(() => loadConfig(env, '/'), (err: Error) => err instanceof ConfigError && err.message === message);
  const { CONG_S3_REGION: _r, CONG_S3_SECRET_ACCESS_KEY: _s, ...partial } = s3;
  refused(partial, 'S3 media storage needs all of CONG_S3_ENDPOINT, CONG_S3_BUCKET, CONG_S3_REGION, CONG_S3_ACCESS_KEY_ID, CONG_S3_SECRET_ACCESS_KEY; missing: CONG_S3_REGION, CONG_S3_SECRET_ACCESS_KEY');
  refused({ CONG_S3_FORCE_PATH_STYLE: 'true' }, 'S3 media storage needs all of CONG_S3_ENDPOINT, CONG_S3_BUCKET, CONG_S3_REGION, CONG_S3_ACCESS_KEY_ID, CONG_S3_SECRET_ACCESS_KEY; missing: CONG_S3_ENDPOINT, CONG_S3_BUCKET, CONG_S3_REGION, CONG_S3_ACCESS_KEY_ID, CONG_S3_SECRET_ACCESS_KEY');
  refused({ ...s3, CONG_S3_ENDPOINT: 's3.example.vn' }, 'CONG_S3_ENDPOINT must be an http:// or https:// URL, got "s3.example.vn"');
  refused({ ...s3, CONG_S3_BUCKET: 'Cong_Media' }, 'CONG_S3_BUCKET must be a bucket name (3-63 lowercase letters, digits, dots or hyphens), got "Cong_Media"');
  refused({ ...s3, CONG_S3_FORCE_PATH_STYLE: 'co' }, 'CONG_S3_FORCE_PATH_STYLE must be true or false, got "co"');
});

test('NODE_ENV=production: no demo content unless CONG_DEMO asks for it', () => {
  assert.equal(loadConfig({}, '/').production, false);
  assert.equal(loadConfig({ NODE_ENV: 'production' }, '/').production, true);
  assert.equal(loadConfig({ NODE_ENV: 'production' }, '/').seedDemo, false);
  assert.equal(loadConfig({ NODE_ENV: 'production', CONG_DEMO: 'true' }, '/').seedDemo, true);
  assert.equal(loadConfig({ NODE_ENV: 'development' }, '/').seedDemo, true);
});

test('CONG_TRUST_PROXY: false, a hop count or addresses/CIDRs; "true" is refused in production, naming the variable', () => {
  const trust = (v: string, env: Record<string, string> = {}) => loadConfig({ CONG_TRUST_PROXY: v, ...env }, '/').trustProxy;
  for (const off of ['', 'false', 'off', '0']) assert.equal(trust(off), false, off);
  assert.equal(trust('1'), 1);
  assert.equal(trust('2', { NODE_ENV: 'production' }), 2);
  assert.deepEqual(trust('127.0.0.1, 10.0.0.0/8,::1, fd00::/8,loopback'), ['127.0.0.1', '10.0.0.0/8', '::1', 'fd00::/8', 'loopback']);
  assert.equal(trust('true'), true, 'outside production, as before');
  assert.throws(
    () => trust('true', { NODE_ENV: 'production' }),
    (err: Error) => err instanceof ConfigError && /^CONG_TRUST_PROXY=true trusts every hop/.test(err.message) && /1 behind one nginx/.test(err.message),
  );
  for (const bad of ['nginx', '10.0.0.0/33', '300.1.1.1', '10.0.0.1/8/1', '11']) {
    assert.throws(() => trust(bad), (err: Error) => err instanceof ConfigError && err.message.startsWith('CONG_TRUST_PROXY'), bad);
  }
});

test('CONG_REQUEST_TIMEOUT_SECONDS (30) and CONG_MAX_CONNECTIONS (10000): whole numbers in range', () => {
  const c = loadConfig({}, '/');
  assert.equal(c.requestTimeoutSeconds, 30);
  assert.equal(c.maxConnections, 10_000);
  assert.equal(loadConfig({ CONG_REQUEST_TIMEOUT_SECONDS: '5', CONG_MAX_CONNECTIONS: '500' }, '/').requestTimeoutSeconds, 5);
  assert.throws(() => loadConfig({ CONG_REQUEST_TIMEOUT_SECONDS: '0' }, '/'), (err: Error) => err instanceof ConfigError && err.message === 'CONG_REQUEST_TIMEOUT_SECONDS must be an integer between 1 and 3600, got "0"');
  assert.throws(() => loadConfig({ CONG_MAX_CONNECTIONS: 'many' }, '/'), ConfigError);
});

test('CONG_SECRET_KEY: none by default (a key file is used), 32 bytes in base64, anything else refused', () => {
  assert.equal(loadConfig({}, '/').secretKey, null);
  const key = Buffer.alloc(32, 9);
  assert.deepEqual(loadConfig({ CONG_SECRET_KEY: key.toString('base64') }, '/').secretKey, key);
  for (const bad of ['ngan-qua', Buffer.alloc(16, 1).toString('base64'), `${key.toString('base64')}!`]) {
    assert.throws(() => loadConfig({ CONG_SECRET_KEY: bad }, '/'), (err: Error) => err instanceof ConfigError && /CONG_SECRET_KEY must be 32 random bytes in base64/.test(err.message), bad);
  }
});

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { ConfigError, loadConfig } from '../src/config.js';

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

import assert from 'node:assert/strict';
import { request } from 'node:http';
import { after, before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { features } from '../../src/features/index.js';
import { clientAddress, limitKeyOf, trustFunction } from '../../src/kernel/http/client-address.js';
import { CommentLimiter, MemoryCounter } from '../../src/kernel/citizen/limits.js';
import type { Feature } from '../../src/kernel/feature.js';
import { perMinute } from '../../src/kernel/http/limits.js';
import { buildTestApp, NAM_HONG_LINH } from '../helpers/app.js';
import { openTestDb, type TestDb } from '../helpers/db.js';

/**
 * The client address Fastify gives a route (`request.ip`) and the one the raw-hits server reads
 * for the same request (`clientAddress`, client-address.ts) must agree for every CONG_TRUST_PROXY.
 */
const probe: Feature = {
  key: 'probe',
  label: 'Probe',
  publicRoutes: async (app) => {
    app.get('/probe/ip', async (req) => ({ fastify: req.ip, raw: clientAddress(req.raw, trustFunction(app.cong.config.trustProxy)) }));
    app.get('/probe/limited', { config: { rateLimit: perMinute(2) } }, async () => 'ok');
  },
};

function get(port: number, path: string, headers: Record<string, string> = {}): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, headers: { host: NAM_HONG_LINH, ...headers } }, (res) => {
      let body = '';
      res.setEncoding('utf8').on('data', (c: string) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode!, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

const XFF = { 'x-forwarded-for': '198.51.100.7, 203.0.113.5' };

const CASES: [string, string][] = [
  ['false', '127.0.0.1'],
  ['1', '203.0.113.5'],
  ['2', '198.51.100.7'],
  ['10.0.0.0/8', '127.0.0.1'],
  ['127.0.0.1', '203.0.113.5'],
  ['127.0.0.1,203.0.113.0/24', '198.51.100.7'],
  ['loopback', '203.0.113.5'],
];

describe('CONG_TRUST_PROXY: the client address on a real socket, the same for Fastify and the raw path', () => {
  let db: TestDb;
  before(async () => {
    db = await openTestDb('sqlite');
  });
  after(async () => db.cleanup());

  for (const [setting, expected] of CASES) {
    test(`CONG_TRUST_PROXY=${setting}: X-Forwarded-For "${XFF['x-forwarded-for']}" from 127.0.0.1 is ${expected}`, async () => {
      const app: FastifyInstance = await buildTestApp(db, { env: { CONG_TRUST_PROXY: setting, NODE_ENV: 'production' }, features: [...features, probe] });
      try {
        await app.listen({ host: '127.0.0.1', port: 0 });
        const port = (app.server.address() as { port: number }).port;
        const res = JSON.parse((await get(port, '/probe/ip', XFF)).body) as { fastify: string; raw: string };
        assert.deepEqual(res, { fastify: expected, raw: expected });
        const alone = JSON.parse((await get(port, '/probe/ip')).body) as { fastify: string; raw: string };
        assert.deepEqual(alone, { fastify: '127.0.0.1', raw: '127.0.0.1' }, 'without the header, the socket');
      } finally {
        await app.close();
      }
    });
  }
});

describe('rate limits count an IPv6 client by its /64', () => {
  test('limitKeyOf: IPv4 whole, IPv4-mapped as IPv4, IPv6 by its first 64 bits whatever the spelling', () => {
    assert.equal(limitKeyOf('203.0.113.5'), '203.0.113.5');
    assert.equal(limitKeyOf('::ffff:203.0.113.5'), '203.0.113.5');
    assert.equal(limitKeyOf('2001:db8:1:2::1'), '2001:db8:1:2::/64');
    assert.equal(limitKeyOf('2001:0db8:0001:0002:ffff:ffff:ffff:ffff'), '2001:db8:1:2::/64');
    assert.equal(limitKeyOf('2001:DB8:1:2:a:b:c:d'), '2001:db8:1:2::/64');
    assert.equal(limitKeyOf('2001:db8::1'), '2001:db8:0:0::/64');
    assert.equal(limitKeyOf('::1'), '0:0:0:0::/64');
    assert.notEqual(limitKeyOf('2001:db8:1:3::1'), limitKeyOf('2001:db8:1:2::1'));
  });

  test('a route limit (@fastify/rate-limit): addresses of one /64 share the count, another /64 has its own', async () => {
    const db = await openTestDb('sqlite');
    const app = await buildTestApp(db, { features: [...features, probe] });
    try {
      const hit = (remoteAddress: string) => app.inject({ url: '/probe/limited', headers: { host: NAM_HONG_LINH }, remoteAddress });
      assert.equal((await hit('2001:db8:1:2::1')).statusCode, 200);
      assert.equal((await hit('2001:db8:1:2::2')).statusCode, 200);
      assert.equal((await hit('2001:db8:1:2:dead:beef:0:9')).statusCode, 429, 'a third address of the same /64 is over the limit');
      assert.equal((await hit('2001:db8:1:3::1')).statusCode, 200, 'the next /64 is another client');
      assert.equal((await hit('198.51.100.1')).statusCode, 200);
    } finally {
      await app.close();
      await db.cleanup();
    }
  });

  test('the citizen limits (comments): five addresses of one /64 use up its allowance', async () => {
    const limiter = new CommentLimiter(new MemoryCounter(), 'bí mật', { perIp: 5, perArticle: 100, perArticleFallback: 100, windowMs: 60_000 });
    for (let i = 1; i <= 5; i++) assert.equal(await limiter.takeAddress(`2001:db8:7:7::${i}`, 0), null);
    assert.match((await limiter.takeAddress('2001:db8:7:7:1:2:3:4', 0))!, /Bạn đã gửi nhiều bình luận/);
    assert.equal(await limiter.takeAddress('2001:db8:7:8::1', 0), null);
  });
});

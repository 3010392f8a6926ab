import assert from 'node:assert/strict';
import { connect, type Socket } from 'node:net';
import { after, before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { buildTestApp, NAM_HONG_LINH } from '../helpers/app.js';
import { openTestDb, type TestDb } from '../helpers/db.js';

/** Opens a socket and resolves with it once connected; collects what the server sends. */
function open(port: number): Promise<{ socket: Socket; received: () => string; closed: Promise<number> }> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    let data = '';
    const socket = connect(port, '127.0.0.1');
    const closed = new Promise<number>((r) => socket.on('close', () => r(Date.now() - started)));
    socket.setEncoding('utf8').on('data', (c: string) => (data += c));
    socket.on('error', () => undefined);
    socket.once('connect', () => resolve({ socket, received: () => data, closed }));
    socket.once('error', reject);
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('slow clients are cut (CONG_REQUEST_TIMEOUT_SECONDS, header timeout, connection cap)', () => {
  let db: TestDb;
  let app: FastifyInstance;
  let port: number;
  before(async () => {
    db = await openTestDb('sqlite');
    app = await buildTestApp(db, { env: { CONG_REQUEST_TIMEOUT_SECONDS: '2', CONG_MAX_CONNECTIONS: '20' } });
    await app.listen({ host: '127.0.0.1', port: 0 });
    port = (app.server.address() as { port: number }).port;
  });
  after(async () => {
    await app.close();
    await db.cleanup();
  });

  test('the server carries the timeouts and the cap', () => {
    assert.equal(app.server.requestTimeout, 2000);
    assert.equal(app.server.headersTimeout, 2000, 'never longer than the request timeout');
    assert.equal(app.server.keepAliveTimeout, 72_000);
    assert.equal(app.server.maxConnections, 20);
  });

  test('headers sent, then a body trickled a byte at a time: answered 408 and closed near the timeout', async (t) => {
    const c = await open(port);
    c.socket.write(`POST /binh-luan/1 HTTP/1.1\r\nHost: ${NAM_HONG_LINH}\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 1000\r\n\r\n`);
    let sent = 0;
    const trickle = setInterval(() => {
      if (!c.socket.destroyed && c.socket.writable) c.socket.write('a', () => undefined);
      sent++;
    }, 200);
    try {
      const ms = await Promise.race([c.closed, sleep(8000).then(() => -1)]);
      assert.notEqual(ms, -1, 'the connection was cut');
      assert.ok(ms >= 1900 && ms < 4500, `cut after ${ms} ms`);
      assert.ok(sent >= 5, 'the client was still sending');
      assert.match(c.received(), /^HTTP\/1\.1 408 /);
      t.diagnostic(`slow body cut after ${ms} ms (timeout 2000 ms), ${sent} bytes trickled`);
    } finally {
      clearInterval(trickle);
      c.socket.destroy();
    }
  });

  test('headers that never end are cut too', async (t) => {
    const c = await open(port);
    c.socket.write(`GET / HTTP/1.1\r\nHost: ${NAM_HONG_LINH}\r\n`);
    const trickle = setInterval(() => c.socket.writable && c.socket.write('X-Slow: 1\r\n', () => undefined), 300);
    try {
      const ms = await Promise.race([c.closed, sleep(8000).then(() => -1)]);
      assert.notEqual(ms, -1);
      assert.ok(ms < 4500, `cut after ${ms} ms`);
      t.diagnostic(`endless headers cut after ${ms} ms`);
    } finally {
      clearInterval(trickle);
      c.socket.destroy();
    }
  });

  test('a prompt request on the same server is answered as usual', async () => {
    const c = await open(port);
    c.socket.write(`GET /robots.txt HTTP/1.1\r\nHost: ${NAM_HONG_LINH}\r\nConnection: close\r\n\r\n`);
    await c.closed;
    assert.match(c.received(), /^HTTP\/1\.1 200 /);
  });

  test('connections above CONG_MAX_CONNECTIONS are closed at once', async () => {
    const held = await Promise.all(Array.from({ length: 20 }, () => open(port)));
    await sleep(100);
    const extra = await open(port);
    const ms = await Promise.race([extra.closed, sleep(1500).then(() => -1)]);
    assert.notEqual(ms, -1, 'the 21st connection was closed by the server');
    assert.equal(extra.received(), '');
    for (const h of held) h.socket.destroy();
  });
});

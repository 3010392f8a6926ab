import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { Redis } from 'ioredis';
import { buildApp } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { seedDemoIfEmpty } from '../../src/demo.js';
import { NAM_HONG_LINH, ROOT } from '../helpers/app.js';
import type { TestDb } from '../helpers/db.js';

/** Shared pieces of the visitor-statistics tests. */
export const REDIS_URL = process.env.TEST_REDIS_URL || 'redis://127.0.0.1:6379';
export const PHONE = 'Mozilla/5.0 (Linux; Android 10; SM-A105F) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Mobile Safari/537.36';
export const DESKTOP = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0 Safari/537.36';

/** A Redis key prefix of its own, so tests never see each other's (or a real install's) keys. */
export const testPrefix = () => `congtest:${randomBytes(6).toString('hex')}:`;

let reachable: Promise<string | null> | null = null;
/** Null when Redis answers, else why not (the Redis tests are skipped with that reason). */
export function redisMissing(): Promise<string | null> {
  reachable ??= (async () => {
    const r = new Redis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
    try {
      await r.connect();
      await r.ping();
      return null;
    } catch (err) {
      return `Redis not reachable at ${REDIS_URL}: ${(err as Error).message}`;
    } finally {
      r.disconnect();
    }
  })();
  return reachable.then((why) => {
    if (why && process.env.CONG_REQUIRE_REDIS === '1') throw new Error(`${why} (CONG_REQUIRE_REDIS=1: Redis tests must run)`);
    return why;
  });
}

/** Deletes every key under a test prefix. */
export async function dropPrefix(prefix: string): Promise<void> {
  const r = new Redis(REDIS_URL);
  const keys = await r.keys(`${prefix}*`);
  if (keys.length) await r.del(...keys);
  r.disconnect();
}

/** The application on a test database, optionally with Redis (its own prefix). */
export async function statsApp(db: TestDb, opts: { redisPrefix?: string; now?: () => Date; rateLimit?: number; env?: NodeJS.ProcessEnv } = {}): Promise<FastifyInstance> {
  await seedDemoIfEmpty(db, db.media);
  const config = {
    ...loadConfig({ CONG_DATA_DIR: db.dataDir, CONG_STATS_RATE_LIMIT: String(opts.rateLimit ?? 0), ...opts.env }, ROOT),
    databaseUrl: null,
    redisUrl: opts.redisPrefix ? REDIS_URL : null,
    redisPrefix: opts.redisPrefix ?? 'cong:',
  };
  const app = await buildApp({ config, database: db, now: opts.now, logger: false });
  await app.ready();
  return app;
}

export interface HitOptions {
  ip?: string;
  ua?: string;
  host?: string;
  article?: number | string;
  referrer?: string;
  headers?: Record<string, string>;
}

/** One page view reported by the page's script: like a browser, it names the page as its Referer. */
export function beacon(app: FastifyInstance, o: HitOptions = {}) {
  const host = o.host ?? NAM_HONG_LINH;
  return app.inject({
    method: 'POST',
    url: '/thong-ke/ghi',
    remoteAddress: o.ip ?? '203.113.0.1',
    headers: { host, 'user-agent': o.ua ?? PHONE, 'content-type': 'application/json', referer: `http://${host}/`, ...o.headers },
    payload: JSON.stringify({ a: o.article, r: o.referrer }),
  });
}

/** Visitor i of many: its own address (and one of two browsers). */
export const visitorIp = (i: number) => `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`;

import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';

/** The one validated configuration object. Nothing else in the program reads process.env. */
export interface Config {
  host: string;
  port: number;
  /** Directory for the embedded SQLite database and uploaded media. */
  dataDir: string;
  /** When set, PostgreSQL is used instead of the embedded SQLite database. */
  databaseUrl: string | null;
  /** Load the demo sites when the database has no site yet. */
  seedDemo: boolean;
  /** Directory holding the built client assets (CSS, JS) served under /assets. */
  assetsDir: string;
  /** Seconds a rendered public page stays in the in-process cache. */
  pageCacheSeconds: number;
  /** Memory the page cache of each process may hold, in MB (compressed copies; least recently used goes first). */
  pageCacheMb: number;
  logLevel: string;
  /** Log every request (off by default: nginx or the CDN keeps access logs). */
  accessLog: boolean;
  /** Trust X-Forwarded-* headers (behind nginx or a CDN). */
  trustProxy: boolean;
  /** When set, Redis is shared by the instances (visitor statistics, online-now). */
  redisUrl: string | null;
  /** Prefix of every Redis key, so that several installations can share one Redis. */
  redisPrefix: string;
  /** Milliseconds between two writes of the visit counters to the database. */
  statsFlushMs: number;
  /** Visit beacons accepted per minute from one IP address (0: no limit). */
  statsRateLimit: number;
  /** Worker processes (node:cluster); 1 serves from this process, without a primary. */
  workers: number;
  /** Port of the Prometheus metrics endpoint (its own listener, never the public port); null: off. */
  metricsPort: number | null;
  /** Address the metrics endpoint listens on (loopback unless a scraper elsewhere needs it). */
  metricsHost: string;
}

export class ConfigError extends Error {}

function int(name: string, raw: string | undefined, fallback: number, min: number, max: number): number {
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) {
    throw new ConfigError(`${name} must be an integer between ${min} and ${max}, got "${raw}"`);
  }
  return n;
}

function bool(name: string, raw: string | undefined, fallback: boolean): boolean {
  if (raw === undefined || raw === '') return fallback;
  if (['1', 'true', 'yes', 'on'].includes(raw.toLowerCase())) return true;
  if (['0', 'false', 'no', 'off'].includes(raw.toLowerCase())) return false;
  throw new ConfigError(`${name} must be true or false, got "${raw}"`);
}

/** CONG_WORKERS: a count, or "auto" for one worker per CPU. */
function workers(raw: string | undefined, cpus: number): number {
  const value = raw?.trim().toLowerCase();
  if (value === undefined || value === '') return 1;
  if (value === 'auto') return Math.max(1, cpus);
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 256) throw new ConfigError(`CONG_WORKERS must be "auto" or an integer between 1 and 256, got "${raw}"`);
  return n;
}

/** CONG_METRICS_PORT: off when unset; never the public port (metrics are for the operator only). */
function metricsPort(raw: string | undefined, publicPort: string | undefined): number | null {
  if (raw === undefined || raw.trim() === '') return null;
  const port = int('CONG_METRICS_PORT', raw.trim(), 0, 1, 65535);
  if (port === int('PORT', publicPort, 3000, 0, 65535)) throw new ConfigError(`CONG_METRICS_PORT must differ from PORT (${port}): metrics are never served on the public port`);
  return port;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd(), cpus = availableParallelism()): Config {
  const databaseUrl = env.DATABASE_URL?.trim() || null;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new ConfigError('DATABASE_URL must be a postgres:// URL');
  }
  const redisUrl = env.REDIS_URL?.trim() || null;
  if (redisUrl && !/^rediss?:\/\//.test(redisUrl)) {
    throw new ConfigError('REDIS_URL must be a redis:// or rediss:// URL');
  }
  return {
    host: env.HOST || '0.0.0.0',
    port: int('PORT', env.PORT, 3000, 0, 65535),
    dataDir: resolve(cwd, env.CONG_DATA_DIR || 'data'),
    databaseUrl,
    seedDemo: bool('CONG_DEMO', env.CONG_DEMO, true),
    assetsDir: resolve(cwd, env.CONG_ASSETS_DIR || 'build/assets'),
    pageCacheSeconds: int('CONG_PAGE_CACHE_SECONDS', env.CONG_PAGE_CACHE_SECONDS, 60, 0, 86400),
    pageCacheMb: int('CONG_PAGE_CACHE_MB', env.CONG_PAGE_CACHE_MB, 24, 1, 4096),
    logLevel: env.LOG_LEVEL || 'info',
    accessLog: bool('CONG_ACCESS_LOG', env.CONG_ACCESS_LOG, false),
    trustProxy: bool('CONG_TRUST_PROXY', env.CONG_TRUST_PROXY, false),
    redisUrl,
    redisPrefix: env.CONG_REDIS_PREFIX || 'cong:',
    // At most a second of hits may be lost to a crash: flush well within it.
    statsFlushMs: int('CONG_STATS_FLUSH_MS', env.CONG_STATS_FLUSH_MS, 500, 50, 1000),
    statsRateLimit: int('CONG_STATS_RATE_LIMIT', env.CONG_STATS_RATE_LIMIT, 600, 0, 1_000_000),
    workers: workers(env.CONG_WORKERS, cpus),
    metricsPort: metricsPort(env.CONG_METRICS_PORT, env.PORT),
    metricsHost: env.CONG_METRICS_HOST?.trim() || '127.0.0.1',
  };
}

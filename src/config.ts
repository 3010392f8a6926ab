import { isIP } from 'node:net';
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';

/** The one validated configuration object. Nothing else in the program reads process.env. */
export interface Config {
  /** NODE_ENV=production: only configured hosts are served, sites default to https, no demo content unless asked. */
  production: boolean;
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
  /**
   * Which peers may set X-Forwarded-For/-Proto (behind nginx or a CDN): none (false), the nearest
   * N hops, or the listed addresses/CIDRs. `true` (every hop) only outside production.
   */
  trustProxy: TrustProxy;
  /** Seconds a request may take to arrive, headers and body (a slow client is cut then). */
  requestTimeoutSeconds: number;
  /** Open connections one process accepts; more are refused at once. */
  maxConnections: number;
  /**
   * Longest a statement of the serving connections may run on PostgreSQL, in ms (0: no limit): a
   * runaway query is cancelled instead of holding a pooled connection and a request for minutes.
   * Migrations, the demo seeding and the CLI use connections without it.
   */
  pgStatementTimeoutMs: number;
  /** When set, Redis is shared by the instances (visitor statistics, online-now). */
  redisUrl: string | null;
  /** Prefix of every Redis key, so that several installations can share one Redis. */
  redisPrefix: string;
  /** Milliseconds between two writes of the visit counters to the database. */
  statsFlushMs: number;
  /** Visit beacons accepted per minute from one IP address (0: no limit). */
  statsRateLimit: number;
  /** Days the visitor statistics keep the counts of referring domains. */
  statsReferrerRetentionDays: number;
  /** Worker processes (node:cluster); 1 serves from this process, without a primary. */
  workers: number;
  /** Port of the Prometheus metrics endpoint (its own listener, never the public port); null: off. */
  metricsPort: number | null;
  /** Address the metrics endpoint listens on (loopback unless a scraper elsewhere needs it). */
  metricsHost: string;
  /** Where uploaded media and document files are kept: <dataDir>/media, or an S3-compatible bucket. */
  media: MediaStorageConfig;
  /** Folder of the DejaVu Sans fonts embedded in saved articles (Debian's fonts-dejavu-core by default). */
  pdfFontDir: string;
  /**
   * CONG_SECRET_KEY: the 32-byte key (base64) that encrypts secrets stored in the database (TOTP
   * secrets). Null: a key file generated in the data directory is used (src/kernel/lib/secret-key.ts).
   * Several hosts sharing one database must all be given the same key here.
   */
  secretKey: Buffer | null;
}

export type MediaStorageConfig =
  | { kind: 'local'; dir: string }
  | { kind: 's3'; endpoint: string; bucket: string; region: string; accessKeyId: string; secretAccessKey: string; forcePathStyle: boolean };
export type TrustProxy = boolean | number | string[];

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

function secretKey(raw: string | undefined): Buffer | null {
  const text = raw?.trim();
  if (!text) return null;
  const key = Buffer.from(text, 'base64');
  if (key.length !== 32 || !/^[A-Za-z0-9+/]+={0,2}$/.test(text)) {
    throw new ConfigError('CONG_SECRET_KEY must be 32 random bytes in base64 (e.g. the output of `openssl rand -base64 32`)');
  }
  return key;
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

const S3_VARIABLES = ['CONG_S3_ENDPOINT', 'CONG_S3_BUCKET', 'CONG_S3_REGION', 'CONG_S3_ACCESS_KEY_ID', 'CONG_S3_SECRET_ACCESS_KEY'] as const;

/** The media directory by default; a bucket when the CONG_S3_* variables are set (all of them, or none). */
function mediaStorage(env: NodeJS.ProcessEnv, dataDir: string): MediaStorageConfig {
  const value = (name: string) => env[name]?.trim() ?? '';
  const given = [...S3_VARIABLES, 'CONG_S3_FORCE_PATH_STYLE'].filter((name) => value(name) !== '');
  if (given.length === 0) return { kind: 'local', dir: resolve(dataDir, 'media') };
  const absent = S3_VARIABLES.filter((name) => value(name) === '');
  if (absent.length) throw new ConfigError(`S3 media storage needs all of ${S3_VARIABLES.join(', ')}; missing: ${absent.join(', ')}`);
  const endpoint = value('CONG_S3_ENDPOINT');
  if (!/^https?:\/\/[^/\s]+/.test(endpoint)) throw new ConfigError(`CONG_S3_ENDPOINT must be an http:// or https:// URL, got "${endpoint}"`);
  const bucket = value('CONG_S3_BUCKET');
  // The naming rules S3 and its compatibles share (3-63 characters, lowercase, digits, dots, hyphens).
  if (!/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(bucket)) throw new ConfigError(`CONG_S3_BUCKET must be a bucket name (3-63 lowercase letters, digits, dots or hyphens), got "${bucket}"`);
  return {
    kind: 's3',
    endpoint,
    bucket,
    region: value('CONG_S3_REGION'),
    accessKeyId: value('CONG_S3_ACCESS_KEY_ID'),
    secretAccessKey: value('CONG_S3_SECRET_ACCESS_KEY'),
    forcePathStyle: bool('CONG_S3_FORCE_PATH_STYLE', env.CONG_S3_FORCE_PATH_STYLE, false),
  };
}

/** Named ranges proxy-addr knows, besides addresses and CIDRs. */
const PROXY_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);

/**
 * CONG_TRUST_PROXY: false, a hop count, or addresses/CIDRs separated by commas. "true" would let any
 * client choose its own address through X-Forwarded-For (every limit, vote and login throttle), so
 * production refuses it.
 */
function trustProxy(raw: string | undefined, production: boolean): TrustProxy {
  const value = raw?.trim().toLowerCase() ?? '';
  if (['', 'false', 'no', 'off', '0'].includes(value)) return false;
  if (['true', 'yes', 'on'].includes(value)) {
    if (production) {
      throw new ConfigError(`CONG_TRUST_PROXY=${raw} trusts every hop, so any client could set its own address; in production give the number of proxies in front (1 behind one nginx) or their addresses, e.g. "127.0.0.1,10.0.0.0/8"`);
    }
    return true;
  }
  if (/^\d+$/.test(value)) {
    const n = Number(value);
    if (n > 10) throw new ConfigError(`CONG_TRUST_PROXY must be false, a hop count between 1 and 10, or addresses/CIDRs separated by commas, got "${raw}"`);
    return n;
  }
  const list = value.split(',').map((v) => v.trim()).filter(Boolean);
  for (const item of list) {
    const [addr, bits, extra] = item.split('/');
    const family = isIP(addr ?? '');
    const okBits = bits === undefined || (/^\d+$/.test(bits) && Number(bits) <= (family === 6 ? 128 : 32));
    if (!(PROXY_NAMES.has(item) || (family && okBits && extra === undefined))) {
      throw new ConfigError(`CONG_TRUST_PROXY: "${item}" is not an IP address or CIDR (give false, a hop count, or addresses/CIDRs separated by commas)`);
    }
  }
  return list;
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
  const dataDir = resolve(cwd, env.CONG_DATA_DIR || 'data');
  const production = env.NODE_ENV === 'production';
  return {
    production,
    host: env.HOST || '0.0.0.0',
    port: int('PORT', env.PORT, 3000, 0, 65535),
    dataDir,
    databaseUrl,
    // A production install starts empty unless the operator asks for the demo sites.
    seedDemo: bool('CONG_DEMO', env.CONG_DEMO, !production),
    assetsDir: resolve(cwd, env.CONG_ASSETS_DIR || 'build/assets'),
    pageCacheSeconds: int('CONG_PAGE_CACHE_SECONDS', env.CONG_PAGE_CACHE_SECONDS, 60, 0, 86400),
    pageCacheMb: int('CONG_PAGE_CACHE_MB', env.CONG_PAGE_CACHE_MB, 24, 1, 4096),
    logLevel: env.LOG_LEVEL || 'info',
    accessLog: bool('CONG_ACCESS_LOG', env.CONG_ACCESS_LOG, false),
    trustProxy: trustProxy(env.CONG_TRUST_PROXY, production),
    requestTimeoutSeconds: int('CONG_REQUEST_TIMEOUT_SECONDS', env.CONG_REQUEST_TIMEOUT_SECONDS, 30, 1, 3600),
    maxConnections: int('CONG_MAX_CONNECTIONS', env.CONG_MAX_CONNECTIONS, 10_000, 1, 1_000_000),
    pgStatementTimeoutMs: int('CONG_PG_STATEMENT_TIMEOUT_MS', env.CONG_PG_STATEMENT_TIMEOUT_MS, 5000, 0, 3_600_000),
    redisUrl,
    redisPrefix: env.CONG_REDIS_PREFIX || 'cong:',
    // At most a second of hits may be lost to a crash: flush well within it.
    statsFlushMs: int('CONG_STATS_FLUSH_MS', env.CONG_STATS_FLUSH_MS, 500, 50, 1000),
    statsRateLimit: int('CONG_STATS_RATE_LIMIT', env.CONG_STATS_RATE_LIMIT, 600, 0, 1_000_000),
    statsReferrerRetentionDays: int('CONG_STATS_REFERRER_RETENTION_DAYS', env.CONG_STATS_REFERRER_RETENTION_DAYS, 400, 1, 36_500),
    workers: workers(env.CONG_WORKERS, cpus),
    metricsPort: metricsPort(env.CONG_METRICS_PORT, env.PORT),
    metricsHost: env.CONG_METRICS_HOST?.trim() || '127.0.0.1',
    media: mediaStorage(env, dataDir),
    pdfFontDir: resolve(cwd, env.CONG_PDF_FONT_DIR?.trim() || '/usr/share/fonts/truetype/dejavu'),
    secretKey: secretKey(env.CONG_SECRET_KEY),
  };
}

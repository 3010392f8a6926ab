import assert from 'node:assert/strict';
import { resolve } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { seedDemoIfEmpty } from '../../src/demo.js';
import type { Feature } from '../../src/kernel/feature.js';
import { openMediaStorage } from '../../src/kernel/storage/open.js';
import type { TestDb } from './db.js';

export const ROOT = resolve(import.meta.dirname, '..', '..');

/**
 * The real application on a test database, with the demo content loaded. `env` adds variables
 * (CONG_S3_* puts the media in a bucket; the demo's files then go there too).
 */
export async function buildTestApp(
  db: TestDb,
  opts: { now?: () => Date; seed?: boolean; cacheSeconds?: number; features?: readonly Feature[]; env?: NodeJS.ProcessEnv } = {},
): Promise<FastifyInstance> {
  const config = {
    ...loadConfig({ CONG_DATA_DIR: db.dataDir, CONG_PAGE_CACHE_SECONDS: String(opts.cacheSeconds ?? 60), ...opts.env }, ROOT),
    databaseUrl: null,
  };
  if (opts.seed !== false) {
    const media = await openMediaStorage(config.media);
    await seedDemoIfEmpty(db, media).finally(() => media.close());
  }
  const app = await buildApp({ config, database: db, now: opts.now, logger: false, features: opts.features });
  await app.ready();
  return app;
}

const LOC = /<loc>([^<]+)<\/loc>/g;

/** Every address a site's sitemap lists (through its index, when it has one), as path and query. */
export async function sitemapPaths(app: FastifyInstance, host: string): Promise<string[]> {
  const body = async (url: string) => {
    const res = await app.inject({ url, headers: { host } });
    assert.ok(res.statusCode < 400, `${url}: ${res.statusCode}`);
    return res.body;
  };
  const paths = (xml: string) => [...xml.matchAll(LOC)].map((m) => {
    const u = new URL(m[1]!.replace(/&amp;/g, '&'));
    return u.pathname + u.search;
  });
  const index = await body('/sitemap.xml');
  if (!index.includes('<sitemapindex')) return paths(index);
  const all: string[] = [];
  for (const sitemap of paths(index)) all.push(...paths(await body(sitemap)));
  return all;
}

/** One address of each kind (its first segment and its depth), the first listed of each. */
export function onePathPerKind(paths: string[]): string[] {
  const kinds = new Map<string, string>();
  for (const path of paths) {
    const segments = new URL(path, 'http://x').pathname.split('/');
    const kind = `${segments[1]}/${segments.length}`;
    if (!kinds.has(kind)) kinds.set(kind, path);
  }
  return [...kinds.values()];
}

export const NAM_HONG_LINH = 'namhonglinh.localhost';
export const BAC_HONG_LINH = 'bachonglinh.localhost';
/** The former town portal, archived since the 2025 reorganisation; its wards are its successors. */
export const THI_XA_HONG_LINH = 'honglinh.localhost';

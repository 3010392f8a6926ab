import { resolve } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { seedDemoIfEmpty } from '../../src/demo.js';
import type { Feature } from '../../src/kernel/feature.js';
import type { TestDb } from './db.js';

export const ROOT = resolve(import.meta.dirname, '..', '..');

/** The real application on a test database, with the demo content loaded. */
export async function buildTestApp(db: TestDb, opts: { now?: () => Date; seed?: boolean; cacheSeconds?: number; features?: readonly Feature[]; env?: NodeJS.ProcessEnv } = {}): Promise<FastifyInstance> {
  if (opts.seed !== false) await seedDemoIfEmpty(db, db.dataDir);
  const config = {
    ...loadConfig({ CONG_DATA_DIR: db.dataDir, CONG_PAGE_CACHE_SECONDS: String(opts.cacheSeconds ?? 60), ...opts.env }, ROOT),
    databaseUrl: null,
  };
  const app = await buildApp({ config, database: db, now: opts.now, logger: false, features: opts.features });
  await app.ready();
  return app;
}

export const HONG_LINH = 'honglinh.localhost';
export const NAM_HONG_LINH = 'namhonglinh.localhost';

import type { FastifyInstance } from 'fastify';
import type { Job } from '../../kernel/jobs.js';
import { HOUSEKEEPING_LEASE, HOUSEKEEPING_MS, houseKeep } from './housekeeping.js';

/**
 * The jobs of the visitor statistics, once the statistics routes have made `app.stats`:
 * - the flush, every CONG_STATS_FLUSH_MS on every instance (with Redis, the flush lock lets one
 *   of them write at a time), and once more when the application closes, so that a graceful
 *   stop writes every hit counted;
 * - the housekeeping (salts, old visitor hashes, old referrer counts), every minute on the instance holding the lease.
 */
export function statsJobs(app: FastifyInstance): Job[] {
  const { db, config } = app.cong;
  const counter = app.stats;
  return [
    {
      name: 'stats-flush',
      intervalMs: config.statsFlushMs,
      leased: false,
      finalRun: true,
      run: (_now, final) => (final ? counter.finalFlush() : counter.flushRound()),
    },
    { name: HOUSEKEEPING_LEASE, intervalMs: HOUSEKEEPING_MS, leased: true, run: (now) => houseKeep(db, now, config.statsReferrerRetentionDays) },
  ];
}

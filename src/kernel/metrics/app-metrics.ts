import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { PageCache } from '../http/page-cache.js';

/** Seconds: from a cached page's fraction of a millisecond to a slow render. */
const LATENCY_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
const FAST_BUCKETS = [0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1];

/**
 * The Prometheus metrics of one application (prom-client, one registry per app so that tests can
 * build several). The kernel reports through the methods below; features report through
 * `app.cong.metrics` (page views, the statistics flush), so the kernel never imports a feature.
 *
 * The hot path stays cheap: what happens on every cached page (raw hits, the cache's sizes) is
 * counted with plain integers elsewhere and read here at scrape time (`collect`); histograms are
 * only observed on requests that reach Fastify, renders, compressions and database queries.
 */
export class AppMetrics {
  readonly registry = new Registry();
  /** Redis connection errors (counted by the context on the clients' "error" events, and by features). */
  redisErrors = 0;
  dbErrors = 0;
  private readonly requests: Counter<'method' | 'route' | 'status'>;
  /** Requests per method, route and status, as integers: a Map lookup per request, labels made at scrape time. */
  private readonly tallies = new Map<string, { labels: { method: string; route: string; status: string }; count: number }>();
  private readonly latency: Histogram<'route'>;
  private readonly renders: Histogram;
  private readonly compressions: Histogram<'level'>;
  private readonly queries: Histogram;
  private readonly jobRuns: Counter<'job'>;
  private readonly jobFailures: Counter<'job'>;
  private readonly pageViews: Counter<'site'>;
  private readonly unready: Counter<'part'>;
  private flushedAt: (() => number) | null = null;
  private lostPageViews: (() => number) | null = null;
  private pageCache: PageCache | null = null;

  /** `processMetrics`: also the process's CPU, memory, event-loop delay and GC (only when something scrapes them). */
  constructor(processMetrics: boolean, now: () => number = Date.now) {
    const registers = [this.registry];
    if (processMetrics) collectDefaultMetrics({ register: this.registry });
    const tallies = this.tallies;
    this.requests = new Counter({
      name: 'cong_http_requests_total',
      help: 'Requests answered through Fastify, by method, route pattern and status (cached pages answered before Fastify: cong_page_cache_raw_hits_total).',
      labelNames: ['method', 'route', 'status'],
      registers,
      collect() {
        this.reset();
        for (const t of tallies.values()) this.inc(t.labels, t.count);
      },
    });
    this.latency = new Histogram({ name: 'cong_http_request_duration_seconds', help: 'Time to answer a request through Fastify, by route pattern.', labelNames: ['route'], buckets: LATENCY_BUCKETS, registers });
    this.renders = new Histogram({ name: 'cong_render_duration_seconds', help: 'Time to render a public page on a page-cache miss.', buckets: LATENCY_BUCKETS, registers });
    this.compressions = new Histogram({ name: 'cong_compression_duration_seconds', help: 'Time to compress a cached page: fast on a miss, best in the background for popular pages.', labelNames: ['level'], buckets: FAST_BUCKETS, registers });
    this.queries = new Histogram({ name: 'cong_db_query_duration_seconds', help: 'Time of each database query.', buckets: FAST_BUCKETS, registers });
    this.jobRuns = new Counter({ name: 'cong_job_runs_total', help: 'Rounds of background jobs run by this process.', labelNames: ['job'], registers });
    this.jobFailures = new Counter({ name: 'cong_job_failures_total', help: 'Rounds of background jobs that failed.', labelNames: ['job'], registers });
    this.pageViews = new Counter({ name: 'cong_page_views_total', help: 'Page views counted by the visitor statistics, by site code.', labelNames: ['site'], registers });

    this.unready = new Counter({ name: 'cong_readiness_failures_total', help: 'Readiness checks (/readyz) that found a part failing, by part (database, migrations, redis).', labelNames: ['part'], registers });

    const self = this;
    const cache = () => self.pageCache;
    // Totals kept as integers elsewhere, turned into counters when scraped.
    const total = (name: string, help: string, read: () => number) => {
      let seen = 0;
      new Counter({
        name, help, registers,
        collect() {
          const v = read();
          if (v > seen) this.inc(v - seen);
          seen = v;
        },
      });
    };
    total('cong_page_cache_hits_total', 'Requests answered from the page cache (including those answered before Fastify).', () => {
      const c = cache()?.counters;
      return c ? c.hits + c.rawHits : 0;
    });
    total('cong_page_cache_raw_hits_total', 'Cached pages answered by the HTTP server before Fastify.', () => cache()?.counters.rawHits ?? 0);
    total('cong_page_cache_misses_total', 'Pages rendered because the page cache had no fresh copy.', () => cache()?.counters.renders ?? 0);
    total('cong_redis_errors_total', 'Errors of the Redis connections.', () => self.redisErrors);
    total('cong_db_errors_total', 'Database queries that failed.', () => self.dbErrors);
    total('cong_stats_page_views_lost_total', 'Page views not counted because Redis was out of reach (they are not replayed later).', () => self.lostPageViews?.() ?? 0);
    new Gauge({ name: 'cong_page_cache_bytes', help: 'Memory held by the page cache.', registers, collect() { this.set(cache()?.bytes ?? 0); } });
    new Gauge({ name: 'cong_page_cache_entries', help: 'Entries in the page cache.', registers, collect() { this.set(cache()?.size ?? 0); } });
    new Gauge({
      name: 'cong_stats_flush_lag_seconds',
      help: 'Seconds since the visit counts were last written to the database (the worst process, when several serve).',
      registers,
      aggregator: 'max',
      collect() {
        if (self.flushedAt) this.set(Math.max(0, (now() - self.flushedAt()) / 1000));
      },
    });
  }

  /** The page cache whose counters and sizes are read when scraped. */
  watchPageCache(cache: PageCache): void {
    this.pageCache = cache;
  }

  /** A request answered through Fastify (route: the pattern, never the raw URL). */
  request(method: string, route: string, status: number, seconds: number): void {
    const key = `${status} ${method} ${route}`;
    const tally = this.tallies.get(key);
    if (tally) tally.count++;
    else this.tallies.set(key, { labels: { method, route, status: String(status) }, count: 1 });
    this.latency.observe({ route }, seconds);
  }

  render(seconds: number): void {
    this.renders.observe(seconds);
  }

  compression(level: 'fast' | 'best', seconds: number): void {
    this.compressions.observe({ level }, seconds);
  }

  query(seconds: number, failed: boolean): void {
    this.queries.observe(seconds);
    if (failed) this.dbErrors++;
  }

  job(name: string, ok: boolean): void {
    this.jobRuns.inc({ job: name });
    if (!ok) this.jobFailures.inc({ job: name });
  }

  /** A page view counted for the site with this code (a bounded label: one per site). */
  pageView(siteCode: string): void {
    this.pageViews.inc({ site: siteCode });
  }

  readinessFailure(part: string): void {
    this.unready.inc({ part });
  }

  /** Where the statistics say when their counts were last written (epoch ms); read when scraped. */
  watchStatsFlush(lastFlushedAt: () => number): void {
    this.flushedAt = lastFlushedAt;
  }

  /** Where the statistics count the page views they could not record (Redis down); read when scraped. */
  watchLostPageViews(lost: () => number): void {
    this.lostPageViews = lost;
  }

  /** The Prometheus text. */
  scrape(): Promise<string> {
    return this.registry.metrics();
  }
}

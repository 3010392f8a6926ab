import type { Db, Dialect } from '../../kernel/db/connection.js';
import { liveDays } from '../../kernel/lib/calendar.js';
import { toLiveNumbers, type Hit } from './fields.js';
import { Flusher, type FlushRounds } from './flusher.js';
import { houseKeep } from './housekeeping.js';
import { SaltBook, visitorHash } from '../../kernel/citizen/identity.js';
import { loadMemoryStore } from './memory-store.js';
import { readBase } from './mirror.js';
import { RedisStore } from './redis-store.js';
import { presentCounters, SettingsCache, type PublicCounters } from './settings.js';
import type { DeviceClass } from '../../kernel/db/tables/stats.js';
import type { LiveRead, LiveStore, StatsStore } from './store.js';
import { RemoteStats } from './remote-stats.js';
import type { PrimaryLink } from '../../kernel/cluster/link.js';
import type { RedisClients } from '../../kernel/redis.js';
import { isRedisOutage } from '../../kernel/http/outage.js';

export interface VisitCounterOptions {
  db: Db;
  dialect: Dialect;
  now: () => Date;
  /** The process's Redis connections (counting shared by every instance), or null (in memory). */
  redis: RedisClients | null;
  /** Without Redis, in a worker of several: the primary holds the counts and writes them. */
  primary: PrimaryLink | null;
  flushMs: number;
  /** Most visitors a site's online window holds (memory stays bounded under any load). */
  windowCap: number;
  onError: (err: unknown) => void;
  /** Where the start and the end of a Redis outage are told (a warning in the log). */
  onNotice?: (message: string) => void;
  /** Days the referring-domain counts are kept (housekeeping.ts has the default). */
  referrerRetentionDays?: number;
}

/** One page view as the beacon reports it; the IP and user agent are only hashed. */
export interface PageView {
  siteId: number;
  ip: string;
  ua: string;
  device: DeviceClass;
  articleId: number | null;
  referrer: string | null;
}

/**
 * The visit counter of the whole process: counts page views into the store (memory or Redis),
 * answers the live numbers, and flushes them to the database (the jobs of jobs.ts call it).
 */
export class VisitCounter {
  private readonly salts: SaltBook;
  private readonly settings: SettingsCache;
  private readonly flusher: FlushRounds;
  private readonly fallback = new Map<number, { at: number; values: Promise<number[]> }>();
  /**
   * Page views not counted because Redis was out of reach, since the process started. We count
   * the loss rather than buffer the hits here: replayed later, they would be judged against
   * online windows that moved on meanwhile (a visitor counted twice, or a visit split in two).
   */
  lostHits = 0;
  private lostAtOutageStart: number | null = null;

  private constructor(private readonly o: VisitCounterOptions, readonly store: LiveStore, flusher?: FlushRounds) {
    this.salts = new SaltBook(o.db);
    this.settings = new SettingsCache(o.db);
    // The flush rounds fail every interval while Redis is down: told once, not twice a second.
    const onFlushError = (err: unknown) => (isRedisOutage(err, o.redis) ? this.outageBegins() : o.onError(err));
    this.flusher = flusher ?? new Flusher(o.db, o.dialect, store as StatsStore, o.now, onFlushError, o.flushMs);
  }

  static async create(o: VisitCounterOptions): Promise<VisitCounter> {
    if (!o.redis && o.primary) {
      const remote = new RemoteStats(o.primary);
      return new VisitCounter(o, remote, remote);
    }
    if (o.redis) {
      const counter = new VisitCounter(o, new RedisStore(o.redis.client, o.redis.prefix, o.windowCap));
      // Finish a batch a crashed instance left and load the database mirror before serving.
      await counter.flush().catch(o.onError);
      return counter;
    }
    return new VisitCounter(o, await loadMemoryStore(o.db, o.now, o.windowCap));
  }

  /** Counts a page view; answers the site's counters including it. */
  async count(v: PageView): Promise<PublicCounters> {
    const at = this.o.now().getTime();
    const days = liveDays(at);
    const salts = await this.salts.saltsAt(at);
    const hit: Hit = {
      siteId: v.siteId,
      visitor: visitorHash(salts.current, v.siteId, v.ip, v.ua),
      previous: salts.previous === null ? null : visitorHash(salts.previous, v.siteId, v.ip, v.ua),
      at,
      day: days.today,
      month: days.month,
      articleId: v.articleId,
      referrer: v.referrer,
      device: v.device,
    };
    const [read, settings] = await Promise.all([this.live(this.store.record(hit, days), true), this.settings.get(v.siteId, at)]);
    const out = presentCounters(await this.complete(v.siteId, read, days), read.online, settings);
    if (v.articleId !== null && settings.showArticleViews) out.views = await this.articleViews(v.siteId, v.articleId);
    return out;
  }

  /** The site's counters without counting anything. */
  async read(siteId: number): Promise<PublicCounters> {
    const at = this.o.now().getTime();
    const days = liveDays(at);
    const [read, settings] = await Promise.all([this.live(this.store.read(siteId, days, at), false), this.settings.get(siteId, at)]);
    return presentCounters(await this.complete(siteId, read, days), read.online, settings);
  }

  /**
   * The store's answer; while Redis is out of reach, none (the numbers last written to the
   * database are shown, online-now as 0) and a hit being recorded is counted as lost.
   */
  private async live(answer: Promise<LiveRead>, hit: boolean): Promise<LiveRead> {
    try {
      const read = await answer;
      if (this.lostAtOutageStart !== null) this.outageEnds();
      return read;
    } catch (err) {
      if (!isRedisOutage(err, this.o.redis)) throw err;
      if (hit) this.lostHits++;
      this.outageBegins();
      return { values: null, online: 0 };
    }
  }

  private outageBegins(): void {
    if (this.lostAtOutageStart !== null) return;
    this.lostAtOutageStart = this.lostHits;
    this.notice('Redis is out of reach: page views are not counted until it returns (the pages show the last written numbers).');
  }

  private outageEnds(): void {
    const lost = this.lostHits - (this.lostAtOutageStart ?? this.lostHits);
    this.lostAtOutageStart = null;
    this.notice(`Redis is back: ${lost} page views were not counted during the outage (${this.lostHits} since start).`);
  }

  private notice(message: string): void {
    (this.o.onNotice ?? ((m: string) => this.o.onError(new Error(m))))(message);
  }

  /**
   * Until a site's base is loaded (a site created a moment ago, a Redis emptied), the database
   * values, read at most once a second per site however many hits arrive meanwhile.
   */
  private async complete(siteId: number, read: LiveRead, days: ReturnType<typeof liveDays>) {
    if (read.values) return toLiveNumbers(read.values);
    const now = Date.now();
    let hit = this.fallback.get(siteId);
    if (!hit || now - hit.at > 1000) {
      const values = readBase(this.o.db, [siteId], days).then((b) => [...(b.get(siteId)?.values() ?? [])]);
      this.fallback.set(siteId, (hit = { at: now, values }));
      values.catch(() => this.fallback.delete(siteId));
    }
    return toLiveNumbers(await hit.values);
  }

  /** Views of an article as last flushed (at most a second behind). */
  async articleViews(siteId: number, articleId: number): Promise<number> {
    const row = await this.o.db.selectFrom('stats_article_totals').select('views').where('site_id', '=', siteId).where('article_id', '=', articleId).executeTakeFirst();
    return Number(row?.views ?? 0);
  }

  /** Counter settings or base changed: the next answers use them. */
  settingsChanged(siteId: number): void {
    this.settings.invalidate(siteId);
  }

  /** Writes everything pending now (tests; the flush job does it every flush interval). */
  flush(): Promise<void> {
    return this.flusher.drain();
  }

  /** The housekeeping now, without the lease (tests; the housekeeping job does it every minute). */
  houseKeep(): Promise<void> {
    return houseKeep(this.o.db, this.o.now(), this.o.referrerRetentionDays);
  }

  /** When the counts were last written to the database (epoch ms): the flush lag metric. */
  lastFlushedAt(): number {
    return this.flusher.lastFlushedAt();
  }

  /** One round of the flush job; errors go to `onError`, the batch is kept for the next round. */
  flushRound(): Promise<void> {
    return this.flusher.tick();
  }

  /** The last flush, on shutdown: everything pending is written, the flush lock released. */
  finalFlush(): Promise<void> {
    return this.flusher.close();
  }
}

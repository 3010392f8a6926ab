import { makeBest, makeEntry, type CacheEntry, type Encoding, type Rendered } from './cache-entry.js';
import { localPurgeBus, type PurgeBus, type PurgeMessage } from './purge-bus.js';

export type { CacheEntry, Rendered } from './cache-entry.js';

/**
 * Public responses are the same for every visitor, so they are rendered once and kept in memory,
 * keyed by site and path (cache-entry.ts: how they are compressed). Entries expire after
 * the page TTL (so server-rendered counters are at most that old) and are purged by the writes
 * that change them. Every purge is published on the purge bus, and the other instances' purges
 * received from it are done here too.
 *
 * Memory is bounded by bytes and entries, and the least recently used entry goes first. Answers to
 * stray addresses — a wrong slug answered with a 301, an unknown path answered with the site's
 * 404 page (one per variant a crawler or a script invents) — have a small budget of their own, so
 * they never push pages out.
 */
class LruBucket {
  readonly entries = new Map<string, CacheEntry>();
  bytes = 0;
  /** Moves to the newest end so far: how far back an entry's `movedAt` lies in the order. */
  private moves = 0;

  constructor(
    readonly maxEntries: number,
    readonly maxBytes: number,
  ) {}

  /**
   * The entry, now the most recently used. Map keeps insertion order: re-inserting makes the key
   * the newest, the first key the oldest. An entry already among the newest quarter stays where
   * it is: eviction takes the oldest first and never reaches that quarter before the rest, and a
   * page read over and over (every hit of a popular page) costs no Map delete and insert. In a
   * map of fewer than eight entries the quarter is under two: there only the newest entry stays
   * (none moved since it). A delete and insert per hit is not only slower: V8 rebuilds a Map's
   * table once deleted slots fill it, and tables that outlive a scavenge grow the old generation
   * until a full collection (one every second under a load of hits on a few pages).
   */
  touch(key: string, entry: CacheEntry): void {
    if (entry.movedAt !== undefined && this.moves - entry.movedAt < Math.max(1, this.entries.size >> 2)) return;
    this.entries.delete(key);
    this.entries.set(key, entry);
    entry.movedAt = ++this.moves;
  }

  add(key: string, entry: CacheEntry): void {
    this.remove(key);
    this.entries.set(key, entry);
    entry.movedAt = ++this.moves;
    this.bytes += entry.bytes;
    entry.resized = (delta) => {
      if (this.entries.get(key) !== entry) return;
      this.bytes += delta;
      this.evict();
    };
    this.evict();
  }

  private evict(): void {
    while (this.entries.size > this.maxEntries || this.bytes > this.maxBytes) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.remove(oldest);
    }
  }

  remove(key: string): void {
    const e = this.entries.get(key);
    if (!e) return;
    this.bytes -= e.bytes;
    this.entries.delete(key);
  }
}

export interface PageCacheLimits {
  maxEntries: number;
  maxBytes: number;
  /** Redirects and not-founds kept under the address asked for. */
  maxStrays: number;
}

/** Where the cache reports how long renders and compressions take (the metrics). */
export interface CacheTimings {
  render(seconds: number): void;
  compression(level: 'fast' | 'best', seconds: number): void;
}

const noTimings: CacheTimings = { render: () => undefined, compression: () => undefined };

export const DEFAULT_PAGE_CACHE_LIMITS: PageCacheLimits = { maxEntries: 5000, maxBytes: 24 * 1024 * 1024, maxStrays: 2000 };

/**
 * How long a site-wide value pages are rendered from (the frame: menus, sidebar, counters) is
 * reused at most. Short against the pages' own lifetime, and any purge of the site drops it.
 */
const SITE_VALUE_MS = 5000;

/** Background work on the best copies, one entry at a time: the thread pool stays free for misses. */
const MAX_QUEUED_UPGRADES = 256;

export class PageCache {
  private readonly pages: LruBucket;
  private readonly strays: LruBucket;
  private pending = new Map<string, Promise<CacheEntry>>();
  private upgrades: CacheEntry[] = [];
  /**
   * Since start, for metrics and tests: renders done (misses), requests answered from an entry
   * inside Fastify (hits), and those answered before Fastify (raw-hits.ts).
   */
  readonly counters = { renders: 0, hits: 0, rawHits: 0 };
  private upgrading = false;
  private readonly siteValues = new Map<string, { expiresAt: number; owner: object; value: Promise<unknown> }>();
  /** Path prefixes whose entries are built from every section of a site: see dropWithEverySitePurge. */
  private readonly siteWidePrefixes: string[] = [];

  constructor(
    private readonly ttlMs: number,
    private readonly bus: PurgeBus = localPurgeBus,
    limits: Partial<PageCacheLimits> = {},
    private readonly timings: CacheTimings = noTimings,
  ) {
    const l = { ...DEFAULT_PAGE_CACHE_LIMITS, ...limits };
    this.pages = new LruBucket(l.maxEntries, l.maxBytes);
    this.strays = new LruBucket(l.maxStrays, l.maxStrays * 1024);
    bus.subscribe((m) => this.applyRemote(m));
  }

  /**
   * Site and path only: the absolute URLs in a page come from the site's configured origin, so a
   * page is the same whatever Host it was asked under, and a stream of invented hosts makes no entry.
   */
  static key(siteId: number, path: string): string {
    return `${siteId}\n${path}`;
  }

  /** The key of a site's error page with the given status (404, 410, 421, 429, 503): one per site, not per path. */
  static errorKey(siteId: number, status: number): string {
    return `${siteId}\n!${status}`;
  }

  /**
   * A value every page of a site is rendered from (its frame), made once for the pages rendered
   * in the next few seconds instead of once per page: a crawler walking a site's articles costs
   * one round of frame queries, not one per article. Any purge of the site drops it, as it drops
   * the pages; so does a new `owner` (the site's row, replaced when its settings change).
   */
  siteValue<T>(siteId: number, name: string, owner: object, make: () => Promise<T>, now = Date.now()): Promise<T> {
    if (this.ttlMs <= 0) return make();
    const key = `${siteId}\n${name}`;
    const kept = this.siteValues.get(key);
    if (kept && kept.owner === owner && kept.expiresAt > now) return kept.value as Promise<T>;
    const value = make();
    this.siteValues.set(key, { expiresAt: now + Math.min(this.ttlMs, SITE_VALUE_MS), owner, value });
    value.catch(() => {
      if (this.siteValues.get(key)?.value === value) this.siteValues.delete(key);
    });
    return value;
  }

  /** A fresh entry (now the most recently used) or undefined; no rendering. */
  peek(key: string, now = Date.now()): CacheEntry | undefined {
    const page = this.pages.entries.get(key);
    if (page) {
      if (page.expiresAt <= now) return undefined;
      this.pages.touch(key, page);
      return page;
    }
    const stray = this.strays.entries.get(key);
    if (!stray || stray.expiresAt <= now) return undefined;
    this.strays.touch(key, stray);
    return stray;
  }

  /**
   * The cached entry, or the one `render` produces, compressed for `want` (the encoding the
   * request takes); concurrent misses render once. Only successes and redirects are kept under a
   * path: an error rendered here is for this request alone (see `errorPage`).
   */
  getOrRender(key: string, render: () => Promise<Rendered>, want: Encoding | null = 'gzip', now = Date.now()): Promise<CacheEntry> {
    return this.renderOnce(key, render, want, now, false);
  }

  /** A site's error page, rendered once per site and status and kept like a page (purged with the site). */
  errorPage(siteId: number, status: number, render: () => Promise<Rendered>, want: Encoding | null): Promise<CacheEntry> {
    return this.renderOnce(PageCache.errorKey(siteId, status), render, want, Date.now(), true);
  }

  /** The fresh entry under `key`, or the one `render` makes (once for concurrent callers), kept when it may be. */
  private async renderOnce(key: string, render: () => Promise<Rendered>, want: Encoding | null, now: number, isErrorPage: boolean): Promise<CacheEntry> {
    const hit = this.peek(key, now) ?? this.pending.get(key);
    if (hit) {
      this.counters.hits++;
      return hit;
    }
    this.counters.renders++;
    const started = performance.now();
    let rendered = started;
    const p = render()
      .then((r) => {
        rendered = performance.now();
        this.timings.render((rendered - started) / 1000);
        return makeEntry(r, now + this.ttlMs, want);
      })
      .then((entry) => {
        this.timings.compression('fast', (performance.now() - rendered) / 1000);
        if (this.ttlMs > 0 && (isErrorPage || entry.status < 400)) this.store(key, entry, isErrorPage);
        return entry;
      })
      .finally(() => this.pending.delete(key));
    this.pending.set(key, p);
    return p;
  }

  /**
   * Keeps a site's kept 404 page under the address it answered, so that the next request for that
   * address is answered before routing, like a page. The copy shares the page's bytes.
   * `baseHeaders` are the headers of the full pipeline for it.
   */
  rememberNotFound(key: string, page: CacheEntry, baseHeaders: Record<string, string>): void {
    if (this.ttlMs <= 0 || page.status !== 404) return;
    const { popular: _p, resized: _r, making: _m, rawHeaders: _h, ...shared } = page;
    this.pages.remove(key);
    this.strays.add(key, { ...shared, baseHeaders, bytes: 512, hits: 0, best: true });
  }

  private store(key: string, entry: CacheEntry, isErrorPage = false): void {
    const stray = entry.status >= 300 && entry.status < 400 && !isErrorPage;
    (stray ? this.pages : this.strays).remove(key);
    (stray ? this.strays : this.pages).add(key, entry);
    entry.popular = () => this.queueUpgrade(entry);
  }

  /** Best-compressed copies for a popular entry, made in the background, one at a time. */
  private queueUpgrade(entry: CacheEntry): void {
    if (entry.identity || this.upgrades.length >= MAX_QUEUED_UPGRADES) return;
    this.upgrades.push(entry);
    if (!this.upgrading) void this.runUpgrades();
  }

  private async runUpgrades(): Promise<void> {
    this.upgrading = true;
    try {
      for (let entry = this.upgrades.shift(); entry; entry = this.upgrades.shift()) {
        if (entry.expiresAt <= Date.now()) continue;
        const started = performance.now();
        await makeBest(entry).then(() => this.timings.compression('best', (performance.now() - started) / 1000), () => undefined);
      }
    } finally {
      this.upgrading = false;
    }
  }

  /** Resolves when the background upgrades queued so far are done (tests, benchmarks). */
  async settled(): Promise<void> {
    while (this.upgrading || this.upgrades.length) await new Promise((r) => setTimeout(r, 5));
  }

  get size(): number {
    return this.pages.entries.size + this.strays.entries.size;
  }

  /** Bytes held by the stored entries. */
  get bytes(): number {
    return this.pages.bytes + this.strays.bytes;
  }

  /**
   * Entries under `prefix` (the open data API, "/api/") are built from every section of a site,
   * so any purge of a site — a page, a prefix, the whole site, here or from another instance —
   * drops them too: no section's write needs to know they exist.
   */
  dropWithEverySitePurge(prefix: string): void {
    if (!this.siteWidePrefixes.includes(prefix)) this.siteWidePrefixes.push(prefix);
  }

  /** Everything, e.g. after another instance changed the site table. */
  purgeAll(): void {
    for (const b of [this.pages, this.strays]) for (const k of [...b.entries.keys()]) b.remove(k);
    this.siteValues.clear();
  }

  purgeSite(siteId: number): void {
    this.dropSite(siteId);
    this.bus.publish({ op: 'site', siteId });
  }

  /** Purges every path of a site that starts with the prefix (a category and its pages, feeds). */
  purgePrefix(siteId: number, prefix: string): void {
    this.dropPrefix(siteId, prefix);
    this.bus.publish({ op: 'prefix', siteId, prefix });
  }

  /** Purges the given paths of a site. */
  purgePaths(siteId: number, paths: string[]): void {
    this.dropPaths(siteId, paths);
    this.bus.publish({ op: 'paths', siteId, paths });
  }

  /** Another instance's purge: done here, not published again. (A site-table reload is the SiteResolver's.) */
  private applyRemote(m: PurgeMessage): void {
    if (m.op === 'site') this.dropSite(m.siteId);
    else if (m.op === 'prefix') this.dropPrefix(m.siteId, m.prefix);
    else if (m.op === 'paths') this.dropPaths(m.siteId, m.paths);
  }

  /** Removes the keys of a site whose path passes the test. */
  private drop(siteId: number, purged: (path: string) => boolean): void {
    const site = `${siteId}\n`;
    const wide = this.siteWidePrefixes;
    const test = wide.length ? (path: string) => purged(path) || wide.some((p) => path.startsWith(p)) : purged;
    for (const k of [...this.siteValues.keys()]) if (k.startsWith(site)) this.siteValues.delete(k);
    for (const b of [this.pages, this.strays]) {
      for (const k of [...b.entries.keys()]) {
        if (k.startsWith(site) && test(k.slice(site.length))) b.remove(k);
      }
    }
  }

  private dropSite(siteId: number): void {
    this.drop(siteId, () => true);
  }

  private dropPrefix(siteId: number, prefix: string): void {
    this.drop(siteId, (path) => path === prefix || path.startsWith(`${prefix}/`));
  }

  private dropPaths(siteId: number, paths: string[]): void {
    const wanted = new Set(paths);
    this.drop(siteId, (path) => wanted.has(path));
  }
}

import type { FastifyInstance } from 'fastify';
import type { Actor } from './access/actor.js';
import type { Db } from './db/connection.js';
import type { DemoSite } from './demo/types.js';
import type { SitemapSource } from './http/sitemap.js';
import type { SectionSearch } from './search/groups.js';
import type { MediaStorage } from './storage/media-storage.js';
import type { FramePart } from './views/public/frame.js';
import type { Job } from './jobs.js';
import type { PrimaryDeps, PrimaryService } from './cluster/host.js';
import type { Site } from './sites/site.js';

/**
 * What a feature declares about itself. `src/features/index.ts` lists the features; the app's
 * routes, the back-office menu, the public sections (sidebar and menu targets), the sitemap,
 * the search page's groups, the frame around every public page and the demo content are all
 * derived from that list, so adding a section is one folder plus one line there.
 */
export interface Feature {
  /** Stable key, lowercase ASCII ("documents"). */
  key: string;
  /** What an editor calls it ("Văn bản"). */
  label: string;
  /** Public routes, registered at the site root. */
  publicRoutes?: (app: FastifyInstance) => Promise<void>;
  /** Back-office routes, registered inside /quan-tri (session, CSRF and no-store already apply). */
  adminRoutes?: (admin: FastifyInstance) => Promise<void>;
  /** Entries of the back-office menu; each says, through the feature's policy, who sees it. */
  adminNav?: AdminNavEntry[];
  /** The public section it publishes (Nghị định 42/2022: the sidebar and a possible menu target). */
  section?: PublicSection;
  /** Its published URLs for /sitemap.xml. */
  sitemap?: SitemapSource;
  /** Its group of results on /tim-kiem. */
  search?: SearchGroup;
  /** What it adds to every public page: data for the header and footer, sidebar blocks. */
  frame?: FramePart;
  /**
   * Its background jobs, made once the app's plugins are registered (in onReady): started then,
   * stopped when the app closes.
   */
  jobs?: (app: FastifyInstance) => Job[];
  /**
   * What the primary holds for every worker when CONG_WORKERS > 1 and there is no Redis (the
   * state that must stay exact across workers); null when it needs nothing in that setting.
   */
  primary?: (deps: PrimaryDeps) => Promise<PrimaryService | null>;
  /** Its demo content for a new demo site (in the site's transaction, after the features before it). */
  demo?: DemoSeeder;
  /**
   * Where an old address of the site leads when no recorded old address or slug move names it
   * (articles: the old portal's id an editor typed): a path of the site, or null.
   */
  oldAddress?: (db: Db, site: Site, address: string, now: Date) => Promise<string | null>;
  /** The tables it owns (its migrations create them). */
  tables?: readonly string[];
}

export interface AdminNavEntry {
  href: string;
  label: string;
  /** Position in the menu (smaller first), so the menu's order does not follow the list's. */
  order: number;
  visible(actor: Actor, siteId: number): boolean;
}

export interface PublicSection {
  /** Key stored in menu_items.section ("van-ban"). */
  key: string;
  label: string;
  path: string;
  /** Position in its block of the sidebar and among menu targets. */
  order: number;
  /**
   * 'disclosure' for what the law makes the commune publish (Luật THDCCS Điều 11–12, Luật TCTT):
   * listed in the sidebar's "Công khai – minh bạch" block, which links the hub page
   * /cong-khai-minh-bach; otherwise the section is in "Thông tin chính quyền".
   */
  group?: 'disclosure';
}

export interface SearchGroup {
  /** Position of the group on the results page. */
  order: number;
  search: SectionSearch;
}

export interface DemoTarget {
  siteId: number;
  demo: DemoSite;
  /** Where the demo's files (songs, document PDFs) are written. */
  media: MediaStorage;
  now: Date;
  /** The public sections of the features being seeded (menu entries may point at them). */
  sections: readonly PublicSection[];
}

export type DemoSeeder = (db: Db, target: DemoTarget) => Promise<void>;

type NavItem = { href: string; label: string };

const byOrder = <T extends { order: number }>(a: T, b: T) => a.order - b.order;

/** The public sections of the features, in their order. */
export function sectionsOf(features: readonly Feature[]): PublicSection[] {
  return features.flatMap((f) => (f.section ? [f.section] : [])).sort(byOrder);
}

/** The back-office menu of one person on one site. */
export function adminNavOf(features: readonly Feature[], actor: Actor, siteId: number): NavItem[] {
  return features
    .flatMap((f) => f.adminNav ?? [])
    .filter((e) => e.visible(actor, siteId))
    .sort(byOrder)
    .map(({ href, label }) => ({ href, label }));
}

export function sitemapSourcesOf(features: readonly Feature[]): SitemapSource[] {
  return features.flatMap((f) => (f.sitemap ? [f.sitemap] : []));
}

export function searchGroupsOf(features: readonly Feature[]): SectionSearch[] {
  return features.flatMap((f) => (f.search ? [f.search] : [])).sort(byOrder).map((g) => g.search);
}

export function jobsOf(features: readonly Feature[], app: FastifyInstance): Job[] {
  return features.flatMap((f) => f.jobs?.(app) ?? []);
}

/** Checks the list once at start-up: a duplicate key or path would silently shadow another feature. */
export function assertUniqueFeatures(features: readonly Feature[]): void {
  const seen = new Set<string>();
  for (const key of [...features.map((f) => `feature:${f.key}`), ...sectionsOf(features).flatMap((s) => [`section:${s.key}`, `path:${s.path}`])]) {
    if (seen.has(key)) throw new Error(`Two features declare the same ${key}`);
    seen.add(key);
  }
}

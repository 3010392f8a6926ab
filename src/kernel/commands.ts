import type { Actor } from './access/actor.js';
import type { Db } from './db/connection.js';
import type { ArticleRow } from './db/schema.js';
import type { PageCache } from './http/page-cache.js';
import { urls } from './http/urls.js';
import type { Site } from './sites/site.js';

/** What every content command receives: the database, the site, who acts, the clock, the cache. */
export interface CommandContext {
  db: Db;
  site: Site;
  actor: Actor;
  now: Date;
  cache: PageCache;
}

export type CommandResult<T = number> = { ok: true; value: T } | { ok: false; errors: Record<string, string> };

/** The public pages an article appears on, purged when it changes visibility or content. */
export async function purgeForArticle(db: Db, cache: PageCache, article: Pick<ArticleRow, 'id' | 'slug' | 'site_id'>, categoryIds: number[]): Promise<void> {
  const cats = categoryIds.length
    ? await db.selectFrom('categories').select('slug').where('site_id', '=', article.site_id).where('id', 'in', categoryIds).execute()
    : [];
  cache.purgePaths(article.site_id, [urls.article(article), '/', urls.feed(), urls.sitemap()]);
  for (const c of cats) cache.purgePrefix(article.site_id, `/chuyen-muc/${c.slug}`);
}

/** The editable fields kept in every revision. */
export const SNAPSHOT_FIELDS = [
  'title', 'sapo', 'body_html', 'category_id', 'author', 'source', 'published_at', 'featured', 'cover_media_id',
  'cover_alt', 'legacy_id', 'legacy_url', 'seo_title', 'seo_description',
] as const;

export type Snapshot = Pick<ArticleRow, (typeof SNAPSHOT_FIELDS)[number]>;

export function snapshotOf(a: Snapshot): Snapshot {
  const out = {} as Record<string, unknown>;
  for (const k of SNAPSHOT_FIELDS) out[k] = a[k];
  return out as Snapshot;
}

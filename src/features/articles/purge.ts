import type { Db } from '../../kernel/db/connection.js';
import type { ArticleRow } from '../../kernel/db/schema.js';
import type { PageCache } from '../../kernel/http/page-cache.js';
import { urls } from '../../kernel/http/urls.js';
import { articlePaths } from './paths.js';

/** The public pages an article appears on, purged when it changes visibility or content. */
export async function purgeForArticle(db: Db, cache: PageCache, article: Pick<ArticleRow, 'id' | 'slug' | 'site_id'>, categoryIds: number[]): Promise<void> {
  const cats = categoryIds.length
    ? await db.selectFrom('categories').select('slug').where('site_id', '=', article.site_id).where('id', 'in', categoryIds).execute()
    : [];
  cache.purgePaths(article.site_id, [urls.article(article), articlePaths.save(article), articlePaths.print(article), '/', urls.feed(), urls.sitemap()]);
  for (const c of cats) cache.purgePrefix(article.site_id, `/chuyen-muc/${c.slug}`);
}

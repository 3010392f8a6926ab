import type { DemoSeeder } from '../../kernel/feature.js';
import { fromLocalTime } from '../../kernel/lib/format.js';
import { paragraphsToHtml, sanitizeArticleHtml } from '../../kernel/lib/html.js';
import { nfc, searchFold, slugify } from '../../kernel/lib/text.js';
import { indexPublished } from '../search/indexer.js';

/** The demo site's categories and articles, searchable from the start. */
export const seedArticles: DemoSeeder = async (db, { siteId, demo }) => {
  const categoryIds = new Map<string, number>();
  for (const [i, c] of demo.categories.entries()) {
    const { id } = await db
      .insertInto('categories')
      .values({ site_id: siteId, slug: c.slug, name: nfc(c.name), position: i })
      .returning('id')
      .executeTakeFirstOrThrow();
    categoryIds.set(c.slug, id);
  }
  // Oldest first, so ids grow with publish time as they would have on the real site.
  const articles = [...demo.articles].sort((a, b) => a.publishedAt.localeCompare(b.publishedAt));
  for (const a of articles) {
    const categoryId = categoryIds.get(a.category);
    if (categoryId === undefined) throw new Error(`Demo article "${a.title}" has unknown category ${a.category}`);
    const published = fromLocalTime(a.publishedAt);
    await db
      .insertInto('articles')
      .values({
        site_id: siteId,
        category_id: categoryId,
        title: nfc(a.title),
        slug: slugify(a.title),
        title_fold: searchFold(a.title),
        created_at: published,
        sapo: nfc(a.sapo),
        body_html: sanitizeArticleHtml(paragraphsToHtml(a.paragraphs)),
        author: nfc(a.author ?? ''),
        source: nfc(a.source ?? ''),
        status: 'published',
        published_at: published,
        updated_at: published,
        featured: a.featured ? 1 : 0,
        legacy_id: a.legacyId ?? null,
      })
      .execute();
  }
  await indexPublished(db, siteId); // the demo articles are searchable from the start
};

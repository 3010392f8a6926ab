import type { Db } from '../../kernel/db/connection.js';
import { formatDate } from '../../kernel/lib/format.js';
import type { SitemapEntry } from '../../kernel/http/sitemap.js';
import type { SectionSearch } from '../../kernel/search/groups.js';
import { qaUrls } from './labels.js';
import { countPublished, listPublished } from './repo.js';

/** The "Hỏi đáp" group on /tim-kiem: published Q&A whose folded text holds every clause of the query. */
export const searchQuestions: SectionSearch = async (db, siteId, query, _now, limit) => {
  const filter = { clauses: query.clauses };
  const total = await countPublished(db, siteId, filter);
  if (!total) return null;
  const items = await listPublished(db, siteId, { ...filter, limit });
  return {
    heading: 'Hỏi đáp',
    items: items.map((q) => ({ title: q.title, href: qaUrls.item(q), meta: q.answered_at ? `Trả lời ngày ${formatDate(q.answered_at)}` : undefined })),
    moreHref: total > items.length ? `${qaUrls.list()}?q=${encodeURIComponent(query.text)}` : undefined,
    total,
  };
};

/** The section's URLs in /sitemap.xml: the list, the topics and every published Q&A. */
export async function questionSitemap(db: Db, siteId: number): Promise<SitemapEntry[]> {
  const [items, topics] = await Promise.all([
    listPublished(db, siteId, { limit: 4000 }),
    db.selectFrom('question_topics').select('slug').where('site_id', '=', siteId).orderBy('position').execute(),
  ]);
  return [
    { path: qaUrls.list(), lastmod: items[0]?.updated_at },
    ...topics.map((t) => ({ path: qaUrls.topic(t.slug) })),
    ...items.map((q) => ({ path: qaUrls.item(q), lastmod: q.updated_at })),
  ];
}

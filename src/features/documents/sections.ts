import type { Db } from '../../kernel/db/connection.js';
import type { SitemapEntry } from '../../kernel/http/sitemap.js';
import type { ParsedQuery } from '../../kernel/search/query.js';
import type { SectionResults } from '../../kernel/search/groups.js';
import { listDocuments, listForSitemap } from './repo.js';
import { shortDay } from './present.js';
import { documentUrls } from './urls.js';

/** The document library's place in /sitemap.xml and in the site search (/tim-kiem). */

export async function documentSitemap(db: Db, siteId: number): Promise<SitemapEntry[]> {
  const docs = await listForSitemap(db, siteId);
  const newest = docs.reduce<string | undefined>((acc, d) => (acc && acc > d.updated_at ? acc : d.updated_at), undefined);
  return [{ path: documentUrls.list(), lastmod: newest }, ...docs.map((d) => ({ path: documentUrls.document(d), lastmod: d.updated_at }))];
}

/** Published documents whose number (whole or by parts) or trích yếu holds the query's words in a row. */
export async function documentSearch(db: Db, siteId: number, query: Extract<ParsedQuery, { kind: 'ok' }>, _now: Date, limit: number): Promise<SectionResults | null> {
  // Above the news results only close matches: the words as typed, next to each other (folding
  // makes "nam hong" also "năm … Hồng", which the library's own search may find but this group
  // should not show). /van-ban?q= matches the words anywhere.
  const clauses = query.sequence.length > 1 ? [query.sequence] : query.clauses;
  const { items, total } = await listDocuments(db, siteId, { clauses }, limit);
  if (!total) return null;
  return {
    heading: 'Văn bản',
    total,
    moreHref: `${documentUrls.list()}?${new URLSearchParams({ q: query.text }).toString()}`,
    items: items.map((d) => ({ title: `${d.type_name} số ${d.number}: ${d.title}`, href: documentUrls.document(d), meta: `Ban hành ${shortDay(d.issued_on)} · ${d.issuer}` })),
  };
}

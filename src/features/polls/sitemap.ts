import type { Db } from '../../kernel/db/connection.js';
import type { SitemapEntry } from '../../kernel/http/sitemap.js';
import { DRAFTS_PATH, draftPath, POLLS_PATH, pollPath } from './paths.js';

/** /sitemap.xml entries of Thăm dò ý kiến and Góp ý dự thảo (published polls and drafts). */
export async function pollSitemap(db: Db, siteId: number): Promise<SitemapEntry[]> {
  const polls = await db.selectFrom('polls').select(['id', 'updated_at']).where('site_id', '=', siteId).where('published', '=', 1).orderBy('id', 'desc').limit(1000).execute();
  const entries: SitemapEntry[] = polls.length ? [{ path: POLLS_PATH, lastmod: polls.map((p) => p.updated_at).sort().at(-1) }] : [];
  for (const p of polls) entries.push({ path: pollPath(p.id), lastmod: p.updated_at });
  const drafts = await db
    .selectFrom('documents')
    .select(['id', 'updated_at'])
    .where('site_id', '=', siteId)
    .where('status', '=', 'du-thao')
    .where('published', '=', 1)
    .where('consultation_until', 'is not', null)
    .orderBy('id', 'desc')
    .limit(1000)
    .execute();
  if (drafts.length) entries.push({ path: DRAFTS_PATH, lastmod: drafts.map((d) => d.updated_at).sort().at(-1) });
  for (const d of drafts) entries.push({ path: draftPath(d.id), lastmod: d.updated_at });
  return entries;
}

import type { ArticleStatus } from '../../kernel/db/schema.js';
import { urls } from '../../kernel/http/urls.js';
import { searchFold, slugify } from '../../kernel/lib/text.js';
import { importBody } from './bodies.js';
import { ImportError } from './import-error.js';
import type { CleanArticle } from './plan.js';
import type { PreparedFiles } from './prepare-files.js';
import { mediaOf } from './write-files.js';
import { count, recordOldUrls, skip, type WriteContext } from './write-context.js';

/**
 * What an article of the source becomes (docs/import-format.md): only "published" is public
 * (or scheduled by Cổng when its date is still to come); "draft", "pending" and "scheduled"
 * become drafts an editor reviews — an old portal's schedule is not published without a look;
 * "private" and "trash" are not imported, and an article an earlier run imported is taken down.
 */
export function articleStatus(a: Pick<CleanArticle, 'status' | 'publishedAt'>, now: Date): ArticleStatus | null {
  switch (a.status) {
    case 'published':
      return a.publishedAt > now.toISOString() ? 'scheduled' : 'published';
    case 'draft':
    case 'pending':
    case 'scheduled':
      return 'draft';
    default:
      return null;
  }
}

const SKIP_REASON = { private: 'bài riêng tư (private) không được đưa lên', trash: 'bài trong thùng rác (trash) không được đưa lên' } as const;

/** Articles, with their views; returns the ids whose search entry must follow. */
export async function writeArticles(cx: WriteContext, prepared: PreparedFiles): Promise<number[]> {
  const { tx, site } = cx;
  const stamp = cx.now.toISOString();
  const touched: number[] = [];
  for (const a of cx.plan.articles.values()) {
    const earlier = cx.items.get('article', a.id);
    const before = earlier === undefined ? undefined : await tx.selectFrom('articles').select(['id', 'slug']).where('site_id', '=', site.id).where('id', '=', earlier).executeTakeFirst();
    const status = articleStatus(a, cx.now);
    if (status === null) {
      if (before) {
        await tx.updateTable('articles').set({ status: 'unpublished', updated_at: stamp }).where('site_id', '=', site.id).where('id', '=', before.id).execute();
        touched.push(before.id);
        count(cx, 'article', true);
      } else {
        skip(cx, 'article', a.id, SKIP_REASON[a.status as keyof typeof SKIP_REASON]);
      }
      cx.tick();
      continue;
    }
    let cover: number | null = null;
    if (a.cover !== null) {
      const m = await mediaOf(cx, prepared, a.cover);
      if (!m || m.kind !== 'image') throw ImportError.at(a.line, 'article', a.id, `ảnh đại diện “${a.cover}” phải là một tệp ảnh (JPEG, PNG, WebP, GIF).`);
      cover = m.id;
    }
    const slug = slugify(a.title) || 'bai-viet';
    const values = {
      category_id: cx.items.get('category', a.categories[0]!)!,
      title: a.title, slug, sapo: a.sapo, body_html: importBody(a.bodyHtml, cx.files), author: a.author, source: a.source, status,
      published_at: a.publishedAt, updated_at: stamp, featured: a.featured ? 1 : 0, cover_media_id: cover,
      cover_alt: cover === null ? '' : a.coverAlt || a.title, legacy_url: a.oldUrls[0]?.slice(0, 500) ?? '', title_fold: searchFold(a.title),
    };
    let id: number;
    if (before) {
      id = before.id;
      await tx.updateTable('articles').set(values).where('site_id', '=', site.id).where('id', '=', id).execute();
      count(cx, 'article', true);
    } else {
      id = (await tx
        .insertInto('articles')
        .values({ ...values, site_id: site.id, legacy_id: null, created_by: null, updated_by: null, created_at: stamp })
        .returning('id')
        .executeTakeFirstOrThrow()).id;
      count(cx, 'article', false);
    }
    cx.items.set('article', a.id, id);
    touched.push(id);
    if (a.views !== null) await addViews(cx, a.id, id, a.views);
    recordOldUrls(cx, a.oldUrls, urls.article({ id, slug }));
    cx.tick();
  }
  return touched;
}

/**
 * Adds the old portal's views of an article to its total. import_items keeps what was added
 * (kind "views"), so a re-run adds only the difference and views counted since stay.
 */
async function addViews(cx: WriteContext, sourceId: string, articleId: number, views: number): Promise<void> {
  const { tx, site } = cx;
  const delta = views - (cx.items.get('views', sourceId) ?? 0);
  if (delta !== 0) {
    await tx
      .insertInto('stats_article_totals')
      .values({ site_id: site.id, article_id: articleId, views: Math.max(0, delta) })
      .onConflict((oc) => oc.columns(['site_id', 'article_id']).doUpdateSet((eb) => ({ views: eb('stats_article_totals.views', '+', delta) })))
      .execute();
  }
  cx.items.set('views', sourceId, views);
}

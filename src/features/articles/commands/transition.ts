import { writeAudit } from '../../../kernel/audit.js';
import type { ArticleRow, ArticleStatus } from '../../../kernel/db/schema.js';
import { AppError } from '../../../kernel/lib/errors.js';
import { findArticle } from '../admin-repo.js';
import type { CommandContext } from '../../../kernel/commands.js';
import { purgeForArticle } from '../purge.js';
import { syncArticleIndex } from '../../search/indexer.js';
import { clearEditors, editorIds } from '../review-repo.js';

/**
 * The shared step of every workflow command: load the article, check the rule, change its
 * status only if nobody changed it in between, audit, and purge the public pages when its
 * visibility changed. One transaction; the purge follows the commit.
 */
export async function transition(
  cx: CommandContext,
  articleId: number,
  action: string,
  allowed: (a: ArticleRow, editors: readonly number[]) => boolean,
  change: (a: ArticleRow) => Partial<ArticleRow> & { status: ArticleStatus },
): Promise<ArticleRow> {
  const { db, site, actor, now } = cx;
  const { before, after } = await db.transaction().execute(async (tx) => {
    const before = await findArticle(tx, site.id, articleId);
    if (!before) throw new AppError('not_found');
    if (!allowed(before, await editorIds(tx, site.id, articleId))) throw new AppError('forbidden');
    const set = { ...change(before), updated_at: now.toISOString() };
    const r = await tx
      .updateTable('articles')
      .set(set)
      .where('id', '=', articleId)
      .where('site_id', '=', site.id)
      .where('status', '=', before.status)
      .where('updated_at', '=', before.updated_at)
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) !== 1) throw new AppError('conflict');
    // Publishing adds the article to the search index, unpublishing removes it (same transaction).
    if (before.status === 'published' || set.status === 'published') await syncArticleIndex(tx, articleId);
    // Publishing or scheduling is the approval: the next round of changes starts with nobody.
    if (set.status === 'published' || set.status === 'scheduled') await clearEditors(tx, site.id, articleId);
    const after = { ...before, ...set };
    await writeAudit(
      tx,
      {
        siteId: site.id, userId: actor.userId, action, entityType: 'article', entityId: articleId,
        before: { status: before.status, published_at: before.published_at }, after: { status: after.status, published_at: after.published_at, return_reason: after.return_reason || undefined },
      },
      now,
    );
    return { before, after };
  });
  if (before.status === 'published' || after.status === 'published') {
    await purgeForArticle(db, cx.cache, after, [after.category_id]);
  }
  return after;
}

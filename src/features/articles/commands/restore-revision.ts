import { AppError } from '../../../kernel/lib/errors.js';
import { findRevision } from '../admin-repo.js';
import { formFromArticle } from '../input.js';
import type { CommandContext, CommandResult } from '../../../kernel/commands.js';
import type { Snapshot } from '../snapshot.js';
import type { ArticleRow } from '../../../kernel/db/schema.js';
import { findArticle } from '../admin-repo.js';
import { saveArticle } from './save-article.js';
import { findPendingEdit } from '../review-repo.js';

/** Restoring a revision saves its fields as a new revision; the history stays complete. */
export async function restoreRevision(cx: CommandContext, articleId: number, revisionId: number): Promise<CommandResult> {
  const [article, revision, pending] = await Promise.all([
    findArticle(cx.db, cx.site.id, articleId),
    findRevision(cx.db, cx.site.id, articleId, revisionId),
    findPendingEdit(cx.db, cx.site.id, articleId),
  ]);
  if (!article || !revision) throw new AppError('not_found');
  const snap = JSON.parse(revision.snapshot) as Snapshot;
  const form = formFromArticle({ ...article, ...snap } as ArticleRow);
  // Under the two-person rule a published article's restore becomes its pending edit, guarded by its version.
  return saveArticle(cx, articleId, form, pending?.updated_at ?? article.updated_at);
}

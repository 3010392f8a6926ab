import { AppError } from '../../../kernel/lib/errors.js';
import { findRevision } from '../admin-repo.js';
import { formFromArticle } from '../input.js';
import type { CommandContext, CommandResult } from '../../../kernel/commands.js';
import type { Snapshot } from '../snapshot.js';
import type { ArticleRow } from '../../../kernel/db/schema.js';
import { findArticle } from '../admin-repo.js';
import { saveArticle } from './save-article.js';

/** Restoring a revision saves its fields as a new revision; the history stays complete. */
export async function restoreRevision(cx: CommandContext, articleId: number, revisionId: number): Promise<CommandResult> {
  const [article, revision] = await Promise.all([
    findArticle(cx.db, cx.site.id, articleId),
    findRevision(cx.db, cx.site.id, articleId, revisionId),
  ]);
  if (!article || !revision) throw new AppError('not_found');
  const snap = JSON.parse(revision.snapshot) as Snapshot;
  const form = formFromArticle({ ...article, ...snap } as ArticleRow);
  return saveArticle(cx, articleId, form, article.updated_at);
}

import { writeAudit } from '../../kernel/audit.js';
import type { CommandContext, CommandResult } from '../../kernel/commands.js';
import { AppError } from '../../kernel/lib/errors.js';
import { cleanParagraphs } from '../../kernel/lib/text.js';
import { contentError, contentHash } from './input.js';
import { assertModerator, purgeArticles, setStatus } from './moderate.js';
import { findComment } from './repo.js';

export const EDITORS = 'Ban biên tập';

/**
 * An official answer of the editorial board under a citizen's comment, published at once and
 * shown highlighted. Answering a comment that still waits publishes it too: the question and its
 * answer go out together.
 */
export async function replyAsEditors(cx: CommandContext, parentId: number, raw: string): Promise<CommandResult<number>> {
  assertModerator(cx);
  const content = cleanParagraphs(raw);
  const error = contentError(content, 'nội dung trả lời');
  if (error) return { ok: false, errors: { noi_dung: error } };
  const at = cx.now.toISOString();
  const result = await cx.db.transaction().execute(async (tx) => {
    const parent = await findComment(tx, cx.site.id, parentId);
    if (!parent || parent.official) throw new AppError('not_found');
    if (parent.status === 'pending') {
      await setStatus(tx, parent, 'published', cx.actor.userId, at);
      await writeAudit(tx, { siteId: cx.site.id, userId: cx.actor.userId, action: 'comment.approve', entityType: 'comment', entityId: parent.id, before: { status: 'pending' }, after: { status: 'published' } }, cx.now);
    }
    const row = await tx
      .insertInto('comments')
      .values({
        site_id: cx.site.id,
        article_id: parent.article_id,
        parent_id: parent.id,
        author_name: EDITORS,
        author_email: '',
        content,
        content_hash: contentHash(content),
        status: 'published',
        official: 1,
        user_id: cx.actor.userId,
        created_at: at,
        updated_at: at,
        published_at: at,
        moderated_by: cx.actor.userId,
        moderated_at: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await writeAudit(tx, { siteId: cx.site.id, userId: cx.actor.userId, action: 'comment.reply', entityType: 'comment', entityId: row.id, after: { parent_id: parent.id, content } }, cx.now);
    return { id: row.id, articleId: parent.article_id };
  });
  await purgeArticles(cx, [result.articleId]);
  return { ok: true, value: result.id };
}

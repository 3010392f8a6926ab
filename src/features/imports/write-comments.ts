import type { CommentStatus } from '../../kernel/db/tables/interact.js';
import { contentHash } from '../comments/input.js';
import { parentsFirst } from './check-references.js';
import { count, skip, type WriteContext } from './write-context.js';

/**
 * Comments, each after the one it answers. Approved ones are published with their thread;
 * pending ones wait in the moderation queue; spam is kept as spam (so a moderator sees what the
 * old portal caught); trash is not imported. A comment on an article that was not imported, or
 * answering one that was not, is skipped with the reason.
 */
const STATUS: Record<'approved' | 'pending' | 'spam', CommentStatus> = { approved: 'published', pending: 'pending', spam: 'spam' };

export async function writeComments(cx: WriteContext): Promise<void> {
  const { tx, site } = cx;
  const stamp = cx.now.toISOString();
  for (const c of parentsFirst(cx.plan.comments)) {
    const articleId = cx.items.get('article', c.article);
    const parentId = c.parent === null ? null : cx.items.get('comment', c.parent);
    const earlier = cx.items.get('comment', c.id);
    const before = earlier === undefined ? undefined : await tx.selectFrom('comments').select('id').where('site_id', '=', site.id).where('id', '=', earlier).executeTakeFirst();
    const reason =
      c.status === 'trash' ? 'bình luận trong thùng rác (trash) không được nhập'
      : articleId === undefined ? `bài viết “${c.article}” không được nhập`
      : parentId === undefined ? `bình luận được trả lời “${c.parent}” không được nhập`
      : null;
    if (reason) {
      if (before) {
        await tx.updateTable('comments').set({ status: 'rejected', updated_at: stamp }).where('site_id', '=', site.id).where('id', '=', before.id).execute();
        count(cx, 'comment', true);
      } else {
        skip(cx, 'comment', c.id, reason);
      }
      cx.tick();
      continue;
    }
    const status = STATUS[c.status as keyof typeof STATUS];
    const values = {
      article_id: articleId!, parent_id: parentId ?? null, author_name: c.author, content: c.body, content_hash: contentHash(c.body), status,
      hold_reason: status === 'pending' ? ('moderation' as const) : ('' as const), created_at: c.createdAt, updated_at: stamp,
      published_at: status === 'published' ? c.createdAt : null,
    };
    let id: number;
    if (before) {
      id = before.id;
      await tx.updateTable('comments').set(values).where('site_id', '=', site.id).where('id', '=', id).execute();
      count(cx, 'comment', true);
    } else {
      id = (await tx
        .insertInto('comments')
        .values({ ...values, site_id: site.id, author_email: '', user_id: null, moderated_by: null, moderated_at: null })
        .returning('id')
        .executeTakeFirstOrThrow()).id;
      count(cx, 'comment', false);
    }
    cx.items.set('comment', c.id, id);
    cx.tick();
  }
}


import { writeAudit } from '../../kernel/audit.js';
import type { CommandContext, CommandResult } from '../../kernel/commands.js';
import type { Db } from '../../kernel/db/connection.js';
import { AppError } from '../../kernel/lib/errors.js';
import { urls } from '../../kernel/http/urls.js';
import { commentPolicy } from './policy.js';
import type { CommentRow, CommentStatus } from '../../kernel/db/tables/interact.js';
import type { FieldErrors } from '../../kernel/forms.js';
import { cleanLine, cleanParagraphs } from '../../kernel/lib/text.js';
import { contentError, nameError } from './input.js';
import { findComment } from './repo.js';

/**
 * The moderator's commands. Each runs in one transaction, writes one audit row per comment it
 * changes, and afterwards purges exactly the public pages of the articles whose visible comments
 * changed.
 */
export type ModerationAction = 'approve' | 'reject' | 'spam';

const TARGET: Record<ModerationAction, CommentStatus> = { approve: 'published', reject: 'rejected', spam: 'spam' };

export function assertModerator(cx: CommandContext): void {
  if (!commentPolicy.moderate(cx.actor, cx.site.id)) throw new AppError('forbidden');
}

/** Approves, rejects or marks as spam; returns how many comments changed status. */
export async function moderateComments(cx: CommandContext, ids: number[], action: ModerationAction): Promise<number> {
  assertModerator(cx);
  const target = TARGET[action];
  const at = cx.now.toISOString();
  const touched = new Set<number>();
  let changed = 0;
  await cx.db.transaction().execute(async (tx) => {
    for (const id of [...new Set(ids)].slice(0, 200)) {
      const c = await findComment(tx, cx.site.id, id);
      if (!c || c.status === target) continue;
      await setStatus(tx, c, target, cx.actor.userId, at);
      await writeAudit(tx, { siteId: cx.site.id, userId: cx.actor.userId, action: `comment.${action}`, entityType: 'comment', entityId: c.id, before: { status: c.status }, after: { status: target } }, cx.now);
      if (c.status === 'published' || target === 'published') touched.add(c.article_id);
      changed += 1;
    }
  });
  await purgeArticles(cx, [...touched]);
  return changed;
}

export async function setStatus(tx: Db, c: CommentRow, status: CommentStatus, userId: number, at: string): Promise<void> {
  await tx
    .updateTable('comments')
    .set({ status, moderated_by: userId, moderated_at: at, updated_at: at, published_at: status === 'published' ? c.published_at ?? at : c.published_at })
    .where('site_id', '=', c.site_id)
    .where('id', '=', c.id)
    .execute();
}

export interface EditForm {
  name: string;
  content: string;
}

/** Corrects a comment's name or text (a typo, a phone number to remove). */
export async function editComment(cx: CommandContext, id: number, form: EditForm): Promise<CommandResult<null>> {
  assertModerator(cx);
  const name = cleanLine(form.name);
  const content = cleanParagraphs(form.content);
  const errors: FieldErrors = {};
  const nameErr = nameError(name);
  const contentErr = contentError(content);
  if (nameErr) errors.ho_ten = nameErr;
  if (contentErr) errors.noi_dung = contentErr;
  if (Object.keys(errors).length) return { ok: false, errors };
  const c = await cx.db.transaction().execute(async (tx) => {
    const before = await findComment(tx, cx.site.id, id);
    if (!before) throw new AppError('not_found');
    await tx.updateTable('comments').set({ author_name: name, content, updated_at: cx.now.toISOString() }).where('site_id', '=', cx.site.id).where('id', '=', id).execute();
    await writeAudit(tx, { siteId: cx.site.id, userId: cx.actor.userId, action: 'comment.edit', entityType: 'comment', entityId: id, before: { author_name: before.author_name, content: before.content }, after: { author_name: name, content } }, cx.now);
    return before;
  });
  if (c.status === 'published') await purgeArticles(cx, [c.article_id]);
  return { ok: true, value: null };
}

/** Purges the public page of each article (and nothing else). */
export async function purgeArticles(cx: CommandContext, articleIds: number[]): Promise<void> {
  if (!articleIds.length) return;
  const rows = await cx.db.selectFrom('articles').select(['id', 'slug']).where('site_id', '=', cx.site.id).where('id', 'in', articleIds).execute();
  cx.cache.purgePaths(cx.site.id, rows.map((a) => urls.article(a)));
}

import { writeAudit } from '../../kernel/audit.js';
import type { CommandResult } from '../../kernel/commands.js';
import { AppError } from '../../kernel/lib/errors.js';
import { urls } from '../../kernel/http/urls.js';
import type { SiteCommandContext } from '../sites/commands/context.js';
import { loadSiteRow, STALE_SETTINGS, writeSiteRow } from '../sites/commands/site-row.js';
import type { CommentModeration, SiteSettings } from '../../kernel/sites/settings.js';
import { commentPolicy } from './policy.js';
import { assertModerator } from './moderate.js';
import type { CommandContext } from '../../kernel/commands.js';

/**
 * The comment switches: closing one article's comments (a moderator's decision, a column of the
 * article) and the site-wide settings kept with the other site settings (an admin's decision).
 */
export const MODES: Record<CommentModeration, string> = {
  hold_all: 'Duyệt mọi bình luận trước khi đăng (mặc định)',
  hold_first: 'Chỉ duyệt bình luận đầu tiên của người gửi mới (cùng họ tên và email)',
  publish: 'Đăng ngay, không cần duyệt',
};

export function moderationOf(settings: SiteSettings): CommentModeration {
  return settings.commentModeration ?? 'hold_all';
}

export async function setArticleComments(cx: CommandContext, articleId: number, closed: boolean): Promise<void> {
  assertModerator(cx);
  const article = await cx.db.transaction().execute(async (tx) => {
    const a = await tx.selectFrom('articles').select(['id', 'slug', 'comments_closed']).where('site_id', '=', cx.site.id).where('id', '=', articleId).executeTakeFirst();
    if (!a) throw new AppError('not_found');
    if (Boolean(a.comments_closed) === closed) return a;
    await tx.updateTable('articles').set({ comments_closed: closed ? 1 : 0 }).where('site_id', '=', cx.site.id).where('id', '=', a.id).execute();
    await writeAudit(tx, { siteId: cx.site.id, userId: cx.actor.userId, action: closed ? 'article.comments_close' : 'article.comments_open', entityType: 'article', entityId: a.id, before: { comments_closed: a.comments_closed }, after: { comments_closed: closed ? 1 : 0 } }, cx.now);
    return a;
  });
  cx.cache.purgePaths(cx.site.id, [urls.article(article)]);
}

export interface CommentSettingsForm {
  mode: string;
  closed: boolean;
}

export async function saveCommentSettings(cx: SiteCommandContext, form: CommentSettingsForm): Promise<CommandResult<null>> {
  if (!commentPolicy.configure(cx.actor, cx.site.id)) throw new AppError('forbidden');
  if (!(form.mode in MODES)) return { ok: false, errors: { che_do: 'Vui lòng chọn một cách duyệt bình luận.' } };
  const mode = form.mode as CommentModeration;
  const result = await cx.db.transaction().execute(async (tx): Promise<CommandResult<null>> => {
    const before = await loadSiteRow(tx, cx.site.id);
    const old = JSON.parse(before.settings) as SiteSettings;
    const settings: SiteSettings = { ...old, commentModeration: mode, commentsClosed: form.closed };
    if (!(await writeSiteRow(tx, before, { settings }))) return { ok: false, errors: { _form: STALE_SETTINGS } };
    await writeAudit(
      tx,
      {
        siteId: cx.site.id, userId: cx.actor.userId, action: 'site.comment_settings', entityType: 'site', entityId: cx.site.id,
        before: { commentModeration: moderationOf(old), commentsClosed: !!old.commentsClosed },
        after: { commentModeration: mode, commentsClosed: form.closed },
      },
      cx.now,
    );
    return { ok: true, value: null };
  });
  if (result.ok) {
    await cx.sites.reload();
    // Every article page shows the form (or that comments are closed), and the note about moderation.
    cx.cache.purgePrefix(cx.site.id, '/bai-viet');
  }
  return result;
}

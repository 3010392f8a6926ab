import type { CommandContext, CommandResult } from '../../../kernel/commands.js';
import { articlePolicy } from '../policy.js';
import { transition } from './transition.js';
import { AppError } from '../../../kernel/lib/errors.js';

export const OWN_TEXT_MESSAGE = 'Bạn đã viết hoặc sửa bài này từ lần duyệt trước nên không thể tự xuất bản. Theo nguyên tắc hai người, một người duyệt khác phải xuất bản.';

/**
 * The editorial workflow: nháp → chờ duyệt → đã xuất bản / hẹn giờ; trả lại (with a reason);
 * gỡ bài. Each command is one transition. Sending for approval changes no text, so it leaves who
 * last edited (and the list of editors the two-person rule reads) as it was.
 */
export function submitArticle(cx: CommandContext, id: number) {
  return transition(cx, id, 'article.submit', (a) => articlePolicy.submit(cx.actor, a), () => ({ status: 'submitted', return_reason: '' }));
}

/** Publishes now, or schedules when `at` is in the future. */
export async function publishArticle(cx: CommandContext, id: number, at: string | null): Promise<CommandResult<'published' | 'scheduled'>> {
  const future = at !== null && Date.parse(at) > cx.now.getTime() + 30_000;
  if (at !== null && !future) return { ok: false, errors: { publish_at: 'Thời điểm hẹn giờ phải ở tương lai.' } };
  const allowed = (a: Parameters<typeof articlePolicy.publish>[1], editors: readonly number[]) => {
    if (articlePolicy.publish(cx.actor, a, cx.site.settings, editors)) return true;
    // Say why when the only obstacle is the two-person rule.
    if (articlePolicy.publish(cx.actor, a, { twoPersonRule: false }, [])) throw new AppError('forbidden', OWN_TEXT_MESSAGE);
    return false;
  };
  const after = await transition(cx, id, future ? 'article.schedule' : 'article.publish', allowed, () =>
    future ? { status: 'scheduled', published_at: at! } : { status: 'published', published_at: cx.now.toISOString() },
  );
  return { ok: true, value: after.status as 'published' | 'scheduled' };
}

export async function returnArticle(cx: CommandContext, id: number, reason: string): Promise<CommandResult<null>> {
  const r = reason.trim();
  if (!r) return { ok: false, errors: { reason: 'Vui lòng nhập lý do trả lại để tác giả biết cần sửa gì.' } };
  if (r.length > 2000) return { ok: false, errors: { reason: 'Lý do trả lại dài tối đa 2000 ký tự.' } };
  await transition(cx, id, 'article.return', (a) => articlePolicy.returnToAuthor(cx.actor, a), () => ({ status: 'returned', return_reason: r }));
  return { ok: true, value: null };
}

export function unpublishArticle(cx: CommandContext, id: number) {
  return transition(cx, id, 'article.unpublish', (a) => articlePolicy.unpublish(cx.actor, a), () => ({ status: 'unpublished' }));
}

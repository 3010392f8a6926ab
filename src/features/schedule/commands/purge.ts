import type { CommandContext } from '../../../kernel/commands.js';
import { AppError } from '../../../kernel/lib/errors.js';
import { feedKey, weekKeys } from '../page-keys.js';
import { schedulePolicy } from '../policy.js';
import { currentWeek, weekOfDate } from '../week.js';

export function assertScheduleManager(cx: CommandContext): void {
  if (!schedulePolicy.manage(cx.actor, cx.site.id)) throw new AppError('forbidden');
}

/** Purges the public pages of the weeks holding these days, and the feed. */
export function purgeDays(cx: CommandContext, days: string[]): void {
  const keys = new Set<string>([feedKey(currentWeek(cx.now).key)]);
  for (const d of days) for (const k of weekKeys(weekOfDate(d).key)) keys.add(k);
  cx.cache.purgePaths(cx.site.id, [...keys]);
}

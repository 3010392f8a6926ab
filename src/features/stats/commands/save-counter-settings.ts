import type { Actor } from '../../../kernel/access/actor.js';
import { writeAudit } from '../../../kernel/audit.js';
import type { Db } from '../../../kernel/db/connection.js';
import { AppError } from '../../../kernel/lib/errors.js';
import type { PageCache } from '../../../kernel/http/page-cache.js';
import type { Site } from '../../../kernel/sites/site.js';
import { statsPolicy } from '../policy.js';
import type { CountMode, WidgetVariant } from '../../../kernel/db/tables/stats.js';
import { DEFAULT_SETTINGS } from '../settings.js';

export interface CounterSettingsForm {
  count_mode: string;
  widget: string;
  show_article_views: string;
}

export interface CounterSettingsContext {
  db: Db;
  site: Site;
  actor: Actor;
  now: Date;
  cache: PageCache;
}

export type SaveResult = { ok: true } | { ok: false; errors: Record<string, string> };

const MODES: CountMode[] = ['page_views', 'visits'];
const WIDGETS: WidgetVariant[] = ['simple', 'detailed'];

/**
 * Sets what the public counter counts (page views or visits), which widget shows it, and whether
 * articles show their views. One transaction with its audit row; purges the site's cached pages,
 * which all show the counter.
 */
export async function saveCounterSettings(cx: CounterSettingsContext, form: CounterSettingsForm): Promise<SaveResult> {
  if (!statsPolicy.configure(cx.actor, cx.site.id)) throw new AppError('forbidden');
  const errors: Record<string, string> = {};
  if (!MODES.includes(form.count_mode as CountMode)) errors.count_mode = 'Vui lòng chọn bộ đếm tính lượt xem trang hay lượt truy cập.';
  if (!WIDGETS.includes(form.widget as WidgetVariant)) errors.widget = 'Vui lòng chọn kiểu hiển thị ô thống kê.';
  if (Object.keys(errors).length) return { ok: false, errors };
  const after = { count_mode: form.count_mode as CountMode, widget: form.widget as WidgetVariant, show_article_views: form.show_article_views === '1' ? 1 : 0 };
  await cx.db.transaction().execute(async (tx) => {
    const row = await tx.selectFrom('stats_settings').select(['count_mode', 'widget', 'show_article_views']).where('site_id', '=', cx.site.id).executeTakeFirst();
    const before = row ?? { count_mode: DEFAULT_SETTINGS.countMode, widget: DEFAULT_SETTINGS.widget, show_article_views: 0 };
    await tx
      .insertInto('stats_settings')
      .values({ site_id: cx.site.id, ...after, updated_at: cx.now.toISOString() })
      .onConflict((oc) => oc.column('site_id').doUpdateSet({ ...after, updated_at: cx.now.toISOString() }))
      .execute();
    await writeAudit(tx, { siteId: cx.site.id, userId: cx.actor.userId, action: 'stats.settings', entityType: 'site', entityId: cx.site.id, before, after }, cx.now);
  });
  cx.cache.purgeSite(cx.site.id);
  return { ok: true };
}

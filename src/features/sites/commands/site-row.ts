import type { Db } from '../../../kernel/db/connection.js';
import type { SiteRow } from '../../../kernel/db/schema.js';
import { AppError } from '../../../kernel/lib/errors.js';
import type { SiteSettings } from '../../../kernel/sites/settings.js';

export const STALE_SETTINGS = 'Cài đặt của trang vừa được người khác thay đổi. Nội dung bạn nhập vẫn còn dưới đây; hãy tải lại trang để xem bản mới trước khi lưu.';

export async function loadSiteRow(tx: Db, siteId: number): Promise<SiteRow> {
  const row = await tx.selectFrom('sites').selectAll().where('id', '=', siteId).executeTakeFirst();
  if (!row) throw new AppError('not_found');
  return row;
}

/**
 * Writes a site row only if it is still what was read (settings are one JSON text, so two
 * screens saving at once must not silently undo each other). False when someone else won.
 */
export async function writeSiteRow(tx: Db, before: SiteRow, set: { name?: string; settings?: SiteSettings; counter_base?: number }): Promise<boolean> {
  // tenancy: the sites table has no site_id: its id is the site, read by the caller (loadSiteRow).
  const r = await tx
    .updateTable('sites')
    .set({
      ...(set.name !== undefined ? { name: set.name } : {}),
      ...(set.settings !== undefined ? { settings: JSON.stringify(set.settings) } : {}),
      ...(set.counter_base !== undefined ? { counter_base: set.counter_base } : {}),
    })
    .where('id', '=', before.id)
    .where('settings', '=', before.settings)
    .where('name', '=', before.name)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

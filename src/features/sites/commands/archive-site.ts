import { writeAudit } from '../../../kernel/audit.js';
import { fail } from '../../../kernel/forms.js';
import { AppError } from '../../../kernel/lib/errors.js';
import { markArchived } from '../../../kernel/sites/archive.js';
import { sitePolicy } from '../policy.js';
import { afterSiteChange, type CommandResult, type SiteCommandContext } from './context.js';

/**
 * Makes a site a read-only archive whose news is now published by `successorIds` (system admins
 * only): a unit abolished or merged in the 2025 reorganisation. Its pages stay served and
 * searchable, with a banner naming the successors; its forms and back office take nothing new.
 * Every cached page of the site is purged, since each gains the banner.
 */
export async function archiveSite(cx: SiteCommandContext, siteId: number, successorIds: number[]): Promise<CommandResult> {
  if (!sitePolicy.manageSites(cx.actor)) throw new AppError('forbidden');
  const { db, actor, now } = cx;
  const successors = [...new Set(successorIds)];
  const result = await db.transaction().execute(async (tx): Promise<CommandResult> => {
    // tenancy: the sites table has no site_id: its id is the site (system admins act on any site).
    const site = await tx.selectFrom('sites').select(['id', 'name', 'is_default', 'archived_at', 'successors']).where('id', '=', siteId).executeTakeFirst();
    if (!site) throw new AppError('not_found');
    if (site.archived_at) return fail({ successors: `Trang “${site.name}” đã là trang lưu trữ.` });
    if (site.is_default === 1) return fail({ successors: 'Không thể lưu trữ trang mặc định: địa chỉ localhost và các tên miền chưa cấu hình dẫn đến trang này.' });
    if (!successors.length) return fail({ successors: 'Vui lòng chọn ít nhất một trang tiếp nhận thông tin của trang này.' });
    if (successors.includes(siteId)) return fail({ successors: 'Trang tiếp nhận phải là một trang khác.' });
    // tenancy: the successors are other sites, looked up by id.
    const live = await tx.selectFrom('sites').select(['id', 'name', 'archived_at']).where('id', 'in', successors).execute();
    if (live.length !== successors.length) return fail({ successors: 'Trang tiếp nhận không tồn tại.' });
    const archived = live.find((s) => s.archived_at);
    if (archived) return fail({ successors: `Trang tiếp nhận “${archived.name}” cũng là trang lưu trữ; hãy chọn một trang đang hoạt động.` });
    await markArchived(tx, siteId, successors, now);
    await writeAudit(
      tx,
      { siteId, userId: actor.userId, action: 'site.archive', entityType: 'site', entityId: siteId, before: { archivedAt: null }, after: { archivedAt: now.toISOString(), successors } },
      now,
    );
    return { ok: true, value: siteId };
  });
  return afterSiteChange(cx, siteId, result);
}

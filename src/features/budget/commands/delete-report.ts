import { writeAudit } from '../../../kernel/audit.js';
import { AppError } from '../../../kernel/lib/errors.js';
import type { MediaStorage } from '../../../kernel/storage/media-storage.js';
import { removeFiles } from '../../media/storage.js';
import { assertBudgetManager, purgeBudget, type CommandContext } from './context.js';

/** Deletes a report with its files (one transaction with the audit row), then the bytes in the store. */
export async function deleteReport(cx: CommandContext, media: MediaStorage, id: number): Promise<void> {
  assertBudgetManager(cx);
  const { db, site, actor, now } = cx;
  const paths = await db.transaction().execute(async (tx) => {
    const before = await tx.selectFrom('budget_reports').selectAll().where('site_id', '=', site.id).where('id', '=', id).executeTakeFirst();
    if (!before) throw new AppError('not_found');
    const files = await tx.selectFrom('budget_report_files').selectAll().where('site_id', '=', site.id).where('report_id', '=', id).execute();
    await tx.deleteFrom('budget_report_files').where('site_id', '=', site.id).where('report_id', '=', id).execute();
    await tx.deleteFrom('budget_reports').where('site_id', '=', site.id).where('id', '=', id).execute();
    await writeAudit(tx, { siteId: site.id, userId: actor.userId, action: 'budget.delete', entityType: 'budget_report', entityId: id, before: { ...before, files: files.map((f) => f.original_name) } }, now);
    return files.map((f) => f.disk_path);
  });
  await removeFiles(media, paths);
  purgeBudget(cx);
}

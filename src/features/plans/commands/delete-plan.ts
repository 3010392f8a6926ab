import { writeAudit } from '../../../kernel/audit.js';
import { AppError } from '../../../kernel/lib/errors.js';
import type { MediaStorage } from '../../../kernel/storage/media-storage.js';
import { removeFiles } from '../../media/storage.js';
import { assertPlanManager, purgePlans, type CommandContext } from './context.js';

/** Deletes a plan with its files (one transaction with the audit row), then the bytes. */
export async function deletePlan(cx: CommandContext, media: MediaStorage, id: number): Promise<void> {
  assertPlanManager(cx);
  const { db, site, actor, now } = cx;
  const paths = await db.transaction().execute(async (tx) => {
    const before = await tx.selectFrom('plans').selectAll().where('site_id', '=', site.id).where('id', '=', id).executeTakeFirst();
    if (!before) throw new AppError('not_found');
    const files = await tx.selectFrom('plan_files').selectAll().where('site_id', '=', site.id).where('plan_id', '=', id).execute();
    await tx.deleteFrom('plan_files').where('site_id', '=', site.id).where('plan_id', '=', id).execute();
    await tx.deleteFrom('plans').where('site_id', '=', site.id).where('id', '=', id).execute();
    const { geojson, ...shown } = before;
    await writeAudit(tx, { siteId: site.id, userId: actor.userId, action: 'plan.delete', entityType: 'plan', entityId: id, before: { ...shown, geojson: geojson ? `${geojson.length} ký tự` : null, files: files.map((f) => f.original_name) } }, now);
    return files.map((f) => f.disk_path);
  });
  await removeFiles(media, paths);
  purgePlans(cx);
}

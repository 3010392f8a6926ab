import { writeAudit } from '../../kernel/audit.js';
import type { CommandContext } from '../../kernel/commands.js';
import { AppError } from '../../kernel/lib/errors.js';
import { consultationPolicy } from '../polls/policy.js';

export function assertManageConsultation(cx: Pick<CommandContext, 'actor' | 'site'>): void {
  if (!consultationPolicy.manage(cx.actor, cx.site.id)) throw new AppError('forbidden');
}

/**
 * Marks a feedback as processed (đã xử lý), or back. Feedback is never published, so no public
 * page changes; the back office list is uncached.
 */
export async function setFeedbackProcessed(cx: CommandContext, documentId: number, feedbackId: number, processed: boolean): Promise<void> {
  assertManageConsultation(cx);
  const { db, site, actor, now } = cx;
  await db.transaction().execute(async (tx) => {
    const f = await tx.selectFrom('draft_feedback').select(['id', 'processed']).where('site_id', '=', site.id).where('document_id', '=', documentId).where('id', '=', feedbackId).executeTakeFirst();
    if (!f) throw new AppError('not_found');
    if (f.processed === (processed ? 1 : 0)) return;
    await tx
      .updateTable('draft_feedback')
      .set({ processed: processed ? 1 : 0, processed_by: processed ? actor.userId : null, processed_at: processed ? now.toISOString() : null })
      .where('site_id', '=', site.id)
      .where('id', '=', feedbackId)
      .execute();
    await writeAudit(tx, {
      siteId: site.id, userId: actor.userId, action: processed ? 'draft_feedback.process' : 'draft_feedback.reopen', entityType: 'draft_feedback', entityId: feedbackId,
      before: { document_id: documentId, processed: f.processed }, after: { document_id: documentId, processed: processed ? 1 : 0 },
    }, now);
  });
}

/** Reading the contact details of every sender is itself logged (personal data, Nghị định 13/2023). */
export async function logExport(cx: CommandContext, documentId: number, rows: number): Promise<void> {
  assertManageConsultation(cx);
  await writeAudit(cx.db, { siteId: cx.site.id, userId: cx.actor.userId, action: 'draft_feedback.export', entityType: 'document', entityId: documentId, after: { rows } }, cx.now);
}

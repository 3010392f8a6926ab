import { writeAudit } from '../../../kernel/audit.js';
import { fail } from '../../../kernel/forms.js';
import { listStaff } from '../repo.js';
import { assertHandle, auditView, loadQuestion, type CommandContext, type CommandResult } from './shared.js';

/**
 * Gives a question to a staff member of the site (or takes it back with null). A received
 * question becomes "being processed" when someone is assigned.
 */
export async function assignQuestion(cx: CommandContext, id: number, assigneeId: number | null): Promise<CommandResult> {
  assertHandle(cx);
  if (assigneeId !== null && !(await listStaff(cx.db, cx.site.id)).some((u) => u.id === assigneeId)) {
    return fail({ nguoi_xu_ly: 'Người được giao không phải cán bộ xử lý hỏi đáp của trang này.' });
  }
  await cx.db.transaction().execute(async (tx) => {
    const before = await loadQuestion(tx, cx.site.id, id);
    const status = before.status === 'received' && assigneeId !== null ? 'processing' : before.status;
    const at = cx.now.toISOString();
    await tx.updateTable('questions').set({ assignee_id: assigneeId, status, updated_at: at }).where('site_id', '=', cx.site.id).where('id', '=', id).execute();
    await writeAudit(tx, { siteId: cx.site.id, userId: cx.actor.userId, action: 'question.assign', entityType: 'question', entityId: id, before: auditView(before), after: auditView({ ...before, assignee_id: assigneeId, status }) }, cx.now);
  });
  return { ok: true, value: id };
}

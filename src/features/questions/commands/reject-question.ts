import { writeAudit } from '../../../kernel/audit.js';
import { fail } from '../../../kernel/forms.js';
import { cleanParagraphs } from '../../../kernel/lib/text.js';
import { assertHandle, auditView, loadQuestion, purgeSection, type CommandContext, type CommandResult } from './shared.js';

export const REASON_MAX = 1000;

/** Refuses a question (not in the site's remit, abusive, a duplicate…): the citizen sees the reason with their code. */
export async function rejectQuestion(cx: CommandContext, id: number, raw: string): Promise<CommandResult> {
  assertHandle(cx);
  const reason = cleanParagraphs(raw);
  if (!reason) return fail({ ly_do: 'Vui lòng nhập lý do không tiếp nhận.' });
  if ([...reason].length > REASON_MAX) return fail({ ly_do: `Lý do dài tối đa ${REASON_MAX} ký tự.` });
  const r = await cx.db.transaction().execute(async (tx) => {
    const before = await loadQuestion(tx, cx.site.id, id);
    if (before.status === 'answered') return null;
    const after = { status: 'rejected' as const, reject_reason: reason, published: 0, updated_at: cx.now.toISOString() };
    await tx.updateTable('questions').set(after).where('site_id', '=', cx.site.id).where('id', '=', id).execute();
    await writeAudit(tx, { siteId: cx.site.id, userId: cx.actor.userId, action: 'question.reject', entityType: 'question', entityId: id, before: auditView(before), after: auditView({ ...before, ...after }) }, cx.now);
    return before.published === 1;
  });
  if (r === null) return fail({ _form: 'Câu hỏi đã được trả lời; không thể chuyển sang không tiếp nhận.' });
  if (r) purgeSection(cx);
  return { ok: true, value: id };
}

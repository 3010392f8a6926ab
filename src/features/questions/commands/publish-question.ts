import { writeAudit } from '../../../kernel/audit.js';
import { fail } from '../../../kernel/forms.js';
import { assertHandle, auditView, loadQuestion, purgeSection, type CommandContext, type CommandResult } from './shared.js';

/**
 * Shows an answered question with its answer on /hoi-dap, or takes it off. Only the title,
 * question, topic, dates and answer are published; the asker is shown as "Công dân" (their
 * name, initials, contact and address never appear, whatever the board chooses).
 */
export async function setQuestionPublished(cx: CommandContext, id: number, publish: boolean): Promise<CommandResult> {
  assertHandle(cx);
  const changed = await cx.db.transaction().execute(async (tx) => {
    const before = await loadQuestion(tx, cx.site.id, id);
    if (publish && (before.status !== 'answered' || !before.answer)) return null;
    if ((before.published === 1) === publish) return false;
    const at = cx.now.toISOString();
    const after = { published: publish ? 1 : 0, published_at: publish ? before.published_at ?? at : before.published_at, updated_at: at };
    await tx.updateTable('questions').set(after).where('site_id', '=', cx.site.id).where('id', '=', id).execute();
    await writeAudit(tx, { siteId: cx.site.id, userId: cx.actor.userId, action: publish ? 'question.publish' : 'question.unpublish', entityType: 'question', entityId: id, before: auditView(before), after: auditView({ ...before, ...after }) }, cx.now);
    return true;
  });
  if (changed === null) return fail({ _form: 'Chỉ công khai được câu hỏi đã có trả lời.' });
  if (changed) purgeSection(cx);
  return { ok: true, value: id };
}

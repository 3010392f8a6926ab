import { writeAudit } from '../../../kernel/audit.js';
import { fail } from '../../../kernel/forms.js';
import { cleanParagraphs } from '../../../kernel/lib/text.js';
import { formatNumber } from '../../../kernel/lib/format.js';
import { searchTextOf } from '../repo.js';
import { assertHandle, auditView, loadQuestion, purgeSection, type CommandContext, type CommandResult } from './shared.js';

export const ANSWER_MAX = 10_000;

/**
 * Writes or edits the answer (plain paragraphs, stored as cleaned text and rendered escaped).
 * With `markAnswered` the question becomes "answered" (its answer date is the first time it
 * was marked so). A rejected question has to be answered by reopening it in a new question.
 */
export async function answerQuestion(cx: CommandContext, id: number, raw: string, markAnswered: boolean): Promise<CommandResult> {
  assertHandle(cx);
  const answer = cleanParagraphs(raw);
  const n = [...answer].length;
  if (markAnswered && !answer) return fail({ tra_loi: 'Vui lòng nhập nội dung trả lời.' });
  if (n > ANSWER_MAX) return fail({ tra_loi: `Nội dung trả lời dài tối đa ${formatNumber(ANSWER_MAX)} ký tự (hiện có ${formatNumber(n)}).` });
  const wasPublished = await cx.db.transaction().execute(async (tx) => {
    const before = await loadQuestion(tx, cx.site.id, id);
    if (before.status === 'rejected') return null;
    if (before.status === 'answered' && !answer) return undefined;
    const at = cx.now.toISOString();
    const answered = markAnswered || before.status === 'answered';
    const after = {
      answer,
      status: answered ? ('answered' as const) : before.status === 'received' ? ('processing' as const) : before.status,
      answered_at: answered ? before.answered_at ?? at : null,
      answered_by: answered ? before.answered_by ?? cx.actor.userId : null,
      search_text: searchTextOf(before.title, before.body, answer),
      updated_at: at,
    };
    await tx.updateTable('questions').set(after).where('site_id', '=', cx.site.id).where('id', '=', id).execute();
    const action = markAnswered && before.status !== 'answered' ? 'question.answer' : 'question.answer_edit';
    await writeAudit(tx, { siteId: cx.site.id, userId: cx.actor.userId, action, entityType: 'question', entityId: id, before: auditView(before), after: auditView({ ...before, ...after }) }, cx.now);
    return before.published === 1;
  });
  if (wasPublished === null) return fail({ _form: 'Câu hỏi đã bị từ chối tiếp nhận; không thể trả lời.' });
  if (wasPublished === undefined) return fail({ tra_loi: 'Câu hỏi đã được trả lời: nội dung trả lời không được để trống.' });
  if (wasPublished) purgeSection(cx);
  return { ok: true, value: id };
}

import { writeAudit } from '../../../kernel/audit.js';
import { AppError } from '../../../kernel/lib/errors.js';
import { checkReportForm, type ReportForm } from '../input.js';
import { slotOf } from '../legal-forms.js';
import { assertBudgetManager, purgeBudget, type CommandContext, type CommandResult } from './context.js';

const DUPLICATE = (label: string, year: number) => `Năm ${year} đã có báo cáo “${label}”. Hãy sửa báo cáo đó thay vì thêm báo cáo mới.`;

/** Creates a report (id null) or edits one: checked, then one transaction with its audit row. */
export async function saveReport(cx: CommandContext, id: number | null, form: ReportForm): Promise<CommandResult> {
  assertBudgetManager(cx);
  const { db, site, actor, now } = cx;
  const { values, errors } = checkReportForm(form);
  if (!values) return { ok: false, errors };
  const stamp = now.toISOString();
  const result = await db.transaction().execute(async (tx): Promise<CommandResult> => {
    const same = await tx
      .selectFrom('budget_reports')
      .select('id')
      .where('site_id', '=', site.id)
      .where('fiscal_year', '=', values.fiscal_year)
      .where('kind', '=', values.kind)
      .where('period', '=', values.period)
      .executeTakeFirst();
    if (same && same.id !== id) return { ok: false, errors: { slot: DUPLICATE(slotOf(values.kind, values.period)!.label, values.fiscal_year) } };
    if (id === null) {
      const { id: newId } = await tx
        .insertInto('budget_reports')
        .values({ ...values, site_id: site.id, created_at: stamp, updated_at: stamp, created_by: actor.userId, updated_by: actor.userId })
        .returning('id')
        .executeTakeFirstOrThrow();
      await writeAudit(tx, { siteId: site.id, userId: actor.userId, action: 'budget.create', entityType: 'budget_report', entityId: newId, after: values }, now);
      return { ok: true, value: newId };
    }
    const before = await tx.selectFrom('budget_reports').selectAll().where('site_id', '=', site.id).where('id', '=', id).executeTakeFirst();
    if (!before) throw new AppError('not_found');
    await tx.updateTable('budget_reports').set({ ...values, updated_at: stamp, updated_by: actor.userId }).where('site_id', '=', site.id).where('id', '=', id).execute();
    const { created_at: _c, updated_at: _u, created_by: _cb, updated_by: _ub, ...shown } = before;
    await writeAudit(tx, { siteId: site.id, userId: actor.userId, action: 'budget.update', entityType: 'budget_report', entityId: id, before: shown, after: values }, now);
    return { ok: true, value: id };
  }).catch((err: unknown) => {
    // Two editors adding the same report at once: the unique index answers for the slower one.
    if (/unique|duplicate/i.test(String((err as Error)?.message))) return { ok: false as const, errors: { slot: DUPLICATE(slotOf(values.kind, values.period)!.label, values.fiscal_year) } };
    throw err;
  });
  if (result.ok) purgeBudget(cx);
  return result;
}

import { writeAudit } from '../../../kernel/audit.js';
import { AppError } from '../../../kernel/lib/errors.js';
import { slugify } from '../../../kernel/lib/text.js';
import { checkPlanForm, type PlanForm } from '../input.js';
import { assertPlanManager, purgePlans, type CommandContext, type CommandResult } from './context.js';

/** Creates a plan (id null) or edits one: checked, then one transaction with its audit row. */
export async function savePlan(cx: CommandContext, id: number | null, form: PlanForm): Promise<CommandResult> {
  assertPlanManager(cx);
  const { db, site, actor, now } = cx;
  const { values, errors } = checkPlanForm(form);
  if (!values) return { ok: false, errors };
  const stamp = now.toISOString();
  const row = { ...values, slug: slugify(values.title, 80) || 'quy-hoach' };
  // The audit keeps whether a layer was given and its size, not the whole layer.
  const shown = (v: { geojson: string | null }) => ({ ...v, geojson: v.geojson ? `${v.geojson.length} ký tự` : null });
  const value = await db.transaction().execute(async (tx) => {
    if (id === null) {
      const { id: created } = await tx.insertInto('plans').values({ ...row, site_id: site.id, created_at: stamp, updated_at: stamp, created_by: actor.userId, updated_by: actor.userId }).returning('id').executeTakeFirstOrThrow();
      await writeAudit(tx, { siteId: site.id, userId: actor.userId, action: 'plan.create', entityType: 'plan', entityId: created, after: shown(values) }, now);
      return created;
    }
    const before = await tx.selectFrom('plans').selectAll().where('site_id', '=', site.id).where('id', '=', id).executeTakeFirst();
    if (!before) throw new AppError('not_found');
    await tx.updateTable('plans').set({ ...row, updated_at: stamp, updated_by: actor.userId }).where('site_id', '=', site.id).where('id', '=', id).execute();
    const { created_at: _c, updated_at: _u, created_by: _cb, updated_by: _ub, slug: _s, ...rest } = before;
    await writeAudit(tx, { siteId: site.id, userId: actor.userId, action: 'plan.update', entityType: 'plan', entityId: id, before: shown(rest), after: shown(values) }, now);
    return id;
  });
  purgePlans(cx);
  return { ok: true, value };
}

import { writeAudit } from '../../../kernel/audit.js';
import { AppError } from '../../../kernel/lib/errors.js';
import { slugify } from '../../../kernel/lib/text.js';
import { checkProjectForm, type ProjectForm } from '../input.js';
import { assertProjectManager, purgeProjects, type CommandContext, type CommandResult } from './context.js';

/** Creates a project (id null) or edits one: checked, then one transaction with its audit row. */
export async function saveProject(cx: CommandContext, id: number | null, form: ProjectForm): Promise<CommandResult> {
  assertProjectManager(cx);
  const { db, site, actor, now } = cx;
  const { values, errors } = checkProjectForm(form);
  if (!values) return { ok: false, errors };
  const stamp = now.toISOString();
  const row = { ...values, slug: slugify(values.name, 80) || 'du-an' };
  const newId = await db.transaction().execute(async (tx) => {
    if (id === null) {
      const { id: created } = await tx
        .insertInto('projects')
        .values({ ...row, site_id: site.id, created_at: stamp, updated_at: stamp, created_by: actor.userId, updated_by: actor.userId })
        .returning('id')
        .executeTakeFirstOrThrow();
      await writeAudit(tx, { siteId: site.id, userId: actor.userId, action: 'project.create', entityType: 'project', entityId: created, after: values }, now);
      return created;
    }
    const before = await tx.selectFrom('projects').selectAll().where('site_id', '=', site.id).where('id', '=', id).executeTakeFirst();
    if (!before) throw new AppError('not_found');
    await tx.updateTable('projects').set({ ...row, updated_at: stamp, updated_by: actor.userId }).where('site_id', '=', site.id).where('id', '=', id).execute();
    const { created_at: _c, updated_at: _u, created_by: _cb, updated_by: _ub, slug: _s, ...shown } = before;
    await writeAudit(tx, { siteId: site.id, userId: actor.userId, action: 'project.update', entityType: 'project', entityId: id, before: shown, after: values }, now);
    return id;
  });
  purgeProjects(cx);
  return { ok: true, value: newId };
}

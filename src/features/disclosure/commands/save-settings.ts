import { writeAudit } from '../../../kernel/audit.js';
import type { CommandContext, CommandResult } from '../../../kernel/commands.js';
import { checkFields, type FieldSpec, type Values } from '../fields.js';
import { readSettings, writeSettings, type SettingsKey } from '../settings.js';
import { assertDisclosureManager } from './guard.js';
import type { FieldErrors } from '../../../kernel/forms.js';

export interface SettingsForm {
  key: SettingsKey;
  fields: readonly FieldSpec[];
  /** Checks across fields (a hotline's name without its number). */
  crossCheck?: (values: Values, errors: FieldErrors) => void;
  /** Audit action, e.g. "hotlines.update". */
  action: string;
  /** What the change shows on: some paths, or every page of the site. */
  purge: readonly string[] | 'site';
}

/** Saves a section's settings with its audit row in one transaction, then purges its pages. */
export async function saveSettings(cx: CommandContext, form: SettingsForm, raw: Values): Promise<CommandResult<Values>> {
  assertDisclosureManager(cx);
  const { db, site, actor, now } = cx;
  const { values, errors } = checkFields(form.fields, raw);
  form.crossCheck?.(values, errors);
  if (Object.keys(errors).length) return { ok: false, errors };
  await db.transaction().execute(async (tx) => {
    const before = await readSettings(tx, site.id, form.key);
    await writeSettings(tx, site.id, form.key, values, now.toISOString());
    await writeAudit(tx, { siteId: site.id, userId: actor.userId, action: form.action, entityType: 'disclosure_settings', entityId: form.key, before, after: values }, now);
  });
  if (form.purge === 'site') cx.cache.purgeSite(site.id);
  else cx.cache.purgePaths(site.id, [...form.purge]);
  return { ok: true, value: values };
}

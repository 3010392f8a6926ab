import type { CommandContext } from '../../../kernel/commands.js';
import { AppError } from '../../../kernel/lib/errors.js';
import { urls } from '../../../kernel/http/urls.js';
import { fieldSlug, LIST_PATH, PROCEDURE_FIELDS } from '../fields.js';
import { procedurePolicy } from '../policy.js';

export function assertProcedureManager(cx: CommandContext): void {
  if (!procedurePolicy.manage(cx.actor, cx.site.id)) throw new AppError('forbidden');
}

/** Cache keys of the list pages (see schedule/page-keys.ts for why they carry "?"). */
export function listKeys(): string[] {
  return [`${LIST_PATH}?tat-ca`, ...PROCEDURE_FIELDS.map((f) => `${LIST_PATH}?linh-vuc=${fieldSlug(f)}`)];
}

/** Every public page a procedure appears on: the list pages, its own page, the sitemap. */
export function purgeProcedures(cx: CommandContext): void {
  cx.cache.purgePaths(cx.site.id, [...listKeys(), urls.sitemap()]);
  cx.cache.purgePrefix(cx.site.id, LIST_PATH);
}

import { randomUUID } from 'node:crypto';
import { writeAudit } from '../../../kernel/audit.js';
import type { CommandContext, CommandResult } from '../../../kernel/commands.js';
import { AppError } from '../../../kernel/lib/errors.js';
import { validateAlert, type AlertForm } from '../input.js';
import { alertPolicy } from '../policy.js';
import { purgeFlags } from '../state.js';

/** Which sites a multi-site notice goes to, as the form sent them. */
export interface SiteSelection {
  /** "Tất cả các trang đang hoạt động". */
  all: boolean;
  /** The ids ticked (ignored when `all`). */
  siteIds: string[];
}

/**
 * The province sends one notice to many ward sites at once (a storm over the whole province): one
 * row per site sharing a batch id, and one audit row per site, all in one transaction, so either
 * every chosen site has it or none does. Archived sites take no new notices: "all" means every
 * live site, and an archived site chosen by id is refused with its name. Returns how many sites
 * received it.
 */
export async function sendToSites(cx: CommandContext, form: AlertForm, selection: SiteSelection): Promise<CommandResult<number>> {
  if (!alertPolicy.broadcast(cx.actor)) throw new AppError('forbidden');
  const { db, actor, now } = cx;
  const checked = validateAlert(form, now);
  const errors: Record<string, string> = checked.ok ? {} : { ...checked.errors };
  const wanted = new Set(selection.siteIds.map(Number).filter((n) => Number.isSafeInteger(n) && n > 0));
  if (!selection.all && wanted.size === 0) errors.sites = 'Vui lòng chọn ít nhất một trang, hoặc chọn “Tất cả các trang đang hoạt động”.';
  if (Object.keys(errors).length || !checked.ok) return { ok: false, errors };
  const values = checked.values;
  const stamp = now.toISOString();
  const batch = randomUUID();
  const flags = purgeFlags(values.starts_at, values.ends_at, now);
  const result = await db.transaction().execute(async (tx) => {
    // tenancy: a system admin's send spans sites; the site table is read here, inside the transaction, so an archive in between is seen.
    const sites = await tx.selectFrom('sites').select(['id', 'name', 'archived_at']).orderBy('id').execute();
    const targets = selection.all ? sites.filter((s) => s.archived_at === null) : sites.filter((s) => wanted.has(s.id));
    const archived = targets.filter((s) => s.archived_at !== null);
    if (archived.length) return { ok: false as const, errors: { sites: `Trang lưu trữ không nhận thông báo mới: ${archived.map((s) => s.name).join(', ')}. Hãy bỏ chọn trang này.` } };
    if (!selection.all && targets.length !== wanted.size) return { ok: false as const, errors: { sites: 'Có trang được chọn không còn tồn tại. Hãy tải lại trang và chọn lại.' } };
    if (!targets.length) return { ok: false as const, errors: { sites: 'Chưa có trang nào đang hoạt động để gửi thông báo.' } };
    for (const s of targets) {
      const { id } = await tx
        .insertInto('alerts')
        .values({ ...values, ...flags, site_id: s.id, batch, created_by: actor.userId, created_at: stamp, updated_at: stamp })
        .returning('id')
        .executeTakeFirstOrThrow();
      await writeAudit(tx, { siteId: s.id, userId: actor.userId, action: 'alert.create', entityType: 'alert', entityId: id, after: { ...values, batch, sent_to: targets.length } }, now);
    }
    return { ok: true as const, siteIds: targets.map((s) => s.id) };
  });
  if (!result.ok) return result;
  for (const id of result.siteIds) cx.cache.purgeSite(id);
  return { ok: true, value: result.siteIds.length };
}

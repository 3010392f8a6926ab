import { writeAudit } from '../../../kernel/audit.js';
import { AppError } from '../../../kernel/lib/errors.js';
import { sitePolicy } from '../policy.js';
import { insertSite, setPrimaryHost } from '../../../kernel/sites/repo.js';
import { CODE_MESSAGE, CODE_RE, parseHostnames } from '../site-input.js';
import { newSiteSettings, STARTER_CATEGORIES, STARTER_PAGE } from '../site-template.js';
import { fail, line, type FieldErrors } from '../../../kernel/forms.js';
import type { CommandResult, SiteCommandContext } from './context.js';
import { DEFAULT_TYPES } from '../../documents/commands/document-types.js';
import { hostsTakenError } from './save-site-hosts.js';

export interface NewSiteForm {
  code: string;
  name: string;
  hosts: string;
}

export const EMPTY_NEW_SITE: NewSiteForm = { code: '', name: '', hosts: '' };

/**
 * Creates a ward/commune site (system admins only): its row, hostnames and counter row, a
 * starter set of categories and an "about" page, with settings based on the current site's.
 * The resolver is reloaded, so the site answers on its hostnames at once.
 */
export async function createSite(cx: SiteCommandContext, form: NewSiteForm): Promise<CommandResult> {
  if (!sitePolicy.manageSites(cx.actor)) throw new AppError('forbidden');
  const { db, actor, now } = cx;
  const errors: FieldErrors = {};
  const code = form.code.trim().toLowerCase();
  if (!CODE_RE.test(code)) errors.code = CODE_MESSAGE;
  const name = line(form.name, { label: 'tên trang', max: 200 });
  if (name.error) errors.name = name.error;
  const { hosts, error: hostError } = parseHostnames(form.hosts);
  if (hostError) errors.hosts = hostError;
  if (Object.keys(errors).length) return fail(errors);

  const result = await db.transaction().execute(async (tx): Promise<CommandResult> => {
    const taken = await tx.selectFrom('sites').select('name').where('code', '=', code).executeTakeFirst();
    if (taken) return fail({ code: `Mã “${code}” đã được dùng cho trang “${taken.name}”.` });
    const hostsTaken = await hostsTakenError(tx, hosts, null);
    if (hostsTaken) return fail({ hosts: hostsTaken });
    const stamp = now.toISOString();
    const settings = newSiteSettings(name.value, cx.site.settings);
    const siteId = await insertSite(tx, { code, name: name.value, isDefault: false, settings, counterBase: 0, hosts }, stamp);
    // The first host typed is the one its absolute URLs use.
    await setPrimaryHost(tx, siteId, hosts[0]!, null);
    for (const [position, c] of STARTER_CATEGORIES.entries()) {
      await tx.insertInto('categories').values({ ...c, site_id: siteId, position }).execute();
    }
    await tx.insertInto('pages').values({ ...STARTER_PAGE, site_id: siteId, position: 0, updated_at: stamp }).execute();
    // The usual kinds of documents, so the new site's library can be filled in at once.
    for (const [position, typeName] of DEFAULT_TYPES.entries()) {
      await tx.insertInto('document_types').values({ site_id: siteId, name: typeName, position, created_at: stamp }).execute();
    }
    await writeAudit(tx, { siteId, userId: actor.userId, action: 'site.create', entityType: 'site', entityId: siteId, after: { code, name: name.value, hosts, settings } }, now);
    return { ok: true, value: siteId };
  });
  if (result.ok) await cx.sites.reload();
  return result;
}

import { AppError } from '../../../kernel/lib/errors.js';
import { sitePolicy } from '../policy.js';
import { fail } from '../../../kernel/forms.js';
import type { CommandResult, SiteCommandContext } from './context.js';
import { checkNewSite, insertNewSite, newSiteConflicts } from '../new-site.js';

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
  const { value, errors } = checkNewSite(form);
  if (Object.keys(errors).length) return fail(errors);

  const result = await db.transaction().execute(async (tx): Promise<CommandResult> => {
    const conflicts = await newSiteConflicts(tx, value);
    if (Object.keys(conflicts).length) return fail(conflicts);
    const { siteId } = await insertNewSite(tx, value, { template: cx.site.settings, model: null, userId: actor.userId, now });
    return { ok: true, value: siteId };
  });
  if (result.ok) await cx.sites.reload();
  return result;
}

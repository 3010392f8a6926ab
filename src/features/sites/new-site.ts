import { writeAudit } from '../../kernel/audit.js';
import type { Db } from '../../kernel/db/connection.js';
import { line, type FieldErrors } from '../../kernel/forms.js';
import { insertSite, setPrimaryHost } from '../../kernel/sites/repo.js';
import type { SiteSettings } from '../../kernel/sites/settings.js';
import { DEFAULT_TYPES } from '../documents/commands/document-types.js';
import { hostsTakenError } from './commands/save-site-hosts.js';
import { copyModelStructure, type CopiedCounts } from './model-copy.js';
import { CODE_MESSAGE, CODE_RE, parseHostnames } from './site-input.js';
import { newSiteSettings, STARTER_CATEGORIES, STARTER_PAGE } from './site-template.js';

/**
 * Creating a site, shared by the back office's sites screen and `cong create-site(s)`: the
 * checks of what was typed, the checks against the database, and the writes.
 */
export interface NewSiteInput {
  code: string;
  name: string;
  hosts: string[];
}

/** The model site a new one copies its structure from (`--from`). */
export interface ModelSite {
  id: number;
  code: string;
  settings: SiteSettings;
}

/** Checks code, name and hostnames as typed (hosts one per line, or separated by spaces, ";" or ","). */
export function checkNewSite(form: { code: string; name: string; hosts: string }): { value: NewSiteInput; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const code = form.code.trim().toLowerCase();
  if (!CODE_RE.test(code)) errors.code = CODE_MESSAGE;
  const name = line(form.name, { label: 'tên trang', max: 200 });
  if (name.error) errors.name = name.error;
  const { hosts, error: hostError } = parseHostnames(form.hosts);
  if (hostError) errors.hosts = hostError;
  return { value: { code, name: name.value, hosts }, errors };
}

/** What the database already holds against it: the code or a hostname taken by another site. */
export async function newSiteConflicts(tx: Db, s: NewSiteInput): Promise<FieldErrors> {
  // tenancy: site codes span the installation; the sites table has no site_id.
  const taken = await tx.selectFrom('sites').select('name').where('code', '=', s.code).executeTakeFirst();
  if (taken) return { code: `Mã “${s.code}” đã được dùng cho trang “${taken.name}”.` };
  const hostsTaken = await hostsTakenError(tx, s.hosts, null);
  return hostsTaken ? { hosts: hostsTaken } : {};
}

/**
 * Writes the new site in the caller's transaction: its row and hostnames (the first typed is the
 * primary one), then either the model's structure (`copyModelStructure`) or the starter set, and
 * the audit row (`userId` null: run by the system from the command line).
 */
export async function insertNewSite(
  tx: Db,
  s: NewSiteInput,
  opts: { template: SiteSettings; model: ModelSite | null; userId: number | null; now: Date },
): Promise<{ siteId: number; copied: CopiedCounts | null }> {
  const stamp = opts.now.toISOString();
  const settings = opts.model ? modelSettings(s.name, opts.model.settings) : newSiteSettings(s.name, opts.template);
  const siteId = await insertSite(tx, { code: s.code, name: s.name, isDefault: false, settings, counterBase: 0, hosts: s.hosts }, stamp);
  await setPrimaryHost(tx, siteId, s.hosts[0]!, null);
  let copied: CopiedCounts | null = null;
  if (opts.model) {
    copied = await copyModelStructure(tx, opts.model.id, siteId, stamp);
  } else {
    for (const [position, c] of STARTER_CATEGORIES.entries()) {
      await tx.insertInto('categories').values({ ...c, site_id: siteId, position }).execute();
    }
    await tx.insertInto('pages').values({ ...STARTER_PAGE, site_id: siteId, position: 0, updated_at: stamp }).execute();
    // The usual kinds of documents, so the new site's library can be filled in at once.
    for (const [position, typeName] of DEFAULT_TYPES.entries()) {
      await tx.insertInto('document_types').values({ site_id: siteId, name: typeName, position, created_at: stamp }).execute();
    }
  }
  await writeAudit(
    tx,
    { siteId, userId: opts.userId, action: 'site.create', entityType: 'site', entityId: siteId, after: { code: s.code, name: s.name, hosts: s.hosts, from: opts.model?.code ?? null, settings, copied } },
    opts.now,
  );
  return { siteId, copied };
}

/**
 * A model's settings for a new site: the province-wide choices as `newSiteSettings` takes them,
 * plus the model's comment rules and colour. Not its logo and banner (images of the model's own
 * library) nor its EMC script (issued per portal).
 */
function modelSettings(name: string, model: SiteSettings): SiteSettings {
  const color = model.appearance?.color ?? null;
  return {
    ...newSiteSettings(name, model),
    ...(model.commentModeration ? { commentModeration: model.commentModeration } : {}),
    ...(model.commentsClosed ? { commentsClosed: true } : {}),
    ...(color ? { appearance: { logo: null, banner: null, color, logoMediaId: null, bannerMediaId: null } } : {}),
  };
}

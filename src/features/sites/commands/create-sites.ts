import type { Db } from '../../../kernel/db/connection.js';
import { listSites } from '../../../kernel/sites/repo.js';
import { checkNewSite, insertNewSite, newSiteConflicts, type ModelSite, type NewSiteInput } from '../new-site.js';
import type { CopiedCounts } from '../model-copy.js';
import { FIRST_SITE_TEMPLATE } from '../site-template.js';

/** One site to create, as `cong create-site` or a line of the `cong create-sites` file gives it. */
export interface SiteRequest {
  /** The line of the file (for messages); 0 for the command line. */
  line: number;
  code: string;
  name: string;
  /** Hostnames separated by spaces, ";" or ",". */
  hosts: string;
  /** The code of the model site, '' for the starter set. */
  model: string;
}

export type CreateSitesResult =
  | { ok: true; created: { siteId: number; code: string; copied: CopiedCounts | null }[] }
  | { ok: false; errors: string[] };

/**
 * Creates sites from the command line, run as the system (audit rows without a user): every
 * request is checked first — what was typed, codes and hostnames repeated in the list or already
 * taken, unknown models — and then all are created in one transaction, or none is. The caller
 * reloads the site table (or tells the running instances).
 */
export async function createSites(db: Db, requests: SiteRequest[], now: Date, progress?: (done: number, total: number, code: string) => void): Promise<CreateSitesResult> {
  return db.transaction().execute(async (tx): Promise<CreateSitesResult> => {
    const sites = await listSites(tx);
    const template = (sites.find((s) => s.isDefault) ?? sites[0])?.settings ?? FIRST_SITE_TEMPLATE;
    const errors: string[] = [];
    const checked: { input: NewSiteInput; model: ModelSite | null }[] = [];
    const codes = new Map<string, number>();
    const hosts = new Map<string, number>();
    for (const r of requests) {
      const at = r.line ? `Dòng ${r.line}: ` : '';
      const { value, errors: typed } = checkNewSite({ code: r.code, name: r.name, hosts: r.hosts.split(/[\s;,]+/).join('\n') });
      const messages = Object.values(typed);
      if (!messages.length) {
        const sameCode = codes.get(value.code);
        if (sameCode !== undefined) messages.push(`Mã “${value.code}” đã có ở dòng ${sameCode}.`);
        const sameHost = value.hosts.find((h) => hosts.has(h));
        if (sameHost) messages.push(`Tên miền “${sameHost}” đã có ở dòng ${hosts.get(sameHost)}.`);
        messages.push(...Object.values(await newSiteConflicts(tx, value)));
      }
      const modelCode = r.model.trim().toLowerCase();
      const model = modelCode ? sites.find((s) => s.code === modelCode) : undefined;
      if (modelCode && !model) messages.push(`Không có trang mẫu mã “${modelCode}”.`);
      errors.push(...messages.map((m) => at + m));
      codes.set(value.code, r.line);
      for (const h of value.hosts) hosts.set(h, r.line);
      checked.push({ input: value, model: model ? { id: model.id, code: model.code, settings: model.settings } : null });
    }
    if (errors.length) return { ok: false, errors };
    const created = [];
    for (const [i, c] of checked.entries()) {
      progress?.(i + 1, checked.length, c.input.code);
      const { siteId, copied } = await insertNewSite(tx, c.input, { template, model: c.model, userId: null, now });
      created.push({ siteId, code: c.input.code, copied });
    }
    return { ok: true, created };
  });
}

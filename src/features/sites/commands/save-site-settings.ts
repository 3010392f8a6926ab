import { writeAudit } from '../../../kernel/audit.js';
import type { SiteRow } from '../../../kernel/db/schema.js';
import type { SiteSettings } from '../../../kernel/sites/settings.js';
import { email as emailRule, fail, line, phone as phoneRule, take, text, type FieldErrors } from '../../../kernel/forms.js';
import { assertSiteAdmin, type CommandResult, type SiteCommandContext } from './context.js';
import { loadSiteRow, STALE_SETTINGS, writeSiteRow } from './site-row.js';
import { parseEmcScriptUrl } from '../site-input.js';

export interface SettingsForm {
  name: string;
  tagline: string;
  agency: string;
  address: string;
  phone: string;
  email: string;
  responsible: string;
  licence: string;
  links_title: string;
  songs_title: string;
  counter_base: string;
  two_person_rule: string;
  require_totp: string;
  emc_script: string;
}

export const SETTINGS_FIELDS = Object.keys({
  name: 0, tagline: 0, agency: 0, address: 0, phone: 0, email: 0, responsible: 0, licence: 0, links_title: 0, songs_title: 0, counter_base: 0, two_person_rule: 0, require_totp: 0, emc_script: 0,
} satisfies Record<keyof SettingsForm, 0>) as (keyof SettingsForm)[];

export function settingsFormOf(row: SiteRow): SettingsForm {
  const s = JSON.parse(row.settings) as SiteSettings;
  const p = s.publisher;
  return {
    name: row.name, tagline: s.tagline, agency: p.agency, address: p.address, phone: p.phone, email: p.email, responsible: p.responsible,
    licence: p.licence, links_title: s.linksTitle, songs_title: s.songsTitle, counter_base: String(Number(row.counter_base)),
    two_person_rule: s.twoPersonRule ? '1' : '', require_totp: s.requireTotpForAll ? '1' : '', emc_script: s.emcScriptUrl ?? '',
  };
}

/** "2.763.801" or "2 763 801" as typed by people used to Vietnamese number formatting. */
function parseCount(raw: string): number | null {
  const s = raw.trim().replace(/[.\s]/g, '');
  return /^\d{1,15}$/.test(s) && Number.isSafeInteger(Number(s)) ? Number(s) : null;
}

/**
 * Saves the site's name, header line, the publisher information the law requires in the footer,
 * the widget titles, the visit counter's base, the security switches and the EMC tracking script. The counter base gets
 * its own audit row so that a changed visit total is easy to find. Reloads the site table and
 * purges the whole public site.
 */
export async function saveSiteSettings(cx: SiteCommandContext, form: SettingsForm): Promise<CommandResult<null>> {
  assertSiteAdmin(cx);
  const { db, site, actor, now } = cx;
  const errors: FieldErrors = {};
  const oneLine = (k: keyof SettingsForm, label: string, max: number, optional = false) => take(errors, k, line(form[k], { label, max, optional }));
  const name = oneLine('name', 'tên trang', 200);
  const tagline = oneLine('tagline', 'dòng giới thiệu', 120, true);
  const agency = oneLine('agency', 'cơ quan chủ quản', 200);
  const address = oneLine('address', 'địa chỉ', 300);
  const phone = take(errors, 'phone', phoneRule(form.phone, { example: '0239 3831 248' }));
  const email = take(errors, 'email', emailRule(form.email, { example: 'ubnd@phuong.hatinh.gov.vn' }));
  const responsible = oneLine('responsible', 'người chịu trách nhiệm chính', 200);
  // Typed in a textarea, so a line break is kept rather than refused; the footer shows one paragraph.
  const licence = take(errors, 'licence', text(form.licence, { label: 'dòng giấy phép', max: 300 }));
  const linksTitle = oneLine('links_title', 'tiêu đề ô liên kết website', 100);
  const songsTitle = oneLine('songs_title', 'tiêu đề ô bài hát', 100);
  const counterBase = parseCount(form.counter_base);
  if (counterBase === null) errors.counter_base = 'Số lượt truy cập ban đầu phải là số nguyên không âm, ví dụ 2763801.';
  const emc = parseEmcScriptUrl(form.emc_script);
  if (emc.error) errors.emc_script = emc.error;
  if (Object.keys(errors).length) return fail(errors);

  const result = await db.transaction().execute(async (tx): Promise<CommandResult<null>> => {
    const before = await loadSiteRow(tx, site.id);
    const old = JSON.parse(before.settings) as SiteSettings;
    const settings: SiteSettings = {
      ...old,
      tagline,
      publisher: { agency, address, phone, email, responsible, licence },
      linksTitle,
      songsTitle,
      twoPersonRule: form.two_person_rule === '1',
      requireTotpForAll: form.require_totp === '1',
      emcScriptUrl: emc.value,
    };
    if (!(await writeSiteRow(tx, before, { name, settings, counter_base: counterBase! }))) return fail({ _form: STALE_SETTINGS });
    const { map: _m1, ...oldShown } = old;
    const { map: _m2, ...newShown } = settings;
    await writeAudit(tx, { siteId: site.id, userId: actor.userId, action: 'site.settings', entityType: 'site', entityId: site.id, before: { name: before.name, ...oldShown }, after: { name, ...newShown } }, now);
    if (Number(before.counter_base) !== counterBase) {
      await writeAudit(
        tx,
        { siteId: site.id, userId: actor.userId, action: 'site.counter_base', entityType: 'site', entityId: site.id, before: { counter_base: Number(before.counter_base) }, after: { counter_base: counterBase } },
        now,
      );
    }
    return { ok: true, value: null };
  });
  if (result.ok) {
    await cx.sites.reload();
    cx.cache.purgeSite(site.id);
  }
  return result;
}

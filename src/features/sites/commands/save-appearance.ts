import { writeAudit } from '../../../kernel/audit.js';
import type { Db } from '../../../kernel/db/connection.js';
import { formatNumber } from '../../../kernel/lib/format.js';
import { variantsOf } from '../../media/present.js';
import { contrastWithWhite, MIN_CONTRAST, parseColor } from '../appearance.js';
import type { Appearance, SiteSettings } from '../../../kernel/sites/settings.js';
import { fail, type FieldErrors } from '../../../kernel/forms.js';
import { assertSiteAdmin, type CommandResult, type SiteCommandContext } from './context.js';
import { loadSiteRow, STALE_SETTINGS, writeSiteRow } from './site-row.js';
import { parseId } from '../../../kernel/lib/ids.js';

export interface AppearanceForm {
  logo_media_id: string;
  banner_media_id: string;
  color: string;
}

export function appearanceFormOf(settings: SiteSettings): AppearanceForm {
  const a = settings.appearance;
  return { logo_media_id: a?.logoMediaId ? String(a.logoMediaId) : '', banner_media_id: a?.bannerMediaId ? String(a.bannerMediaId) : '', color: a?.color ?? '' };
}

const NOT_AN_IMAGE = 'Hãy chọn một ảnh trong Thư viện tệp của trang này.';

/** The image of this site's library with that id: the copy to show at `maxWidth`, or an error. */
async function libraryImage(db: Db, siteId: number, raw: string, maxWidth: number) {
  const s = raw.trim();
  if (!s) return { value: null };
  const id = parseId(s);
  if (id === null) return { error: NOT_AN_IMAGE };
  const m = await db.selectFrom('media').selectAll().where('site_id', '=', siteId).where('id', '=', id).where('kind', '=', 'image').executeTakeFirst();
  if (!m) return { error: NOT_AN_IMAGE };
  // The smallest copy in the original format that is still wide enough, else the original.
  const copies = variantsOf(m).filter((v) => m.mime === `image/${v.format}` && v.width >= Math.min(maxWidth, m.width ?? maxWidth)).sort((a, b) => a.width - b.width);
  const pick = copies[0] ?? { path: m.disk_path, width: m.width ?? 0, height: m.height ?? 0 };
  return { value: { id: m.id, path: pick.path, width: pick.width, height: pick.height } };
}

/**
 * Saves the site's logo, header banner and main colour. The colour must keep white text on it
 * readable (WCAG AA 4.5:1), since the header, menu and headings use it. Purges the whole site.
 */
export async function saveAppearance(cx: SiteCommandContext, form: AppearanceForm): Promise<CommandResult<null>> {
  assertSiteAdmin(cx);
  const { db, site, actor, now } = cx;
  const errors: FieldErrors = {};
  const logo = await libraryImage(db, site.id, form.logo_media_id, 160);
  if (logo.error) errors.logo_media_id = logo.error;
  const banner = await libraryImage(db, site.id, form.banner_media_id, 1600);
  if (banner.error) errors.banner_media_id = banner.error;
  let color: string | null = null;
  if (form.color.trim()) {
    color = parseColor(form.color);
    if (!color) errors.color = 'Màu phải viết dạng mã hex, ví dụ #a30d1d.';
    else {
      const ratio = contrastWithWhite(color);
      if (ratio < MIN_CONTRAST) {
        const shown = formatNumber(Math.floor(ratio * 10) / 10);
        errors.color = `Màu ${color} quá sáng: chữ trắng trên nền màu này có độ tương phản ${shown}:1, cần ít nhất 4,5:1 để dễ đọc. Hãy chọn màu đậm hơn.`;
      }
    }
  }
  if (Object.keys(errors).length) return fail(errors);

  const appearance: Appearance = {
    logo: logo.value ? { path: logo.value.path, width: logo.value.width, height: logo.value.height } : null,
    banner: banner.value ? { path: banner.value.path } : null,
    color,
    logoMediaId: logo.value?.id ?? null,
    bannerMediaId: banner.value?.id ?? null,
  };
  const result = await db.transaction().execute(async (tx): Promise<CommandResult<null>> => {
    const before = await loadSiteRow(tx, site.id);
    const old = JSON.parse(before.settings) as SiteSettings;
    if (!(await writeSiteRow(tx, before, { settings: { ...old, appearance } }))) return fail({ _form: STALE_SETTINGS });
    await writeAudit(tx, { siteId: site.id, userId: actor.userId, action: 'site.appearance', entityType: 'site', entityId: site.id, before: old.appearance ?? null, after: appearance }, now);
    return { ok: true, value: null };
  });
  if (result.ok) {
    await cx.sites.reload();
    cx.cache.purgeSite(site.id);
  }
  return result;
}

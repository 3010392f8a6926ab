import { writeAudit } from '../../../kernel/audit.js';
import { latitudeError, longitudeError, parseDegree, tileUrlError } from '../map-input.js';
import type { MapSettings, SiteSettings } from '../../../kernel/sites/settings.js';
import { fail, line, type FieldErrors } from '../../../kernel/forms.js';
import { assertSiteAdmin, type CommandResult, type SiteCommandContext } from './context.js';
import { loadSiteRow, STALE_SETTINGS, writeSiteRow } from './site-row.js';

export interface MapForm {
  title: string;
  tile_url: string;
  center_lat: string;
  center_lng: string;
  zoom: string;
  attribution: string;
}

export function mapFormOf(m: MapSettings): MapForm {
  return { title: m.title, tile_url: m.tileUrl, center_lat: String(m.center[0]), center_lng: String(m.center[1]), zoom: String(m.zoom), attribution: m.tileAttribution };
}

/**
 * Saves the map widget's settings: its title (shown in every page's sidebar), the tile server
 * (also named in the site's Content-Security-Policy), the centre and zoom. The site table is
 * reloaded and the whole public site purged.
 */
export async function saveMapSettings(cx: SiteCommandContext, form: MapForm): Promise<CommandResult<null>> {
  assertSiteAdmin(cx);
  const { db, site, actor, now } = cx;
  const errors: FieldErrors = {};
  const title = line(form.title, { label: 'tiêu đề bản đồ', max: 120 });
  if (title.error) errors.title = title.error;
  const tile = tileUrlError(form.tile_url);
  if (tile) errors.tile_url = tile;
  const lat = latitudeError(form.center_lat);
  if (lat) errors.center_lat = lat;
  const lng = longitudeError(form.center_lng);
  if (lng) errors.center_lng = lng;
  const zoom = Number(form.zoom.trim());
  if (!/^\d{1,2}$/.test(form.zoom.trim()) || zoom < 1 || zoom > 19) errors.zoom = 'Mức phóng to phải là số nguyên từ 1 đến 19.';
  const attribution = line(form.attribution, { label: 'ghi công nguồn bản đồ', max: 200 });
  if (attribution.error) errors.attribution = attribution.error;
  if (Object.keys(errors).length) return fail(errors);

  const map: MapSettings = { title: title.value, tileUrl: form.tile_url.trim(), center: [parseDegree(form.center_lat)!, parseDegree(form.center_lng)!], zoom, tileAttribution: attribution.value };
  const result = await db.transaction().execute(async (tx): Promise<CommandResult<null>> => {
    const before = await loadSiteRow(tx, site.id);
    const settings: SiteSettings = { ...(JSON.parse(before.settings) as SiteSettings), map };
    if (!(await writeSiteRow(tx, before, { settings }))) return fail({ _form: STALE_SETTINGS });
    await writeAudit(tx, { siteId: site.id, userId: actor.userId, action: 'site.map', entityType: 'site', entityId: site.id, before: (JSON.parse(before.settings) as SiteSettings).map, after: map }, now);
    return { ok: true, value: null };
  });
  if (result.ok) {
    await cx.sites.reload();
    cx.cache.purgeSite(site.id);
  }
  return result;
}

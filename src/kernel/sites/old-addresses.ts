import type { Db } from '../db/connection.js';

/** Query parameters that never tell one old page from another (tracking, sessions). */
const NOISE_PARAMS = /^(utm_[a-z]+|fbclid|gclid|zarsrc|_ga|sessionid|phpsessid)$/i;

/**
 * "/portal/pages/2019-05-05/Slug-123456.aspx", "/portal/Pages/Slug-CAhvbq96.aspx" (any case). The
 * id holds a digit: "/portal/pages/tin-tuc-su-kien.aspx" (a section page) is keyed by its path,
 * not as item "kien" (which "/portal/pages/su-kien.aspx" would share).
 */
const SHAREPOINT = /^\/portal\/pages\/(?:[^/]+\/)*[^/]*-([a-z]*[0-9][0-9a-z]*)\.aspx$/i;

function decode(part: string): string {
  try {
    return decodeURIComponent(part.replace(/\+/g, ' '));
  } catch {
    return part;
  }
}

/**
 * The key an old address is stored and looked up by, so that the forms one old page was linked
 * under meet: the host is not part of it (a separate column), the path is decoded, NFC and
 * lowercase, without a trailing slash or "index.php"; query parameters are sorted and tracking
 * ones dropped ("/?p=12", "/index.php?page_id=7&utm_source=x" → "/?page_id=7"). A SharePoint-era
 * article address is keyed by its id alone ("aspx:123456"), whatever its date folder and slug.
 * Accepts a path with its query or a whole URL (whose host is ignored here).
 */
export function oldAddressKey(address: string): string {
  let rest = address.trim();
  const absolute = /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*/i.exec(rest);
  if (absolute) rest = rest.slice(absolute[0].length);
  rest = rest.replace(/#.*$/, '');
  const q = rest.indexOf('?');
  const rawPath = q === -1 ? rest : rest.slice(0, q);
  const rawQuery = q === -1 ? '' : rest.slice(q + 1);

  let path = decode(rawPath).normalize('NFC').toLowerCase().replace(/\/{2,}/g, '/');
  if (!path.startsWith('/')) path = `/${path}`;
  path = path.replace(/\/index\.(php|html?|aspx?)$/, '/');
  if (path.length > 1) path = path.replace(/\/+$/, '');

  const sharePoint = SHAREPOINT.exec(path);
  if (sharePoint) return `aspx:${sharePoint[1]}`;

  const params = rawQuery
    .split('&')
    .filter(Boolean)
    .map((pair) => {
      const eq = pair.indexOf('=');
      const name = decode(eq === -1 ? pair : pair.slice(0, eq)).toLowerCase();
      const value = eq === -1 ? '' : decode(pair.slice(eq + 1)).normalize('NFC').toLowerCase();
      return { name, value };
    })
    .filter((p) => !NOISE_PARAMS.test(p.name))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.value < b.value ? -1 : a.value > b.value ? 1 : 0));
  return params.length ? `${path}?${params.map((p) => `${p.name}=${p.value}`).join('&')}` : path;
}

/** The host part of an old address given as a whole URL, lowercase, without port; '' otherwise. */
export function oldAddressHost(address: string): string {
  const m = /^[a-z][a-z0-9+.-]*:\/\/(?:[^@/?#]*@)?([^/?#:]+)/i.exec(address.trim());
  return m ? m[1]!.toLowerCase().replace(/\.$/, '') : '';
}

export interface OldAddress {
  /** Old host ('' = any host of the owner site). */
  host: string;
  ownerSiteId: number;
  /** The old address as given: a path with its query or a whole URL. */
  fromUrl: string;
  toSiteId: number;
  toPath: string;
  source: 'manual' | 'import' | 'merge' | 'demo';
}

/**
 * Records (or moves) an old address. The same (key, host, owner) given again now leads to the
 * new place: re-running an import or a merge never duplicates.
 */
export async function recordOldAddress(tx: Db, a: OldAddress, now: Date): Promise<void> {
  const from_key = oldAddressKey(a.fromUrl);
  const host = a.host.toLowerCase();
  const found = await tx
    .selectFrom('old_addresses')
    .select('id')
    .where('from_key', '=', from_key)
    .where('host', '=', host)
    .where('owner_site_id', '=', a.ownerSiteId)
    .executeTakeFirst();
  const row = { from_url: a.fromUrl, to_site_id: a.toSiteId, to_path: a.toPath, source: a.source };
  // tenancy: the row was found above by its owner site.
  if (found) await tx.updateTable('old_addresses').set(row).where('id', '=', found.id).execute();
  else await tx.insertInto('old_addresses').values({ ...row, host, owner_site_id: a.ownerSiteId, from_key, created_at: now.toISOString() }).execute();
}

export interface OldAddressTarget {
  toSiteId: number;
  toPath: string;
}

/**
 * Where an old address asked of `host` (answered by site `siteId`) leads now: a row for exactly
 * that host first, then one of the site's own (host ''). Only rows the answering site owns are
 * followed: a site's admin cannot capture the addresses of a host another site answers.
 */
export async function findOldAddress(db: Db, siteId: number, host: string, address: string): Promise<OldAddressTarget | null> {
  return (await lookupOldAddress(db, siteId, host, address)).target;
}

export interface OldAddressLookup {
  target: OldAddressTarget | null;
  /**
   * One of the site's old hosts has this address: what it answers depends on the host asked (two
   * merged portals answered by one site), so its 404 must not be kept under the site and path
   * alone, as the page cache keeps the other 404s.
   */
  hostDependent: boolean;
}

/**
 * Where an old address leads (see `findOldAddress`), and whether the answer depends on the host:
 * the public side's lookup for an address the site has no page for.
 */
export async function lookupOldAddress(db: Db, siteId: number, host: string, address: string): Promise<OldAddressLookup> {
  const h = host.toLowerCase();
  const rows = await db
    .selectFrom('old_addresses')
    .select(['host', 'to_site_id', 'to_path'])
    .where('from_key', '=', oldAddressKey(address))
    .where('owner_site_id', '=', siteId)
    .execute();
  const best = rows.find((r) => r.host === h) ?? rows.find((r) => r.host === '');
  return {
    target: best ? { toSiteId: best.to_site_id, toPath: best.to_path } : null,
    hostDependent: rows.some((r) => r.host !== ''),
  };
}

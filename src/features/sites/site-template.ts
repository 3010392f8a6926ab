import type { SiteSettings } from '../../kernel/sites/settings.js';

/** "Cổng thông tin điện tử phường Nam Hồng Lĩnh" → "phường Nam Hồng Lĩnh". */
export function placeOf(siteName: string): string {
  return siteName.replace(/^\s*(Cổng|Trang)\s+thông\s+tin\s+điện\s+tử\s+/iu, '').trim() || siteName;
}

/** "phường Nam Hồng Lĩnh" → "Nam Hồng Lĩnh". */
function bareName(place: string): string {
  return place.replace(/^(phường|xã|thị trấn|thị xã|thành phố|huyện|tỉnh|đặc khu)\s+/iu, '').trim() || place;
}

/**
 * Settings of a new site: the province-wide choices (header line, map tiles and area, security
 * switches) come from the site it is created from; the publisher information is that of the
 * new authority, to be completed on the settings screen before the site goes public.
 */
export function newSiteSettings(siteName: string, from: SiteSettings): SiteSettings {
  const place = placeOf(siteName);
  const pending = 'Đang cập nhật';
  return {
    tagline: from.tagline,
    publisher: { agency: `Ủy ban nhân dân ${place}`, address: pending, phone: '', email: '', responsible: pending, licence: pending },
    map: { ...from.map, title: `Bản đồ ${place}` },
    linksTitle: 'Liên kết website',
    songsTitle: `Các ca khúc hay về ${bareName(place)}`,
    twoPersonRule: from.twoPersonRule ?? false,
    requireTotpForAll: from.requireTotpForAll ?? false,
  };
}

/** What a new site starts with, so its home page, menu and footer are not empty. */
export const STARTER_CATEGORIES = [
  { slug: 'tin-tuc-su-kien', name: 'Tin tức – Sự kiện' },
  { slug: 'thong-bao', name: 'Thông báo' },
];

export const STARTER_PAGE = { slug: 'gioi-thieu', title: 'Giới thiệu', body_html: '<p>Nội dung giới thiệu đang được cập nhật.</p>' };

/**
 * The settings the first site of an installation starts from when there is no site to take them
 * from (`cong create-site` on an empty database): to be completed on its settings screen.
 */
export const FIRST_SITE_TEMPLATE: SiteSettings = {
  tagline: '',
  publisher: { agency: '', address: '', phone: '', email: '', responsible: '', licence: '' },
  map: { title: '', center: [18.34, 105.9], zoom: 13, tileUrl: 'https://tile.openstreetmap.org/{z}/{x}/{y}.png', tileAttribution: '© OpenStreetMap' },
  linksTitle: 'Liên kết website',
  songsTitle: '',
};

/** Per-site settings stored as JSON on the site row. Everything a citizen reads is Vietnamese. */
export interface PublisherInfo {
  /** Cơ quan chủ quản */
  agency: string;
  address: string;
  phone: string;
  email: string;
  /** Người chịu trách nhiệm chính (name and post) */
  responsible: string;
  /** Licence line, e.g. "Giấy phép số 12/GP-STTTT do Sở Thông tin và Truyền thông Hà Tĩnh cấp ngày …" */
  licence: string;
}

export interface MapSettings {
  /** Widget and page heading, e.g. "Bản đồ thị xã Hồng Lĩnh" */
  title: string;
  center: [number, number];
  zoom: number;
  /** Leaflet tile URL template; tiles may be unreachable, the static map is the fallback. */
  tileUrl: string;
  tileAttribution: string;
}

export interface SiteSettings {
  /** Short line under the site name in the header, e.g. "Tỉnh Hà Tĩnh" */
  tagline: string;
  publisher: PublisherInfo;
  map: MapSettings;
  linksTitle: string;
  songsTitle: string;
  /** Nobody publishes an article they wrote or last edited (optional, off by default). */
  twoPersonRule?: boolean;
  /**
   * Every role of the site must sign in with a second factor (TOTP), contributors too. Admins,
   * approvers, editors, moderators and system administrators must in any case
   * (src/kernel/access/two-factor.ts): a site can tighten the rule, not loosen it.
   */
  requireTotpForAll?: boolean;
  /** How new comments are published (src/features/comments); absent means hold every comment. */
  commentModeration?: CommentModeration;
  /** No new comments anywhere on the site (existing ones stay visible). */
  commentsClosed?: boolean;
  /**
   * The tracking script of the national monitoring system (EMC; Thông tư 22/2023/TT-BTTTT requires
   * every portal to be connected to it): an https URL, loaded on every public page, whose origin
   * the CSP allows for scripts and connections. Absent or null: nothing is added.
   */
  emcScriptUrl?: string | null;
  /** Logo, header banner and main colour (src/features/sites/appearance.ts); absent: the national emblem and red. */
  appearance?: Appearance;
}

export interface Appearance {
  /** Images of the site's library, shown in the header. */
  logo: { path: string; width: number; height: number } | null;
  banner: { path: string } | null;
  /** The header and heading colour, "#rrggbb"; white text on it meets WCAG AA. */
  color: string | null;
  /** The media ids the images came from, for the settings form. */
  logoMediaId: number | null;
  bannerMediaId: number | null;
}

/** Hold every comment for a moderator (the default), hold only a new author's first, or publish at once. */
export type CommentModeration = 'hold_all' | 'hold_first' | 'publish';

import type { SiteSettings } from '../sites/settings.js';

/** Demo content, written as plain data; `src/demo.ts` and each feature's `demo` turn it into rows. All text is NFC Vietnamese. */
export interface DemoCategory {
  slug: string; // lowercase ASCII, e.g. "xay-dung-dang"
  name: string; // e.g. "Xây dựng Đảng"
}

export interface DemoArticle {
  title: string;
  /** Lead paragraph (sapo), one or two sentences. */
  sapo: string;
  /** Body paragraphs, plain text (escaped when turned into HTML). */
  paragraphs: string[];
  /** Slug of one of the site's categories. */
  category: string;
  /** Local time in Asia/Ho_Chi_Minh, "YYYY-MM-DDTHH:mm". */
  publishedAt: string;
  author?: string;
  /** "Nguồn", e.g. "Báo Hà Tĩnh" */
  source?: string;
  featured?: boolean;
  /** Numeric id on the old platform (/portal/pages/YYYY-MM-DD/Slug-NNNNNN.aspx) */
  legacyId?: string;
  /**
   * Code of the archived demo site that first published this article: its old address there
   * (by `legacyId`) leads to this site's copy.
   */
  carriedFrom?: string;
}

export interface DemoPage {
  slug: string; // e.g. "gioi-thieu"
  title: string;
  paragraphs: string[];
}

export interface DemoLink {
  title: string;
  url: string; // https only
}

export interface DemoOffice {
  name: string;
  address: string;
  phone?: string;
  lat: number;
  lng: number;
}

export interface DemoSong {
  title: string;
  /** Composer / performer line */
  artist: string;
  /** The generated demo tone: a short melody as note frequencies in Hz. */
  melody: number[];
}

export interface DemoSite {
  code: string; // used in the dev hostname <code>.localhost
  name: string;
  isDefault: boolean;
  settings: SiteSettings;
  /** The imported total of the old portal's visit counter. */
  counterBase: number;
  /**
   * A unit abolished in the 2025 reorganisation: the site is an archive since `since` (local
   * time, "YYYY-MM-DDTHH:mm") and names the codes of the sites that carry its work.
   */
  archived?: { since: string; successors: string[] };
  categories: DemoCategory[];
  /** The header menu: "s:<section key>" (a feature's `section.key`) or "c:<category slug>". */
  menu: string[];
  articles: DemoArticle[];
  pages: DemoPage[];
  links: DemoLink[];
  offices: DemoOffice[];
  songs: DemoSong[];
}

import type { VNode } from 'preact';
import type { Db } from '../../db/connection.js';
import type { CategoryRow } from '../../db/schema.js';
import type { Feature, PublicSection } from '../../feature.js';
import type { AssetManifest } from '../../http/assets.js';
import type { Site } from '../../sites/site.js';

/** One entry of the header menu. */
export interface MenuLink {
  href: string;
  label: string;
  /** The key the layout marks as current ("cat:<slug>", "page:<slug>", "sec:<key>"). */
  current: string;
}

/**
 * What a feature adds to the frame beyond the header and footer material, by declaration
 * merging (`declare module '…/kernel/views/public/frame.js' { interface FrameExtras { … } }`),
 * so that the kernel knows no feature and each feature's blocks read typed data.
 */
export interface FrameExtras {}

/** A site that now carries an archived site's work, linked to its home page (the archive banner). */
export interface SuccessorLink {
  name: string;
  href: string;
}

/** What every public page shows around its content: header menu, sidebar, footer. */
export interface Frame extends Partial<FrameExtras> {
  site: Site;
  /** An archived site's successors (empty for a live site). */
  successors: SuccessorLink[];
  origin: string;
  assets: AssetManifest;
  /** The public sections of the features ("Thông tin chính quyền"). */
  sections: readonly PublicSection[];
  /** The site's categories (the default header menu, search filters). */
  categories: CategoryRow[];
  /** The site's static pages (footer links; the first one is in the default menu). */
  pages: { slug: string; title: string }[];
  /** The header menu the site's admins configured; empty means the default menu. */
  menu: MenuLink[];
  /** Site-wide stylesheets after the portal's own (the site's colours). */
  stylesheets: string[];
  /** The right-hand column's blocks, in order. */
  sidebar: readonly SidebarBlock[];
  /** The home of the site's English pages ("/en"), when a feature publishes them: the header links it. */
  englishHome?: string;
  /** What the features put at the top of every page, above the header (a site-wide notice). */
  banners: readonly Banner[];
}

/** A block shown above the header of every page, or nothing. */
export type Banner = (frame: Frame) => VNode | null;

/** The part of a frame a feature loads for each rendered page. */
export type FrameContent = Partial<Pick<Frame, 'categories' | 'pages' | 'menu' | 'stylesheets' | 'englishHome'>> & Partial<FrameExtras>;

export interface SidebarBlock {
  order: number;
  /** `current` is the nav key of the page (a block may stay off its own section's pages). */
  render(frame: Frame, current?: string): VNode | null;
}

export interface FrameLoad {
  db: Db;
  site: Site;
  now: Date;
  sections: readonly PublicSection[];
}

export interface FramePart {
  load?(on: FrameLoad): Promise<FrameContent>;
  sidebar?: readonly SidebarBlock[];
  banner?: Banner;
}

/** Loads every feature's part of the frame at once (one round of queries per rendered page). */
export async function loadFrame(features: readonly Feature[], db: Db, site: Site, origin: string, assets: AssetManifest, sections: readonly PublicSection[], now: Date, successors: SuccessorLink[] = []): Promise<Frame> {
  const parts = features.flatMap((f) => (f.frame ? [f.frame] : []));
  const contents = await Promise.all(parts.map((p) => p.load?.({ db, site, now, sections })));
  const sidebar = parts.flatMap((p) => p.sidebar ?? []).sort((a, b) => a.order - b.order);
  const banners = parts.flatMap((p) => (p.banner ? [p.banner] : []));
  return Object.assign({ site, successors, origin, assets, sections, categories: [], pages: [], menu: [], stylesheets: [], sidebar, banners }, ...contents);
}

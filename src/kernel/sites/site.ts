import type { SiteSettings } from './settings.js';

/** A ward/commune/town site, as the rest of the program sees it. */
export interface Site {
  id: number;
  code: string;
  name: string;
  isDefault: boolean;
  settings: SiteSettings;
  counterBase: number;
  /** The host every absolute URL of the site uses (null only for a site without any host). */
  primaryHost: string | null;
  /** The configured scheme; null: https in production, http elsewhere (origin.ts). */
  scheme: 'https' | 'http' | null;
  /** When the site became a read-only archive (ISO instant); null while it is live. */
  archivedAt: string | null;
  /** Ids of the sites that carry an archived site's work now (empty while it is live). */
  successors: number[];
}

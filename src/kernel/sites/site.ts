import type { SiteSettings } from './settings.js';

/** A ward/commune/town site, as the rest of the program sees it. */
export interface Site {
  id: number;
  code: string;
  name: string;
  isDefault: boolean;
  settings: SiteSettings;
  counterBase: number;
}

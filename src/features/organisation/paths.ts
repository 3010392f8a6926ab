/**
 * The public URLs of the section, Vietnamese and English, in one place. Each Vietnamese page has
 * one English counterpart; both name each other with hreflang.
 */
export const ORG_PAGES = {
  overview: { vi: '/gioi-thieu', en: '/en' },
  chart: { vi: '/gioi-thieu/co-cau-to-chuc', en: '/en/organisation' },
  leaders: { vi: '/gioi-thieu/lanh-dao', en: '/en/leaders' },
  contact: { vi: '/gioi-thieu/lien-he', en: '/en/contact' },
} as const;

export type OrgPageKey = keyof typeof ORG_PAGES;

/** Every public path the section renders (purged together: every page shows the agency). */
export const ALL_ORG_PATHS: string[] = Object.values(ORG_PAGES).flatMap((p) => [p.vi, p.en]);

/** The alternates of a page pair: Vietnamese, English, and Vietnamese as the default. */
export function alternatesOf(key: OrgPageKey): { hreflang: string; path: string }[] {
  const p = ORG_PAGES[key];
  return [
    { hreflang: 'vi', path: p.vi },
    { hreflang: 'en', path: p.en },
    { hreflang: 'x-default', path: p.vi },
  ];
}

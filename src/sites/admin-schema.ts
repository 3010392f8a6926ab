/** Tables added for managing a site from the back office (filled in by the site-management feature). */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface SiteAdminTables {}

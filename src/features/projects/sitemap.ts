import type { SitemapSource } from '../../kernel/http/sitemap.js';
import { listProjects } from './repo.js';
import { projectUrls } from './urls.js';

/** The list and each published project. */
export const projectSitemap: SitemapSource = async (db, siteId) => {
  const projects = await listProjects(db, siteId);
  return [{ path: projectUrls.list(), lastmod: projects[0]?.updated_at }, ...projects.map((p) => ({ path: projectUrls.project(p), lastmod: p.updated_at }))];
};

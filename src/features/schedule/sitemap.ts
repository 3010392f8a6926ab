import type { SitemapSource } from '../../kernel/http/sitemap.js';
import { SCHEDULE_PATH } from './page-keys.js';

/** The schedule's page (this week); past and future weeks are reached from it. */
export const scheduleSitemap: SitemapSource = async () => [{ path: SCHEDULE_PATH }];

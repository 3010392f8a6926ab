import type { Feature } from '../../kernel/feature.js';
import { articleAdminRoutes } from './admin/routes.js';
import { categoryRoutes } from './admin/categories-routes.js';
import { seedArticles } from './demo.js';
import { articleFrame } from './frame.js';
import { articlePolicy } from './policy.js';
import { publishingJob } from './scheduler.js';
import { feedRoutes } from './public/feed-routes.js';
import { legacyArticleAddress } from './public/legacy-address.js';
import { publicRoutes } from './public/routes.js';
import { savePrintRoutes } from './public/save-print-routes.js';

/** News: the home page, categories, articles with their workflow, print view and PDF file, feeds and the sitemap. */
export const articles: Feature = {
  key: 'articles',
  label: 'Bài viết',
  publicRoutes: async (app) => {
    await app.register(publicRoutes);
    await app.register(feedRoutes);
    await app.register(savePrintRoutes);
  },
  adminRoutes: async (admin) => {
    await articleAdminRoutes(admin);
    await categoryRoutes(admin);
  },
  adminNav: [{ href: '/quan-tri/bai-viet', label: 'Bài viết', order: 10, visible: articlePolicy.list }],
  frame: articleFrame,
  jobs: (app) => [publishingJob(app.cong)],
  oldAddress: legacyArticleAddress,
  demo: seedArticles,
  tables: ['categories', 'articles', 'article_revisions', 'article_pending_edits', 'article_editors'],
};

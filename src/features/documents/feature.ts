import type { Feature } from '../../kernel/feature.js';
import { documentAdminRoutes } from './admin/routes.js';
import { seedDocuments } from './demo.js';
import { documentPolicy } from './policy.js';
import { documentRoutes } from './public/routes.js';
import { documentSearch, documentSitemap } from './sections.js';

/** The document library: list and filters, document pages, files, feed, number search. */
export const documents: Feature = {
  key: 'documents',
  label: 'Văn bản',
  publicRoutes: documentRoutes,
  adminRoutes: documentAdminRoutes,
  adminNav: [{ href: '/quan-tri/van-ban', label: 'Văn bản', order: 30, visible: documentPolicy.manage }],
  section: { key: 'van-ban', label: 'Văn bản', path: '/van-ban', order: 20 },
  sitemap: documentSitemap,
  search: { order: 10, search: documentSearch },
  demo: seedDocuments,
  tables: ['document_types', 'documents', 'document_files', 'document_relations'],
};

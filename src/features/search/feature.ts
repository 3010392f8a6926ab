import type { Feature } from '../../kernel/feature.js';
import { searchRoutes } from './public/routes.js';

/** /tim-kiem: articles with or without diacritics, then every feature's search group. */
export const search: Feature = {
  key: 'search',
  label: 'Tìm kiếm',
  publicRoutes: searchRoutes,
  tables: ['search_documents'],
};

import type { Feature } from '../../kernel/feature.js';
import { openDataRoutes } from './routes.js';

/** Dữ liệu mở: the read-only JSON API and CSV downloads of what the site publishes (docs/open-data.md). */
export const openData: Feature = {
  key: 'open-data',
  label: 'Dữ liệu mở',
  publicRoutes: openDataRoutes,
};

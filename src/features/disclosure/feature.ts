import type { Feature } from '../../kernel/feature.js';
import { DISCLOSURE_HUB } from '../../kernel/views/public/widgets.js';
import { hubRoutes } from './public/routes.js';

/**
 * Công khai – minh bạch: the hub page listing every disclosure section with what the law asks of
 * it, and the two tables the sections of part B share (their settings, their dated notices).
 */
export const disclosure: Feature = {
  key: 'disclosure',
  label: 'Công khai – minh bạch',
  publicRoutes: hubRoutes,
  sitemap: async () => [{ path: DISCLOSURE_HUB }],
  tables: ['disclosure_settings', 'disclosure_notices'],
};

import type { Feature } from '../../kernel/feature.js';
import { mergeAdminRoutes } from './admin/routes.js';
import { MERGE_PATH } from './admin/view.js';
import { mergePolicy } from './policy.js';

/** Hợp nhất trang: folding old sites into the site that carries their work after the 2025 reorganisation. */
export const merge: Feature = {
  key: 'merge',
  label: 'Hợp nhất trang',
  adminRoutes: mergeAdminRoutes,
  adminNav: [{ href: MERGE_PATH, label: 'Hợp nhất trang', order: 115, visible: (a) => mergePolicy.merge(a) }],
};

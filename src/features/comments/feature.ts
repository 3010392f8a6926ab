import type { Feature } from '../../kernel/feature.js';
import { commentAdminRoutes } from './admin/routes.js';
import { commentPolicy } from './policy.js';
import { commentPublicRoutes } from './public/index.js';

/** Comments under articles, behind the verification step, and their moderation. */
export const comments: Feature = {
  key: 'comments',
  label: 'Bình luận',
  publicRoutes: commentPublicRoutes,
  adminRoutes: commentAdminRoutes,
  adminNav: [{ href: '/quan-tri/binh-luan', label: 'Bình luận', order: 20, visible: commentPolicy.moderate }],
  tables: ['comments'],
};

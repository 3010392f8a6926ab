import type { Feature } from '../../kernel/feature.js';
import { mediaRoutes } from './admin/routes.js';
import { mediaPolicy } from './policy.js';
import { mediaPublicRoutes } from './public/routes.js';

/** The media library: uploads with responsive sizes, served under /media. */
export const media: Feature = {
  key: 'media',
  label: 'Thư viện tệp',
  publicRoutes: mediaPublicRoutes,
  adminRoutes: mediaRoutes,
  adminNav: [{ href: '/quan-tri/thu-vien', label: 'Thư viện tệp', order: 100, visible: mediaPolicy.browse }],
  tables: ['media'],
};

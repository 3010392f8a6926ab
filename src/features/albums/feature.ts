import type { Feature } from '../../kernel/feature.js';
import { albumAdminRoutes } from './admin/routes.js';
import { seedAlbums } from './demo.js';
import { ALBUMS_ADMIN_PATH, ALBUMS_PATH } from './paths.js';
import { albumsPolicy } from './policy.js';
import { albumRoutes } from './public/routes.js';
import { searchAlbums } from './search.js';
import { albumsSitemap } from './sitemap.js';

/**
 * Thư viện ảnh: albums of the library's images, each photo with its caption and alt text and its
 * own page. Its demo also gives the demo articles their cover pictures.
 */
export const albums: Feature = {
  key: 'albums',
  label: 'Thư viện ảnh',
  publicRoutes: albumRoutes,
  adminRoutes: albumAdminRoutes,
  adminNav: [{ href: ALBUMS_ADMIN_PATH, label: 'Thư viện ảnh', order: 101, visible: albumsPolicy.manage }],
  section: { key: 'thu-vien-anh', label: 'Thư viện ảnh', path: ALBUMS_PATH, order: 80 },
  sitemap: albumsSitemap,
  search: { order: 80, search: searchAlbums },
  demo: seedAlbums,
  tables: ['albums', 'album_photos'],
};

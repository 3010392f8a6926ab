import type { Feature } from '../../kernel/feature.js';
import { videoAdminRoutes } from './admin/routes.js';
import { seedVideo } from './demo.js';
import { ADMIN_PATH } from './paths.js';
import { videoPolicy } from './policy.js';
import { videoRoutes } from './public/routes.js';
import { searchClips } from './search.js';
import { videoSitemap } from './sitemap.js';

/**
 * Video (uploaded MP4/WebM files, or YouTube videos loaded only on a click) and Bản tin phát
 * thanh, the ward loudspeakers' bulletins (MP3/OGG with their text), at /video and /phat-thanh.
 * Files are the media library's, served with byte ranges.
 */
export const video: Feature = {
  key: 'video',
  label: 'Video',
  publicRoutes: videoRoutes,
  adminRoutes: videoAdminRoutes,
  adminNav: [
    { href: ADMIN_PATH.video, label: 'Video', order: 102, visible: videoPolicy.manage },
    { href: ADMIN_PATH.audio, label: 'Bản tin phát thanh', order: 103, visible: videoPolicy.manage },
  ],
  section: { key: 'video', label: 'Video', path: '/video', order: 85 },
  sitemap: videoSitemap,
  search: { order: 85, search: searchClips },
  demo: seedVideo,
  tables: ['clips'],
};

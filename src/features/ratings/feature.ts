import type { Feature } from '../../kernel/feature.js';
import { ratingRoutes } from './routes.js';

/** Star ratings of articles: one vote per visitor, counted in the article row. */
export const ratings: Feature = {
  key: 'ratings',
  label: 'Đánh giá bài viết',
  publicRoutes: async (app) => ratingRoutes(app, app.cong.citizen.visitors),
  tables: ['rating_votes'],
};

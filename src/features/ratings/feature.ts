import type { Feature } from '../../kernel/feature.js';
import { citizenServices } from '../../kernel/citizen/services.js';
import { ratingRoutes } from './routes.js';

/** Star ratings of articles: one vote per visitor, counted in the article row. */
export const ratings: Feature = {
  key: 'ratings',
  label: 'Đánh giá bài viết',
  publicRoutes: async (app) => ratingRoutes(app, (await citizenServices(app)).visitors),
  tables: ['rating_votes'],
};

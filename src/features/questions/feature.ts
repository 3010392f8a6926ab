import type { Feature } from '../../kernel/feature.js';
import { questionAdminRoutes } from './admin/routes.js';
import { seedQuestions } from './demo.js';
import { questionPolicy } from './policy.js';
import { questionRoutes } from './public/routes.js';
import { questionSitemap, searchQuestions } from './search.js';

/** Citizens' questions: ask with a tracking code, the answered list, the board's queue. */
export const questions: Feature = {
  key: 'questions',
  label: 'Hỏi đáp',
  publicRoutes: questionRoutes,
  adminRoutes: questionAdminRoutes,
  adminNav: [{ href: '/quan-tri/hoi-dap', label: 'Hỏi đáp', order: 40, visible: questionPolicy.handle }],
  section: { key: 'hoi-dap', label: 'Hỏi đáp', path: '/hoi-dap', order: 40 },
  sitemap: questionSitemap,
  search: { order: 30, search: searchQuestions },
  demo: seedQuestions,
  tables: ['question_topics', 'questions', 'question_settings'],
};

import type { FramePart } from '../../kernel/views/public/frame.js';
import { listCategories } from './repo.js';

/** The categories: the default header menu and the search page's filter. */
export const articleFrame: FramePart = {
  load: async ({ db, site }) => ({ categories: await listCategories(db, site.id) }),
};
